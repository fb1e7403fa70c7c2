import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ParquetReader } from '@dsnp/parquetjs';
import {
  AnalystMeetingCancelledV1,
  AnalystMeetingHeldV1,
  AnalystMeetingScheduledV1,
  AnalystSessionHeldV1,
  exampleEvent,
  type EventDefinition,
} from '@sangathan/contracts';
import { uuidv7 } from '@sangathan/kernel';
import { integrationInfra, isolateTest, waitFor } from '@sangathan/testing';
import { parse } from 'csv-parse/sync';
import { Kafka, logLevel } from 'kafkajs';
import { connectBroker } from '../src/broker';
import { exportEvents } from '../src/export-events';
import { run } from '../src/main';

const MEETINGS = 'analyst.meetings.meeting';
const SESSIONS = 'analyst.training.session';

/** Three mandals in two assembly seats of Lucknow district. */
const PLACES = [
  { areaId: 'UP-AC-173-M01', areaPath: ['IN', 'UP', 'UP-Z-LUCKNOW', 'UP-D-LUCKNOW', 'UP-AC-173'] },
  { areaId: 'UP-AC-173-M02', areaPath: ['IN', 'UP', 'UP-Z-LUCKNOW', 'UP-D-LUCKNOW', 'UP-AC-173'] },
  { areaId: 'UP-AC-174-M01', areaPath: ['IN', 'UP', 'UP-Z-LUCKNOW', 'UP-D-LUCKNOW', 'UP-AC-174'] },
];
const TYPES = [AnalystMeetingScheduledV1, AnalystMeetingHeldV1, AnalystMeetingCancelledV1];

type Direct = { topic: string; partition: number; offset: string; timestamp: number; event: Envelope };
type Envelope = { eventId: string; type: string; version: number; areaId: string; areaPath: string[] };

/**
 * The CLI against the real broker: what tail, export and replay print or write for each filter is compared with
 * what a plain kafkajs consumer reads from the same topics, filtered here by hand.
 */
