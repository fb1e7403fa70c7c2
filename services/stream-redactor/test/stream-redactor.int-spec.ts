import { createHmac } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { createServiceApp } from '@sangathan/bootstrap';
import {
  ANALYST_MEETING_TOPIC,
  ANALYST_MEMBER_TOPIC,
  createEvent,
  exampleEvent,
  MeetingCancelledV1,
  MemberJoinedV1,
  ORG_MEMBER_TOPIC,
  type EventDefinition,
  type EventEnvelope,
} from '@sangathan/contracts';
import { uuidv7 } from '@sangathan/kernel';
import { isolateTest, produceRaw, TopicProbe, waitFor } from '@sangathan/testing';
import request from 'supertest';
import { AppModule } from '../src/app.module';
import { STREAM_REDACTOR_SERVICE_DESCRIPTION } from '../src/service';

const SECRET = 'int-spec-cycle-secret-0123456789abcdefghij';

/**
 * stream-redactor on its own against the real broker and database: internal events produced onto the internal
 * topics come out on the analyst topics without personal data, once per source event however often it arrives,
 * and a malformed one goes to the dead-letter topic.
 */
describe('stream-redactor', () => {
  const isolation = isolateTest('stream-redactor');
  let app: INestApplication;
  const topic = (name: string) => `${isolation.topicPrefix}${name}`;
  const members = new TopicProbe(topic(ANALYST_MEMBER_TOPIC.name));
  const meetings = new TopicProbe(topic(ANALYST_MEETING_TOPIC.name));
  const dlq = new TopicProbe(topic(`${ORG_MEMBER_TOPIC.name}.dlq`));
  const parsed = (probe: TopicProbe) =>
    probe.messages.map((m) => ({
      key: m.key,
      ...(JSON.parse(m.value) as EventEnvelope<Record<string, unknown>>),
    }));
  const produce = (event: EventEnvelope, definition: EventDefinition, key: string) =>
    produceRaw(topic(definition.topic), [{ key, value: JSON.stringify(event) }]);

  beforeAll(async () => {
    process.env.MONGODB_DB = isolation.dbName('stream-redactor');
    process.env.ANALYST_PSEUDONYM_KEYS = `2020-Q1@2020-01-01:${SECRET}`;
    app = await createServiceApp(AppModule, STREAM_REDACTOR_SERVICE_DESCRIPTION);
    await app.init();
    delete process.env.MONGODB_DB;
    await waitFor(async () => (await request(app.getHttpServer()).get('/health/ready')).status === 200, {
      what: 'stream-redactor ready',
      timeoutMs: 45_000,
    });
    await Promise.all([members.start(), meetings.start(), dlq.start()]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([members.stop(), meetings.stop(), dlq.stop()]);
    delete process.env.ANALYST_PSEUDONYM_KEYS;
    await app?.close();
  });

  it('publishes a joined member once, as a keyed hash, however often the event arrives', async () => {
    const memberId = uuidv7();
    const joined = createEvent(
      MemberJoinedV1,
      {
        ...exampleEvent(MemberJoinedV1).payload,
        memberId,
        name: 'हरिशंकर तिवारी',
        nameAlt: 'Harishankar Tiwari',
      },
      {
        producer: 'org',
        areaId: 'UP-AC-173-B0007',
        areaPath: ['IN', 'UP', 'UP-Z-LUCKNOW', 'UP-D-LUCKNOW', 'UP-AC-173'],
        actorId: uuidv7(),
        correlationId: 'req-1',
      },
    );
    await produce(joined, MemberJoinedV1, memberId);
    await produce(joined, MemberJoinedV1, memberId); // a redelivery
    const [published] = await waitFor(
      () => parsed(members).filter((e) => e.causationId === joined.eventId).length === 1 && parsed(members),
      { what: 'the analyst member event' },
    );
    const memberKey = createHmac('sha256', SECRET).update(memberId).digest('hex');
    expect(published).toMatchObject({
      key: memberKey,
      type: 'analyst.member.joined',
      producer: 'stream-redactor',
      actorId: null,
      correlationId: 'req-1',
      areaId: 'UP-AC-173-B0007',
      payload: { memberKey, keyId: '2020-Q1', kind: joined.payload.kind },
    });
    // The duplicate had time to come through (a later event on another topic has).
    const later = createEvent(MeetingCancelledV1, exampleEvent(MeetingCancelledV1).payload, {
      producer: 'meetings',
      areaId: 'UP-AC-173-M01',
      areaPath: ['IN', 'UP'],
      actorId: null,
      correlationId: 'req-2',
    });
    await produce(later, MeetingCancelledV1, later.payload.meetingId);
    await waitFor(() => parsed(meetings).some((e) => e.causationId === later.eventId), {
      what: 'the later event',
    });
    expect(parsed(members).filter((e) => e.causationId === joined.eventId)).toHaveLength(1);
    const text = JSON.stringify(members.messages) + JSON.stringify(meetings.messages);
    for (const secret of ['हरिशंकर', 'Tiwari', memberId, joined.actorId!, later.payload.reason])
      expect(text).not.toContain(secret);
  });

  it('sends a malformed internal event to the dead-letter topic and goes on', async () => {
    await produceRaw(topic(ORG_MEMBER_TOPIC.name), [
      {
        key: 'x',
        value: JSON.stringify({ ...exampleEvent(MemberJoinedV1), eventId: uuidv7(), payload: { name: 'x' } }),
      },
    ]);
    await waitFor(() => dlq.messages.length > 0, { what: 'the dead letter' });
    expect(dlq.messages[0].headers['dlq-reason']).toBe('invalid-payload');
    const next = createEvent(MeetingCancelledV1, exampleEvent(MeetingCancelledV1).payload, {
      producer: 'meetings',
      areaId: 'UP-AC-173-M01',
      areaPath: ['IN', 'UP'],
      actorId: null,
      correlationId: 'req-3',
    });
    await produce(next, MeetingCancelledV1, next.payload.meetingId);
    await waitFor(() => parsed(meetings).some((e) => e.causationId === next.eventId), {
      what: 'the next event after the dead letter',
    });
  });
});
