// Feedback writes on one panel at a sustained rate (open loop: a request every 1/rate s whether or not
// earlier ones answered, so slow answers show as latency), with the aggregates read back every second
// while writing: "current" means every acknowledged write is already counted in the aggregates.
//   npm run bench -- candidates-feedback [--rate 200] [--seconds 30] [--collectors 20] [--keep]
import { argNumber, percentile, rate, report, runBench } from './bench-utils';
import { api, feedbackBody, openBenchPanel, PEOPLE, startPanelService } from './candidates-support';

async function main(): Promise<void> {
  const perSecond = argNumber('rate', 200);
  const seconds = argNumber('seconds', 30);
  const collectors = argNumber('collectors', 20);
  const total = perSecond * seconds;
  const service = await startPanelService(
    `bench-feedback-${Date.now().toString(36)}`,
    argNumber('port', 3913),
    collectors,
  );
  try {
    const panel = await openBenchPanel(service, collectors);
    console.log(`panel ${panel.panelId} open; sending ${total} feedback writes at ${perSecond}/s`);
    const latencies: number[] = [];
    const statuses = new Map<number, number>();
    let acknowledged = 0;
    let staleReads = 0;
    let aggregateReads = 0;
    let writing = true;
    const aggregates = `${service.url}/panels/${panel.panelId}/aggregates`;
    const checker = (async () => {
      while (writing) {
        const ackedBefore = acknowledged;
        const res = await api<{ items: { count: number }[] }>(aggregates, 'GET', PEOPLE.hq);
        const counted = res.body.items.reduce((sum, item) => sum + item.count, 0);
        aggregateReads++;
        if (counted < ackedBefore) staleReads++;
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    })();
    const interval = 1000 / perSecond;
    const started = performance.now();
    const inFlight: Promise<void>[] = [];
    for (let i = 0; i < total; i++) {
      const due = started + i * interval;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const collector = panel.collectors[i % panel.collectors.length];
      inFlight.push(
        (async () => {
          const t0 = performance.now();
          const status = await api(
            `${service.url}/panels/${panel.panelId}/feedback`,
            'POST',
            collector,
            feedbackBody(panel, i),
          ).then(
            (res) => res.status,
            () => 0,
          );
          latencies.push(performance.now() - t0);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          if (status === 201) acknowledged++;
        })(),
      );
    }
    await Promise.all(inFlight);
    const elapsed = performance.now() - started;
    writing = false;
    await checker;
    const final = await api<{ items: { count: number }[] }>(aggregates, 'GET', PEOPLE.hq);
    latencies.sort((a, b) => a - b);
    report(
      `candidates-panel: ${total} feedback writes to one panel at ${perSecond}/s (open loop, over HTTP)`,
      {
        'writes sent': total,
        'answers by status': [...statuses].map(([s, n]) => `${s}×${n}`).join(', '),
        'achieved rate (writes / s)': rate(total, elapsed),
        'latency p50': `${percentile(latencies, 50).toFixed(1)} ms`,
        'latency p95': `${percentile(latencies, 95).toFixed(1)} ms`,
        'latency p99': `${percentile(latencies, 99).toFixed(1)} ms`,
        'latency max': `${latencies[latencies.length - 1].toFixed(1)} ms`,
        'aggregate reads during the run': aggregateReads,
        'aggregate reads missing an acknowledged write': staleReads,
        'feedback counted in the aggregates at the end': final.body.items.reduce(
          (sum, item) => sum + item.count,
          0,
        ),
        'acknowledged writes': acknowledged,
      },
    );
  } finally {
    await service.stop();
  }
}

runBench(main);