describe('sangathan-streams against the broker', () => {
  const isolation = isolateTest('streams-cli');
  const groupPrefix = `analyst-streams-${isolation.topicPrefix.replace(/\W/g, '')}-`;
  process.env.SANGATHAN_STREAMS_GROUP_PREFIX = groupPrefix;
  const kafka = new Kafka({
    clientId: 'streams-cli-test',
    brokers: integrationInfra().kafkaBrokers.split(','),
    logLevel: logLevel.NOTHING,
  });
  const direct: Direct[] = [];
  const base = Date.now() - 3_600_000;
  const at = (i: number) => base + i * 1000;
  const dir = mkdtempSync(join(tmpdir(), 'streams-cli-'));

  const cli = async (...argv: string[]) => {
    let out = '';
    await run(argv, { out: (text) => (out += text), err: () => undefined });
    return out;
  };
  const ndjsonIds = (text: string) =>
    text
      .split('\n')
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as Envelope).eventId);
  const expected = (keep: (d: Direct) => boolean, topics = [MEETINGS]) =>
    direct.filter((d) => topics.includes(d.topic) && keep(d)).map((d) => d.event.eventId);
  const sameEvents = (actual: string[], wanted: string[]) => {
    expect(wanted.length).toBeGreaterThan(0);
    expect([...actual].sort()).toEqual([...wanted].sort());
    // One partition's (one key's) events in the order the partition holds them.
    for (const partition of new Set(direct.map((d) => `${d.topic}#${d.partition}`))) {
      const order = direct
        .filter((d) => `${d.topic}#${d.partition}` === partition)
        .map((d) => d.event.eventId);
      const seen = actual.filter((id) => order.includes(id));
      expect(seen).toEqual(order.filter((id) => seen.includes(id)));
    }
  };

  beforeAll(async () => {
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({
      topics: [MEETINGS, SESSIONS].map((t) => ({ topic: `${isolation.topicPrefix}${t}`, numPartitions: 3 })),
      waitForLeaders: true,
    });
    await admin.disconnect();
    const producer = kafka.producer();
    await producer.connect();
    const send = async (
      topic: string,
      i: number,
      definition: EventDefinition,
      place: (typeof PLACES)[number],
    ) => {
      const example = exampleEvent(definition, 'stream-redactor');
      const event = {
        ...example,
        eventId: uuidv7(),
        ...place,
        payload: { ...(example.payload as object), ...place },
      };
      const key = `meeting-${i % 7}`;
      await producer.send({
        topic: `${isolation.topicPrefix}${topic}`,
        messages: [{ key, value: JSON.stringify(event), timestamp: String(at(i)) }],
      });
    };
    for (let i = 0; i < 60; i++) await send(MEETINGS, i, TYPES[i % 3], PLACES[i % PLACES.length]);
    for (let i = 0; i < 9; i++)
      await send(SESSIONS, 100 + i, AnalystSessionHeldV1, PLACES[i % PLACES.length]);
    await producer.disconnect();

    const consumer = kafka.consumer({ groupId: `direct-${isolation.topicPrefix}` });
    await consumer.connect();
    await consumer.subscribe({
      topics: [MEETINGS, SESSIONS].map((t) => `${isolation.topicPrefix}${t}`),
      fromBeginning: true,
    });
    await consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        direct.push({
          topic: topic.slice(isolation.topicPrefix.length),
          partition,
          offset: message.offset,
          timestamp: Number(message.timestamp),
          event: JSON.parse(message.value!.toString()) as Envelope,
        });
      },
    });
    await waitFor(() => direct.length === 69, { what: 'the direct consumer to read everything' });
    await consumer.disconnect();
    direct.sort((a, b) => a.partition - b.partition || Number(a.offset) - Number(b.offset));
  }, 60_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const everything = ['--from', String(base - 1000), '--to', String(base + 600_000)];

  it('tails a time range with no filter: every event, each partition in order', async () => {
    sameEvents(
      ndjsonIds(await cli('tail', MEETINGS, ...everything, '--format', 'ndjson')),
      expected(() => true),
    );
  });

  it('tails by event type, with and without the version', async () => {
    const held = expected((d) => d.event.type === 'analyst.meeting.held');
    sameEvents(
      ndjsonIds(
        await cli('tail', MEETINGS, ...everything, '--type', 'analyst.meeting.held', '--format', 'ndjson'),
      ),
      held,
    );
    const two = expected((d) => d.event.type !== 'analyst.meeting.held');
    const out = await cli(
      'tail',
      MEETINGS,
      ...everything,
      '--type',
      'analyst.meeting.scheduled@v1',
      '--type',
      'analyst.meeting.cancelled',
      '--format',
      'ndjson',
    );
    sameEvents(ndjsonIds(out), two);
  });

  it("tails an area's subtree (an assembly seat: its mandals' events, not its neighbour's)", async () => {
    const subtree = expected((d) => d.event.areaPath.includes('UP-AC-173') || d.event.areaId === 'UP-AC-173');
    expect(subtree.length).toBeLessThan(direct.filter((d) => d.topic === MEETINGS).length);
    sameEvents(
      ndjsonIds(await cli('tail', MEETINGS, ...everything, '--area', 'UP-AC-173', '--format', 'ndjson')),
      subtree,
    );
  });

  it('tails a window of time, its start included and its end left out', async () => {
    const window = expected((d) => d.timestamp >= at(15) && d.timestamp < at(40));
    expect(window).toHaveLength(25);
    const out = await cli(
      'tail',
      MEETINGS,
      '--from',
      String(at(15)),
      '--to',
      String(at(40)),
      '--format',
      'ndjson',
    );
    sameEvents(ndjsonIds(out), window);
  });

  it('prints pretty lines with the area path, one event each', async () => {
    const out = await cli(
      'tail',
      MEETINGS,
      '--from',
      String(at(0)),
      '--to',
      String(at(3)),
      '--type',
      'analyst.meeting.held',
    );
    expect(out).toMatch(
      /analyst\.meeting\.held v1 IN › UP › UP-Z-LUCKNOW › UP-D-LUCKNOW › UP-AC-173 › UP-AC-173-M02/,
    );
    expect(out.match(/^\d{4}-/gm)).toHaveLength(1);
  });

  it('exports a filtered range to CSV, NDJSON and Parquet with the same events', async () => {
    const wanted = expected(
      (d) =>
        d.timestamp >= at(5) &&
        d.timestamp < at(50) &&
        d.event.areaPath.includes('UP-AC-173') &&
        d.event.type !== 'analyst.meeting.cancelled',
    );
    const args = (format: string) => [
      'export',
      MEETINGS,
      '--from',
      String(at(5)),
      '--to',
      String(at(50)),
      '--area',
      'UP-AC-173',
      '--type',
      'analyst.meeting.held',
      '--type',
      'analyst.meeting.scheduled',
      '--format',
      format,
      '--out',
      join(dir, `export.${format}`),
      '--no-progress',
    ];
    await cli(...args('csv'));
    const rows = parse(readFileSync(join(dir, 'export.csv'), 'utf8'), { columns: true }) as Record<
      string,
      string
    >[];
    sameEvents(
      rows.map((r) => r.eventId),
      wanted,
    );
    expect(rows[0]).toMatchObject({ topic: MEETINGS, areaPath: expect.stringContaining('UP-AC-173') });
    expect(JSON.parse(rows[0].payload)).toHaveProperty('meetingId');

    await cli(...args('ndjson'));
    sameEvents(ndjsonIds(readFileSync(join(dir, 'export.ndjson'), 'utf8')), wanted);

    await cli(...args('parquet'));
    const reader = await ParquetReader.openFile(join(dir, 'export.parquet'));
    const cursor = reader.getCursor();
    const ids: string[] = [];
    for (
      let row = (await cursor.next()) as Record<string, unknown> | null;
      row;
      row = (await cursor.next()) as never
    )
      ids.push(String(row.eventId));
    await reader.close();
    sameEvents(ids, wanted);
    for (const format of ['csv', 'ndjson', 'parquet']) {
      expect(existsSync(join(dir, `export.${format}.partial`))).toBe(false);
      expect(existsSync(join(dir, `export.${format}.checkpoint.json`))).toBe(false);
    }
  });

  it('resumes an interrupted export from its checkpoint without losing or repeating an event', async () => {
    const out = join(dir, 'resumed.ndjson');
    const request = {
      topic: MEETINGS,
      fromMs: at(0),
      toMs: at(60),
      format: 'ndjson' as const,
      out,
      filter: { fromMs: at(0), toMs: at(60) },
    };
    const first = await exportEvents(connectBroker({}), { ...request, stopAfter: 1 });
    expect(first).toMatchObject({ complete: false });
    expect(first.read).toBeLessThan(60);
    expect(existsSync(`${out}.checkpoint.json`)).toBe(true);
    const second = await exportEvents(connectBroker({}), request);
    expect(second).toMatchObject({ complete: true, resumed: true, rows: 60, read: 60 });
    sameEvents(
      ndjsonIds(readFileSync(out, 'utf8')),
      expected(() => true),
    );
  });

  it('refuses to resume a checkpoint with other arguments', async () => {
    const out = join(dir, 'other.ndjson');
    const request = {
      topic: MEETINGS,
      fromMs: at(0),
      toMs: at(60),
      format: 'ndjson' as const,
      out,
      filter: {},
    };
    await exportEvents(connectBroker({}), { ...request, stopAfter: 1 });
    await expect(exportEvents(connectBroker({}), { ...request, toMs: at(30) })).rejects.toThrow(
      /another export/,
    );
  });

  it('replays several topics from a time, and never commits an offset for its groups', async () => {
    const out = await cli(
      'replay',
      '--from',
      String(at(30)),
      '--to',
      String(at(200)),
      '--topic',
      MEETINGS,
      '--topic',
      SESSIONS,
    );
    sameEvents(
      ndjsonIds(out),
      expected((d) => d.timestamp >= at(30), [MEETINGS, SESSIONS]),
    );

    const admin = kafka.admin();
    await admin.connect();
    try {
      const groups = (await admin.listGroups()).groups.filter((g) => g.groupId.startsWith(groupPrefix));
      expect(groups.length).toBeGreaterThan(5);
      for (const { groupId } of groups) {
        const offsets = await admin.fetchOffsets({
          groupId,
          topics: [MEETINGS, SESSIONS].map((t) => `${isolation.topicPrefix}${t}`),
        });
        for (const topic of offsets) for (const p of topic.partitions) expect(p.offset).toBe('-1');
      }
    } finally {
      await admin.disconnect();
    }
  });

  it('answers --help for every command and refuses an unknown topic', async () => {
    for (const command of [[], ['topics'], ['tail'], ['export'], ['replay']]) {
      let help = '';
      const program = (await import('../src/main')).buildProgram({
        out: (t) => (help += t),
        err: (t) => (help += t),
      });
      for (const c of [program, ...program.commands]) c.exitOverride();
      await expect(program.parseAsync([...command, '--help'], { from: 'user' })).rejects.toMatchObject({
        code: 'commander.helpDisplayed',
      });
      expect(help).toMatch(/^Usage: sangathan-streams/);
    }
    await expect(cli('tail', 'org.nothing.events', '--to', '1m')).rejects.toThrow(/unknown topic/);
  });
});
