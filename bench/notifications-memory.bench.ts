// Memory of the notifications service over a 100,000-message run: 20,000 members × 5 invitations
// (five per member per day stay under the digest threshold), every one sent to the provider stub.
// The service runs with the heap it has in Kubernetes. Samples its RSS every 2 s and prints it at each tenth of the run: flat means no growth
// with the number of messages handled.
//   npm run bench -- notifications-memory [--messages 100000] [--members 20000]
import { argNumber, report, runBench } from './bench-utils';
import {
  publishInvitations,
  rssMiB,
  startNotificationsService,
  until,
  warmUp,
} from './notifications-support';

async function main(): Promise<void> {
  const total = argNumber('messages', 100_000);
  const members = argNumber('members', 20_000);
  const rounds = Math.ceil(total / members);
  const id = `bench-notify-mem-${Date.now().toString(36)}`;
  // The heap as deployed (k8s/base/notifications: NODE_OPTIONS in a 512 MiB container).
  const service = await startNotificationsService(
    id,
    argNumber('port', 3916),
    members,
    { NOTIFY_RATE_WHATSAPP_PER_SECOND: '5000' },
    ['--max-old-space-size=320'],
  );
  await warmUp(service);
  const samples: { at: number; sent: number; rss: number }[] = [];
  const sampler = setInterval(
    () => samples.push({ at: Date.now(), sent: service.stub.counts.whatsapp, rss: rssMiB(service.pid) }),
    2000,
  );
  try {
    const startRss = rssMiB(service.pid);
    const started = Date.now();
    for (let round = 0; round < rounds; round++)
      await publishInvitations(service.kafka, service.memberIds, `bench.S${round}`);
    await until('all sent', async () => service.stub.counts.whatsapp >= members * rounds, 3_600_000);
    clearInterval(sampler);
    const rows: Record<string, string> = { 'RSS after start': `${startRss} MiB` };
    for (let tenth = 1; tenth <= 10; tenth++) {
      const mark = (members * rounds * tenth) / 10;
      const sample = samples.find((s) => s.sent >= mark) ?? samples[samples.length - 1];
      rows[`RSS at ${tenth * 10}% (${sample.sent} sent)`] = `${sample.rss} MiB`;
    }
    const peak = samples.reduce((a, b) => (b.rss > a.rss ? b : a));
    rows['peak RSS'] = `${peak.rss} MiB, ${Math.round((peak.at - started) / 1000)} s in (${peak.sent} sent)`;
    rows['run'] = `${Math.round((Date.now() - started) / 1000)} s for ${members * rounds} messages`;
    report('notifications memory over a long run', rows);
  } finally {
    clearInterval(sampler);
    await service.stop();
  }
}

runBench(main);
