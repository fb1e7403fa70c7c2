import { AreaCreatedV1, createEvent } from '@sangathan/contracts';
import { isolateTest, uniqueName, waitFor } from '@sangathan/testing';
import { mongo } from 'mongoose';
import {
  OutboxRelay,
  outboxFieldsForInsert,
  outboxUpdate,
  toOutboxEntry,
  type MessagePublisher,
  type OutgoingMessage,
  type OutboxEntry,
} from '../src';

// The relay's acknowledgement against the real database (FerretDB here, MongoDB in production): the filter
// `{_id, outbox: <entries as read>}` must match while the outbox is unchanged and miss once it is not, or the
// relay would drop events written between its publish and its acknowledgement.

const topic = AreaCreatedV1.topic;
const entry = (key: string, nameEn: string): OutboxEntry =>
  toOutboxEntry(
    createEvent(
      AreaCreatedV1,
      { areaId: key, level: 'booth', parentId: 'S-1', ancestors: ['IN', 'S-1'], nameEn, nameHi: null },
      { producer: 'test', areaId: key, areaPath: ['IN', 'S-1'], actorId: null, correlationId: 'test' },
    ),
    topic,
    key,
  );
const names = (messages: OutgoingMessage[], key: string) =>
  messages
    .filter((m) => m.key === key)
    .map((m) => (JSON.parse(m.value) as { payload: { nameEn: string } }).payload.nameEn);

type Doc = { _id: string; outbox: OutboxEntry[]; outboxDueAt?: Date; outboxAttempts?: number };

/** Records what the relay publishes; `during` runs inside a publish (between the relay's read and its acknowledgement). */
class RecordingPublisher implements MessagePublisher {
  readonly messages: OutgoingMessage[] = [];
  during?: (messages: OutgoingMessage[]) => Promise<void>;
  reject?: (message: OutgoingMessage) => boolean;
  async publish(messages: OutgoingMessage[]): Promise<void> {
    const during = this.during;
    this.during = undefined;
    if (during) await during(messages);
    if (messages.some((m) => this.reject?.(m))) throw new Error('broker refused the message (not retriable)');
    this.messages.push(...messages);
  }
}

