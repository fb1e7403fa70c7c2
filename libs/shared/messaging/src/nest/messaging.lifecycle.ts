import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { EventRegistry, type TopicDefinition } from '@sangathan/contracts';
import { EventDispatcher } from '../consumer/event-dispatcher';
import { KafkaEventTransport } from '../consumer/kafka-event-transport';
import { KafkaConnection } from '../kafka/kafka-connection';
import { KafkaEventConsumer } from '../kafka/kafka-event-consumer';
import { KafkaMessagePublisher } from '../kafka/message-publisher';
import { OutboxRelay } from '../outbox/outbox-relay';
import { MESSAGING_OPTIONS, type MessagingOptions } from './messaging.options';

/** Starts topics, the outbox relay and the consumer after the app is up; stops them in order. */
@Injectable()
export class MessagingLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Messaging');
  private consumer?: KafkaEventConsumer;
  private topicsReady = false;
  private stopped = false;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly connection: KafkaConnection,
    private readonly registry: EventRegistry,
    private readonly relay: OutboxRelay,
    private readonly transport: KafkaEventTransport,
  ) {}

  onApplicationBootstrap(): void {
    if (this.transport.eventHandlers().length > 0 && !this.options.consumer)
      throw new Error(`${this.options.serviceName} declares event handlers but no consumer group`);
    // Not awaited: a broker that is down must not stop the HTTP server (readiness reports it).
    void this.ensureTopics().then(() => {
      if (this.stopped) return;
      this.relay.start();
      this.startConsumer();
    });
  }

  /** True when topics exist and, if this service consumes, its group is joined. */
  get isReady(): boolean {
    return this.topicsReady && (this.consumer ? this.consumer.isConnected : true);
  }

  /** Topics this service writes, plus those its consumer reads (created from the catalogue if the owner has not yet). */
  private topicsToEnsure(): TopicDefinition[] {
    const read = this.transport
      .eventHandlers()
      .flatMap((handler) => handler.subscribesTo)
      .map((definition) => this.registry.topic(definition.topic))
      .filter((topic): topic is TopicDefinition => topic !== undefined);
    const all = [...(this.options.ownedTopics ?? []), ...read];
    return all.filter((topic, i) => all.findIndex((t) => t.name === topic.name) === i);
  }

  private async ensureTopics(): Promise<void> {
    let delay = 1000;
    while (!this.stopped) {
      try {
        const created = await this.connection.ensureTopics(this.topicsToEnsure());
        if (created.length) this.logger.log(`created topics: ${created.join(', ')}`);
        this.topicsReady = true;
        return;
      } catch (error) {
        this.logger.error(
          `Kafka not reachable at ${this.connection.settings.brokers.join(',')} (${(error as Error).message}); retrying in ${delay} ms`,
        );
        await new Promise((resolve) => setTimeout(resolve, delay));
        delay = Math.min(delay * 2, 30_000);
      }
    }
  }

  private startConsumer(): void {
    const consumer = this.options.consumer;
    const handlers = this.transport.eventHandlers();
    if (!consumer || handlers.length === 0) return;
    const dispatcher = new EventDispatcher(
      this.registry,
      handlers,
      new KafkaMessagePublisher(this.connection),
      { consumerGroup: consumer.groupId },
    );
    this.consumer = new KafkaEventConsumer(this.connection, dispatcher, consumer);
    void this.consumer.start();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.consumer?.stop();
    await this.relay.stop();
    await this.connection.disconnect();
  }
}
