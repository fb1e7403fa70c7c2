// Full-scale invitation materialisation: a programme of IT-cell meetings in each of the 80 Lok
// Sabha seats, inviting every IT-cell office bearer (assembly, mandal, sector) of Uttar Pradesh.
//   npm run bench -- training-invitations [--seats 80] [--assemblies 403] [--mandals-per-assembly 4] [--sectors-per-mandal 10] [--keep]
import { argNumber, rate, report, runBench } from './bench-utils';
import { api, FULL_UP, seedReadModel, startTrainingService, until, type Seeded } from './training-support';

async function main(): Promise<void> {
  const shape = {
    ...FULL_UP,
    lokSabhaSeats: argNumber('seats', FULL_UP.lokSabhaSeats),
    assemblies: argNumber('assemblies', FULL_UP.assemblies),
    mandalsPerAssembly: argNumber('mandals-per-assembly', FULL_UP.mandalsPerAssembly),
    sectorsPerMandal: argNumber('sectors-per-mandal', FULL_UP.sectorsPerMandal),
  };
  const id = `bench-training-${Date.now().toString(36)}`;
  let seeded!: Seeded;
  let seedMs = 0;
  const service = await startTrainingService(id, argNumber('port', 3914), async (db) => {
    const started = Date.now();
    seeded = await seedReadModel(db, shape);
    seedMs = Date.now() - started;
  });
  try {
    const now = Date.now();
    const started = Date.now();
    const created = await api<{ id: string; sessionCount: number; totalTarget: number }>(
      `${service.url}/programmes`,
      'POST',
      {
        title: 'IT-cell meetings in every Lok Sabha seat',
        titleHi: 'हर लोकसभा सीट में आईटी सेल की बैठक',
        rootAreaId: 'UP',
        windowStart: new Date(now + 30 * 86_400_000).toISOString(),
        windowEnd: new Date(now + 41 * 86_400_000).toISOString(),
        audience: {
          positions: ['it-cell-assembly', 'it-cell-mandal', 'it-cell-sector'],
          areaLevels: ['assembly', 'mandal', 'sector'],
        },
        sessionPlan: { kind: 'per-area', level: 'lok-sabha' },
        targetRule: { kind: 'scaled', basis: 'booths', min: 2500, max: 5000 },
        schedule: {
          firstSessionAt: new Date(now + 30.2 * 86_400_000).toISOString(),
          durationMinutes: 240,
          sessionsPerDay: 8,
        },
      },
    );
    const responseMs = Date.now() - started;
    if (created.status !== 201)
      throw new Error(`create answered ${created.status}: ${JSON.stringify(created.body)}`);
    const programmeId = created.body.id;
    console.log(
      `read model: ${seeded.areas} areas, ${seeded.positions} positions (seeded in ${seedMs} ms); POST /programmes answered in ${responseMs} ms`,
    );
    let invited = 0;
    let lastProgress = 0;
    // Progress is on the programme while it is pending: invitations written so far, sessions done.
    await until(
      'invitations materialised',
      async () => {
        const res = await api<{ materialisation: string; invitedCount: number; sessionsInvited: number }>(
          `${service.url}/programmes/${programmeId}`,
          'GET',
        );
        invited = res.body.invitedCount;
        if (Date.now() - lastProgress >= 5000) {
          lastProgress = Date.now();
          console.log(
            `  after ${Date.now() - started} ms: ${invited} invitations, ${res.body.sessionsInvited}/${created.body.sessionCount} sessions`,
          );
        }
        return res.body.materialisation === 'done';
      },
      900_000,
      250,
    );
    const materialiseMs = Date.now() - started;
    console.log(`${invited} invitations materialised after ${materialiseMs} ms`);
    // The invited events travel on invitation batches (one outbox document per chunk of invitations).
    const batches = service.db.collection('invitation_batches');
    await until(
      'every invited event published',
      async () => (await batches.countDocuments({ 'outbox.0': { $exists: true } })) === 0,
      900_000,
      250,
    );
    const publishedMs = Date.now() - started;
    report('training: programme over 80 Lok Sabha seats inviting every IT-cell office bearer', {
      'read model (areas / positions)': `${seeded.areas} / ${seeded.positions}`,
      'read model seeding (not part of the figure)': `${seedMs} ms`,
      'sessions generated': created.body.sessionCount,
      'total target (scaled 2,500-5,000 by booths)': created.body.totalTarget,
      'POST /programmes answered (sessions written)': `${responseMs} ms`,
      'invitations materialised': invited,
      'time to materialise all invitations': `${materialiseMs} ms`,
      'invitations / s': rate(invited, materialiseMs),
      'time until every invited event is on Kafka': `${publishedMs} ms`,
      'invitation batches (outbox documents for the invited events)': await batches.countDocuments({}),
    });
  } finally {
    await service.stop();
  }
}

runBench(main);
