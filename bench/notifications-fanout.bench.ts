// One training invitation to 5,000 members: how long until every message is queued, until every one was
// sent to the provider stub (WhatsApp), and that throughput as a share of the stub's own raw capacity
// measured in the same run (same machine, same concurrency).
//   npm run bench -- notifications-fanout [--members 5000] [--rate 2000] [--concurrency 32]
import { argNumber, rate, report, runBench } from './bench-utils';
import {
  publishInvitations,
  startNotificationsService,
  stubRawRate,
  until,
  warmUp,
} from './notifications-support';

async function main(): Promise<void> {
  const members = argNumber('members', 5000);
  const concurrency = argNumber('concurrency', 32);
  const id = `bench-notify-${Date.now().toString(36)}`;
  const service = await startNotificationsService(id, argNumber('port', 3915), members, {
    NOTIFY_RATE_WHATSAPP_PER_SECOND: String(argNumber('rate', 2000)),
    NOTIFY_CONCURRENCY_WHATSAPP: String(concurrency),
  });
  try {
    await warmUp(service);
    const rawRate = await stubRawRate(service.stub, members, concurrency);
    service.stub.reset();
    const messages = service.db.collection('messages');
    const started = Date.now();
    await publishInvitations(service.kafka, service.memberIds, 'bench.AC1');
    const publishedMs = Date.now() - started;
    await until(
      'all queued',
      async () => (await messages.countDocuments({ ruleId: 'training-invitation' })) >= members,
      600_000,
    );
    const queuedMs = Date.now() - started;
    await until('all sent', async () => service.stub.counts.whatsapp >= members, 900_000);
    const sentMs = Date.now() - started;
    const sendRate = (members / sentMs) * 1000;
    report(`notifications fan-out: one training invitation to ${members} members`, {
      'events published in': `${publishedMs} ms`,
      'all queued after': `${queuedMs} ms (${rate(members, queuedMs)} messages/s)`,
      'all sent to the stub after': `${sentMs} ms (${Math.round(sendRate)} sends/s end to end)`,
      'stub raw capacity (same run)': `${Math.round(rawRate)} calls/s at concurrency ${concurrency}`,
      'end-to-end / raw capacity': (sendRate / rawRate).toFixed(2),
      'duplicate sends': `${service.stub.counts.whatsapp - members}`,
    });
  } finally {
    await service.stop();
  }
}

runBench(main);