describe('outbox acknowledgement against the real database', () => {
  const isolation = isolateTest('outbox-ack');
  let client: mongo.MongoClient;
  let db: mongo.Db;
  /** Commands the relay sent on the connection, per collection: `find`, `update`. */
  const commands: { name: string; collection: string }[] = [];

  beforeAll(async () => {
    client = await mongo.MongoClient.connect(process.env.MONGODB_URI!, {
      maxPoolSize: 1,
      monitorCommands: true,
    });
    client.on('commandStarted', (event) => {
      // The test's own polling reads have no projection; every read of the relay has one.
      if (event.commandName === 'find' && !event.command.projection) return;
      commands.push({ name: event.commandName, collection: String(event.command[event.commandName]) });
    });
    db = client.db(isolation.dbName('messaging'));
  });

  afterAll(async () => {
    await client?.close();
  });

  /** A started relay first sweeps (one `find` on an empty collection, nothing after it): wait for it, then count from zero. */
  async function startUpSwept(collection: string): Promise<void> {
    await waitFor(() => commands.some((c) => c.name === 'find' && c.collection === collection), {
      what: 'start-up sweep',
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    commands.length = 0;
  }

  /** Runs `body` with a relay over `collection` alone (it sweeps only at start), once that start-up sweep is done. */
  async function withRelay(
    collection: string,
    body: (relay: OutboxRelay, docs: mongo.Collection<Doc>, publisher: RecordingPublisher) => Promise<void>,
  ): Promise<void> {
    const publisher = new RecordingPublisher();
    const relay = new OutboxRelay(() => db, publisher, {
      collections: [collection],
      sweepIntervalMs: 600_000,
    });
    relay.start();
    try {
      await startUpSwept(collection);
      await body(relay, db.collection<Doc>(collection), publisher);
    } finally {
      await relay.stop();
    }
  }

  const outboxEmptied = (docs: mongo.Collection<Doc>, id: string) =>
    waitFor(async () => (await docs.findOne({ _id: id }))?.outbox.length === 0, { what: 'outbox emptied' });

  /** Waits until exactly one event is left in the document and it is due again. */
  const oneLeftDue = (docs: mongo.Collection<Doc>, id: string, what: string) =>
    waitFor(
      async () => {
        const doc = await docs.findOne({ _id: id });
        return doc && doc.outbox.length === 1 && doc.outboxDueAt ? doc : undefined;
      },
      { what },
    );

  it('matches the whole outbox only while it is exactly what was read', async () => {
    const docs = db.collection<Doc>('equality');
    const id = uniqueName('EQ');
    const [first, second, third] = [entry(id, 'first'), entry(id, 'second'), entry(id, 'third')];
    await docs.insertOne({ _id: id, ...outboxFieldsForInsert([first, second]) } as Doc);
    const read = (await docs.findOne({ _id: id }))!.outbox;
    expect(read.map((e) => e.eventId)).toEqual([first.eventId, second.eventId]);

    const count = (outbox: unknown) => docs.countDocuments({ _id: id, outbox } as never);
    expect(await count(read)).toBe(1); // as read back
    expect(await count([first, second])).toBe(1); // as the writer built them (notifyWritten)
    expect(await count([first])).toBe(0); // a prefix
    expect(await count([second, first])).toBe(0); // another order
    expect(await count([first, { ...second, headers: { ...second.headers, 'event-version': '2' } }])).toBe(0); // one field differs
    expect(await count([first, { ...second, createdAt: new Date(second.createdAt.getTime() + 1) }])).toBe(0); // a date differs by 1 ms

    await docs.updateOne({ _id: id }, outboxUpdate([third]));
    expect(await count(read)).toBe(0); // an entry appended meanwhile
    expect(await count([first, second, third])).toBe(1);

    // The update as the relay sends it: single and in a bulk, matchedCount tells which case it was.
    const ack: mongo.UpdateFilter<Doc> = {
      $set: { outbox: [] },
      $unset: { outboxDueAt: '', outboxAttempts: '', outboxClaimedBy: '' },
    };
    expect((await docs.updateOne({ _id: id, outbox: read } as never, ack)).matchedCount).toBe(0);
    expect((await docs.findOne({ _id: id }))!.outbox).toHaveLength(3);
    const other = uniqueName('EQ');
    await docs.insertOne({ _id: other, ...outboxFieldsForInsert([entry(other, 'only')]) } as Doc);
    const otherRead = (await docs.findOne({ _id: other }))!.outbox;
    const bulk = await docs.bulkWrite(
      [
        { updateOne: { filter: { _id: id, outbox: read } as never, update: ack } },
        { updateOne: { filter: { _id: other, outbox: otherRead } as never, update: ack } },
      ],
      { ordered: false },
    );
    expect(bulk.matchedCount).toBe(1);
    expect(await docs.findOne({ _id: other })).toEqual({ _id: other, outbox: [] });
    expect((await docs.findOne({ _id: id }))!.outbox.map((e) => e.eventId)).toEqual([
      first.eventId,
      second.eventId,
      third.eventId,
    ]);
  });

  it('acknowledges a hinted document with one update and no re-due check', async () => {
    await withRelay('hinted', async (relay, docs, publisher) => {
      const id = uniqueName('ONE');
      await docs.insertOne({ _id: id, ...outboxFieldsForInsert([entry(id, 'a'), entry(id, 'b')]) } as Doc);
      commands.length = 0;
      relay.notify('hinted', id);
      await waitFor(() => names(publisher.messages, id).length === 2, { what: 'hinted events published' });
      await outboxEmptied(docs, id);
      expect(names(publisher.messages, id)).toEqual(['a', 'b']);
      expect(await docs.findOne({ _id: id })).toEqual({ _id: id, outbox: [] }); // no due time, attempts or claim left
      const mine = commands.filter((c) => c.collection === 'hinted');
      expect(mine.map((c) => c.name)).toEqual(['find', 'update']); // the read by _id, then one acknowledgement
    });
  });

  it('keeps an event appended between the publish and the acknowledgement, and relays it next', async () => {
    await withRelay('raced', async (relay, docs, publisher) => {
      const id = uniqueName('RACE');
      await docs.insertOne({ _id: id, ...outboxFieldsForInsert([entry(id, 'before')]) } as Doc);
      // Another request's write lands while the relay is publishing what it read.
      publisher.during = async () => {
        await docs.updateOne({ _id: id }, outboxUpdate([entry(id, 'during')]));
      };
      relay.notify('raced', id);
      await waitFor(() => names(publisher.messages, id).length === 1, { what: 'the first event published' });
      // The equality acknowledgement missed, so the fallback pulled exactly 'before' and left 'during' due.
      const after = await oneLeftDue(docs, id, 'the appended event kept and due');
      expect(JSON.parse(after.outbox[0].value).payload.nameEn).toBe('during');
      relay.notify('raced', id); // the second write's own hint
      await waitFor(() => names(publisher.messages, id).length === 2, {
        what: 'the appended event published',
      });
      expect(names(publisher.messages, id)).toEqual(['before', 'during']);
      await outboxEmptied(docs, id);
      expect(await docs.countDocuments({ _id: id, outboxDueAt: { $exists: true } })).toBe(0);
    });
  });

  it('publishes what the writer announced without reading the document, and falls back when it was wrong', async () => {
    await withRelay('written', async (relay, docs, publisher) => {
      // The right case: an insert with its events; the relay sends one update and no read.
      const id = uniqueName('KNOWN');
      const entries = [entry(id, 'x'), entry(id, 'y')];
      await docs.insertOne({ _id: id, ...outboxFieldsForInsert(entries) } as Doc);
      commands.length = 0;
      relay.notifyWritten('written', id, entries);
      await outboxEmptied(docs, id);
      expect(names(publisher.messages, id)).toEqual(['x', 'y']);
      expect(commands.filter((c) => c.collection === 'written').map((c) => c.name)).toEqual(['update']);
      expect(await docs.findOne({ _id: id })).toEqual({ _id: id, outbox: [] });

      // A caller that broke the rule (an older event was waiting): its entries go out, the older one is kept and due.
      const wrong = uniqueName('WRONG');
      const [older, newer] = [entry(wrong, 'older'), entry(wrong, 'newer')];
      await docs.insertOne({ _id: wrong, ...outboxFieldsForInsert([older]) } as Doc);
      await docs.updateOne({ _id: wrong }, outboxUpdate([newer]));
      relay.notifyWritten('written', wrong, [newer]);
      const left = await oneLeftDue(docs, wrong, 'the announced event pulled, the older one due');
      expect(left.outbox[0].eventId).toBe(older.eventId);
      expect(left.outboxDueAt).toBeInstanceOf(Date);
      relay.notify(); // a sweep finds it
      await waitFor(() => names(publisher.messages, wrong).includes('older'), {
        what: 'the older event swept',
      });
      await outboxEmptied(docs, wrong);

      // Two announcements of one document before a round: the relay reads it instead of trusting either.
      const twice = uniqueName('TWICE');
      const [one, two] = [entry(twice, 'one'), entry(twice, 'two')];
      await docs.insertOne({ _id: twice, ...outboxFieldsForInsert([one]) } as Doc);
      await docs.updateOne({ _id: twice }, outboxUpdate([two]));
      commands.length = 0;
      relay.notifyWritten('written', twice, [one]);
      relay.notifyWritten('written', twice, [two]);
      await waitFor(() => names(publisher.messages, twice).length === 2, { what: 'both events published' });
      expect(names(publisher.messages, twice)).toEqual(['one', 'two']);
      expect(commands.filter((c) => c.collection === 'written').map((c) => c.name)).toEqual([
        'find',
        'update',
      ]);
    });
  });

  it('counts a broker rejection of announced events against the document and relays it once accepted', async () => {
    await withRelay('rejected', async (relay, docs, publisher) => {
      const id = uniqueName('REJ');
      const entries = [entry(id, 'refused')];
      await docs.insertOne({ _id: id, ...outboxFieldsForInsert(entries) } as Doc);
      publisher.reject = (m) => m.key === id;
      relay.notifyWritten('written-elsewhere', id, entries); // not a collection of this relay: a sweep instead
      const rejected = await waitFor(
        async () => {
          const doc = await docs.findOne({ _id: id });
          return doc?.outboxAttempts ? doc : undefined;
        },
        { what: 'the rejection recorded' },
      );
      expect(rejected.outboxAttempts).toBe(1);
      expect(rejected.outbox).toHaveLength(1);
      expect(rejected.outboxDueAt!.getTime()).toBeGreaterThan(Date.now()); // backed off

      publisher.reject = undefined;
      const other = uniqueName('REJ');
      const otherEntries = [entry(other, 'refused-once')];
      await docs.insertOne({ _id: other, ...outboxFieldsForInsert(otherEntries) } as Doc);
      publisher.reject = (m) => m.key === other;
      relay.notifyWritten('rejected', other, otherEntries);
      await waitFor(async () => (await docs.findOne({ _id: other }))?.outboxAttempts === 1, {
        what: 'the announced document rejected once',
      });
      publisher.reject = undefined;
      await docs.updateOne({ _id: other }, { $set: { outboxDueAt: new Date() } }); // skip the back-off
      relay.notify();
      await waitFor(() => names(publisher.messages, other).length === 1, {
        what: 'published after the rejection',
      });
      await outboxEmptied(docs, other);
      expect(await docs.findOne({ _id: other })).toEqual({ _id: other, outbox: [] }); // attempts cleared too
    });
  });
});
