// Panel reads (GET /panels/{id}: the panel, its prospects decrypted and the feedback aggregates) by 50
// concurrent readers (closed loop: each reader sends its next read when the last one answered), every read
// appending its audit entry before it answers.
//   npm run bench -- candidates-panel-read [--readers 50] [--seconds 30] [--feedback 600] [--keep]
import { argNumber, percentile, rate, report, runBench } from './bench-utils';
import { api, feedbackBody, openBenchPanel, PEOPLE, startPanelService } from './candidates-support';

async function main(): Promise<void> {
  const readers = argNumber('readers', 50);
  const seconds = argNumber('seconds', 30);
  const feedback = argNumber('feedback', 600);
  const service = await startPanelService(
    `bench-read-${Date.now().toString(36)}`,
    argNumber('port', 3914),
    10,
  );
  try {
    const panel = await openBenchPanel(service, 10);
    for (let i = 0; i < feedback; i += 20)
      await Promise.all(
        Array.from({ length: Math.min(20, feedback - i) }, (_, k) =>
          api(
            `${service.url}/panels/${panel.panelId}/feedback`,
            'POST',
            panel.collectors[(i + k) % 10],
            feedbackBody(panel, i + k),
          ),
        ),
      );
    const auditBefore = await service.db.collection('panel_audit').countDocuments();
    console.log(`panel ${panel.panelId} with ${feedback} feedback; ${readers} readers for ${seconds} s`);
    const latencies: number[] = [];
    const statuses = new Map<number, number>();
    const url = `${service.url}/panels/${panel.panelId}`;
    const started = performance.now();
    const until = started + seconds * 1000;
    await Promise.all(
      Array.from({ length: readers }, async (_, r) => {
        const reader = r % 2 === 0 ? PEOPLE.coordinator : PEOPLE.hq;
        while (performance.now() < until) {
          const t0 = performance.now();
          const status = await api(url, 'GET', reader).then(
            (res) => res.status,
            () => 0,
          );
          latencies.push(performance.now() - t0);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
        }
      }),
    );
    const elapsed = performance.now() - started;
    const audited = (await service.db.collection('panel_audit').countDocuments()) - auditBefore;
    latencies.sort((a, b) => a - b);
    report(
      `candidates-panel: panel reads with their audit append, ${readers} concurrent readers for ${seconds} s`,
      {
        reads: latencies.length,
        'answers by status': [...statuses].map(([s, n]) => `${s}×${n}`).join(', '),
        'audit entries appended': audited,
        'throughput (reads / s)': rate(latencies.length, elapsed),
        'latency p50': `${percentile(latencies, 50).toFixed(1)} ms`,
        'latency p95': `${percentile(latencies, 95).toFixed(1)} ms`,
        'latency p99': `${percentile(latencies, 99).toFixed(1)} ms`,
        'latency max': `${latencies[latencies.length - 1].toFixed(1)} ms`,
      },
    );
  } finally {
    await service.stop();
  }
}

runBench(main);
