import { Controller, Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AreaCreatedV1, AreaMovedV1, createEvent, EventRegistry, type EventOf } from '@sangathan/contracts';
import type { MessagePublisher, OutgoingMessage } from '../kafka/message-publisher';
import { EventDispatcher, type IncomingMessage } from './event-dispatcher';
import { PermanentEventError, type DeliveredEvent, type DeliveryInfo } from './integration-event-handler';
import { KafkaEventTransport } from './kafka-event-transport';
import { OnEvent, OnEventBatch } from './on-event.decorator';

const ctx = { producer: 'test', areaId: 'B-1', areaPath: ['IN'], actorId: null, correlationId: 'c' };
const created = (nameEn: string) =>
  createEvent(
    AreaCreatedV1,
    { areaId: 'B-1', level: 'booth', parentId: 'S-1', ancestors: ['IN'], nameEn, nameHi: null },
    ctx,
  );
const toMessage = (event: object, offset: number): IncomingMessage => ({
  topic: AreaCreatedV1.topic,
  partition: 0,
  offset: String(offset),
  key: 'B-1',
  value: Buffer.from(JSON.stringify(event)),
  headers: {},
});

@Injectable()
class Seen {
  readonly names: string[] = [];
  readonly deliveries: DeliveryInfo[] = [];
  readonly batches: number[] = [];
}

@Controller()
class AreaNamesEventController {
  constructor(private readonly seen: Seen) {}

  @OnEvent(AreaCreatedV1)
  async onCreated(event: EventOf<typeof AreaCreatedV1>, delivery: DeliveryInfo): Promise<void> {
    if (event.payload.nameEn === 'poison') throw new PermanentEventError('poison-area', 'never applies');
    this.seen.names.push(event.payload.nameEn);
    this.seen.deliveries.push(delivery);
  }
}

@Controller()
class AreaCountsEventController {
  constructor(private readonly seen: Seen) {}

  @OnEventBatch(AreaCreatedV1, AreaMovedV1)
  async count(events: DeliveredEvent[]): Promise<void> {
    this.seen.batches.push(events.length);
  }
}

@Module({ controllers: [AreaNamesEventController, AreaCountsEventController], providers: [Seen] })
class AreasModule {}

class RecordingPublisher implements MessagePublisher {
  readonly published: OutgoingMessage[] = [];
  async publish(messages: OutgoingMessage[]): Promise<void> {
    this.published.push(...messages);
  }
}

describe('KafkaEventTransport', () => {
  it('turns @OnEvent and @OnEventBatch methods into the consumer handlers, with typed events and their errors', async () => {
    const app = await NestFactory.create(AreasModule, { logger: false });
    const transport = new KafkaEventTransport();
    app.connectMicroservice({ strategy: transport }, { inheritAppConfig: false });
    await app.init();
    try {
      const handlers = transport.eventHandlers();
      expect(handlers.map((h) => h.name).sort()).toEqual([
        'AreaCountsEventController.count',
        'AreaNamesEventController.onCreated',
      ]);
      const batch = handlers.find((h) => h.name === 'AreaCountsEventController.count')!;
      expect(batch.subscribesTo).toEqual([AreaCreatedV1, AreaMovedV1]);
      expect(batch.handleBatch).toBeDefined();

      const deadLetters = new RecordingPublisher();
      const dispatcher = new EventDispatcher(new EventRegistry(), handlers, deadLetters, {
        consumerGroup: 'g',
      });
      await dispatcher.dispatch([
        toMessage(created('Lucknow'), 1),
        toMessage(created('poison'), 2),
        toMessage(created('लखनऊ'), 3),
      ]);

      const seen = app.get(Seen);
      expect(seen.names).toEqual(['Lucknow', 'लखनऊ']);
      expect(seen.deliveries[1]).toEqual({ topic: AreaCreatedV1.topic, partition: 0, offset: '3' });
      expect(seen.batches).toEqual([3]);
      // Nest's RPC error layer did not swallow the handler's error: the dispatcher saw its reason.
      expect(deadLetters.published.map((m) => m.headers['dlq-reason'])).toEqual(['poison-area']);
    } finally {
      await app.close();
    }
  });
});
