// Contract validation per consumed event: EventRegistry.validate (JSON.parse, envelope and payload checks) with
// ajv-compiled checks versus zod alone, on the same real messages of several event types, alternating rounds.
// Needs no broker or database: it times only the CPU work a consumer does per message.
//   npm run bench -- contract-validation [--events 200000] [--rounds 5] [--kinds 4]
import {
  AreaCreatedV1,
  createEvent,
  EventRegistry,
  MeetingHeldV1,
  MemberJoinedV1,
  MomentumChangedV1,
  type EventDefinition,
} from '@sangathan/contracts';
import { argNumber, report, runBench } from './bench-utils';

const total = argNumber('events', 200_000);
const rounds = argNumber('rounds', 5);
/** How many of the event kinds below to mix (the first n). */
const kinds = argNumber('kinds', 4);

const ctx = (areaId: string) => ({
  producer: 'bench',
  areaId,
  areaPath: ['IN', 'UP', 'UP-Z-LUCKNOW', 'UP-D-LUCKNOW'],
  actorId: 'M-1',
  correlationId: 'bench',
});
const at = '2026-03-01T10:00:00.000Z';
const ancestors = ['IN', 'UP', 'UP-Z-LUCKNOW', 'UP-D-LUCKNOW', 'UP-AC-170'];

/** One message of each kind a consumer sees most, in the shape the producers write them. */
function message(i: number): { raw: string; definition: EventDefinition } {
  const areaId = `UP-AC-170-B${i}`;
  const events: [EventDefinition, unknown][] = [
    [
      AreaCreatedV1,
      {
        areaId,
        level: 'booth',
        parentId: 'UP-AC-170-M01-S01',
        ancestors,
        nameEn: `Booth ${i}`,
        nameHi: `बूथ ${i}`,
        seatClass: 'thin-margin',
        lastMargin: 1234,
        boothCount: 1,
        voterCount: 1100 + (i % 300),
        beneficiaryCount: 310,
        socialComposition: { obc: 0.42, sc: 0.21, general: 0.25, muslim: 0.12 },
      },
    ],
    [
      MemberJoinedV1,
      {
        memberId: `M-${i}`,
        name: 'रमेश यादव',
        nameAlt: 'Ramesh Yadav',
        kind: 'worker',
        status: 'active',
        areaId,
        ancestors,
        joinedAt: at,
      },
    ],
    [
      MeetingHeldV1,
      {
        meetingId: `MT-${i}`,
        kind: 'vc-review',
        areaId: 'UP-D-LUCKNOW',
        ancestors: ['IN', 'UP', 'UP-Z-LUCKNOW'],
        organiserId: 'M-1',
        heldStart: at,
        heldEnd: '2026-03-01T11:00:00.000Z',
        recordedAt: '2026-03-01T11:05:00.000+05:30',
        attendanceLocksAt: '2026-03-02T11:00:00.000Z',
        namedCount: 12,
        headcount: 30,
        totalAttendance: 42,
        expectedAttendeeCount: 20,
        photoCount: 2,
        verifiedPhotoCount: 1,
        districts: [
          {
            areaId: 'UP-D-KANPUR',
            ancestors: ['IN', 'UP', 'UP-Z-KANPUR'],
            roomId: 'R-1',
            namedCount: 5,
            headcount: 10,
          },
          {
            areaId: 'UP-D-AGRA',
            ancestors: ['IN', 'UP', 'UP-Z-AGRA'],
            roomId: null,
            namedCount: 7,
            headcount: 20,
          },
        ],
      },
    ],
    [
      MomentumChangedV1,
      {
        areaId,
        level: 'booth',
        ancestors,
        score: 71.5,
        previousScore: 64.2,
        components: Object.fromEntries(
          ['meetings', 'attendance', 'training', 'committees', 'volunteers', 'tasks'].map((c) => [
            c,
            { value: 0.7, weight: 1 / 6 },
          ]),
        ),
        weekAgoScore: null,
        shortLongRatio: 1.2,
        trend: 'accelerating',
        reason: 'moved',
        formulaVersion: 1,
        computedAt: at,
      },
    ],
  ];
  const [definition, payload] = events[i % kinds];
  return { raw: JSON.stringify(createEvent(definition, payload as never, ctx(areaId))), definition };
}

async function main(): Promise<void> {
  const messages = Array.from({ length: total }, (_, i) => message(i));
  const raws = messages.map((m) => Buffer.from(m.raw));
  const variants: Record<string, (raw: Buffer, topic: string) => unknown> = {
    'JSON.parse only': (raw) => JSON.parse(raw.toString()),
  };
  const registries = {
    'EventRegistry, ajv': new EventRegistry(),
    'EventRegistry, zod only': new EventRegistry(undefined, undefined, () => undefined),
  };
  for (const [name, registry] of Object.entries(registries)) {
    variants[name] = (raw, topic) => registry.validate(raw, topic);
    // Every message must be accepted, with zod's output, before it is timed.
    for (let i = 0; i < 8; i++) {
      const outcome = registry.validate(raws[i], messages[i].definition.topic);
      if (!outcome.ok) throw new Error(`${name} rejects ${messages[i].definition.type}: ${outcome.message}`);
      const expected = messages[i].definition.payload.parse(
        (JSON.parse(messages[i].raw) as { payload: unknown }).payload,
      );
      if (JSON.stringify(outcome.event.payload) !== JSON.stringify(expected))
        throw new Error(`${name} changes ${messages[i].definition.type}`);
    }
  }
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
  for (let round = -1; round < rounds; round++) {
    for (const [name, run] of Object.entries(variants)) {
      global.gc?.();
      const start = process.hrtime.bigint();
      for (let i = 0; i < total; i++) run(raws[i], messages[i].definition.topic);
      const ns = Number(process.hrtime.bigint() - start);
      if (round >= 0) times[name].push(ns / 1000 / total); // round -1 warms the JIT up
    }
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const us = Object.fromEntries(Object.entries(times).map(([name, values]) => [name, median(values)]));
  const parse = us['JSON.parse only'];
  const rows: Record<string, string> = {};
  for (const [name, value] of Object.entries(us)) {
    rows[`${name} (µs/event, median of ${rounds})`] = value.toFixed(3);
    if (name !== 'JSON.parse only') rows[`${name}, minus JSON.parse (µs/event)`] = (value - parse).toFixed(3);
  }
  const ajv = us['EventRegistry, ajv'] - parse;
  rows['ratio ajv / zod only (validation only)'] = (ajv / (us['EventRegistry, zod only'] - parse)).toFixed(2);
  report(
    `contract validation (${total} events of ${kinds} types, ~${Math.round(raws[0].length)}-${Math.round(raws[2].length)} bytes)`,
    rows,
  );
}

runBench(main);
