import { AreaCreatedV1, createEvent, EventRegistry } from '@sangathan/contracts';
import type { MessagePublisher, OutgoingMessage } from '../kafka/message-publisher';
import { EventDispatcher, type IncomingMessage } from './event-dispatcher';
import { PermanentEventError, type IntegrationEventHandler } from './integration-event-handler';

function message(nameEn: string, offset: number): IncomingMessage {
  const event = createEvent(
    AreaCreatedV1,
    { areaId: `B-${offset}`, level: 'booth', parentId: 'S-1', ancestors: ['IN', 'UP'], nameEn, nameHi: 'बूथ' },
    { producer: 'test', areaId: `B-${offset}`, areaPath: ['IN', 'UP'], actorId: null, correlationId: 'c' },
  );
  return {
    topic: AreaCreatedV1.topic,
    partition: 0,
    offset: String(offset),
    key: `B-${offset}`,
    value: Buffer.from(JSON.stringify(event)),
    headers: {},
  };
}

class RecordingPublisher implements MessagePublisher {
  readonly published: OutgoingMessage[] = [];
  async publish(messages: OutgoingMessage[]): Promise<void> {
    this.published.push(...messages);
  }
}

const storageDown = () => Object.assign(new Error('storage is down'), { name: 'MongoServerError', code: 1 });

describe('EventDispatcher', () => {
  jest.setTimeout(20_000);

  it('keeps retrying while the database is down, past maxAttempts, and applies the event once it is back', async () => {
    let calls = 0;
    const applied: string[] = [];
    const handler: IntegrationEventHandler = {
      subscribesTo: [AreaCreatedV1],
      handle: async (event) => {
        if (++calls <= 4) throw storageDown();
        applied.push(event.eventId);
      },
    };
    const deadLetters = new RecordingPublisher();
    const dispatcher = new EventDispatcher(new EventRegistry(), [handler], deadLetters, {
      consumerGroup: 'g',
      maxAttempts: 2,
    });
    await dispatcher.dispatch([message('Booth', 1)]);
    expect(calls).toBe(5);
    expect(applied).toHaveLength(1);
    expect(deadLetters.published).toEqual([]);
  });

  it('dead-letters an event its handler can never apply, with the reason, and applies the rest', async () => {
    const applied: string[] = [];
    const handler: IntegrationEventHandler = {
      subscribesTo: [AreaCreatedV1],
      handle: async (event) => {
        const { nameEn } = event.payload as { nameEn: string };
        if (nameEn === 'poison') throw new PermanentEventError('poison-area', 'never applies');
        applied.push(nameEn);
      },
    };
    const deadLetters = new RecordingPublisher();
    const dispatcher = new EventDispatcher(new EventRegistry(), [handler], deadLetters, {
      consumerGroup: 'g',
    });
    await dispatcher.dispatch([message('one', 1), message('poison', 2), message('three', 3)]);
    expect(applied).toEqual(['one', 'three']);
    expect(deadLetters.published).toHaveLength(1);
    expect(deadLetters.published[0].headers).toMatchObject({
      'dlq-reason': 'poison-area',
      'dlq-original-offset': '2',
      'dlq-consumer-group': 'g',
    });
  });
});
