import { type DynamicModule, Global, Module } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import { EventRegistry } from '@sangathan/contracts';
import type { Connection } from 'mongoose';
import { KafkaEventTransport } from '../consumer/kafka-event-transport';
import { KafkaConnection } from '../kafka/kafka-connection';
import { kafkaSettingsFromEnv } from '../kafka/kafka-settings';
import { KafkaMessagePublisher } from '../kafka/message-publisher';
import { OutboxBacklogGauge } from '../outbox/outbox-backlog';
import { OutboxRelay } from '../outbox/outbox-relay';
import { OutboxWriter } from '../outbox/outbox-writer';
import { MessagingLifecycle } from './messaging.lifecycle';
import { MESSAGING_OPTIONS, type MessagingOptions } from './messaging.options';

/**
 * The event bus of a service: Kafka connection, outbox relay over the service's own database,
 * and one consumer group for the handlers it registers (dotnet/eShop's EventBus, minus the
 * broker details, which stay in this lib).
 */
@Global()
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingOptions): DynamicModule {
    return {
      module: MessagingModule,
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        { provide: EventRegistry, useValue: new EventRegistry() },
        {
          provide: KafkaConnection,
          useFactory: () => new KafkaConnection(kafkaSettingsFromEnv(options.serviceName)),
        },
        {
          provide: OutboxRelay,
          inject: [getConnectionToken(), KafkaConnection],
          useFactory: (mongo: Connection, kafka: KafkaConnection) =>
            new OutboxRelay(() => mongo.db, new KafkaMessagePublisher(kafka), {
              collections: options.outboxCollections ?? [],
              sweepIntervalMs: Number(process.env.OUTBOX_SWEEP_INTERVAL_MS) || undefined,
            }),
        },
        {
          provide: OutboxBacklogGauge,
          inject: [getConnectionToken()],
          useFactory: (mongo: Connection) =>
            new OutboxBacklogGauge(options.outboxCollections ?? [], async () => mongo.db),
        },
        // One per application: a module definition is shared by every app made from it in one process (tests).
        { provide: KafkaEventTransport, useFactory: () => new KafkaEventTransport() },
        OutboxWriter,
        MessagingLifecycle,
      ],
      exports: [
        KafkaConnection,
        EventRegistry,
        OutboxRelay,
        OutboxWriter,
        KafkaEventTransport,
        MessagingLifecycle,
        MESSAGING_OPTIONS,
      ],
    };
  }
}
