import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { KafkaConnection, MessagingLifecycle } from '@sangathan/messaging';

/** Ready when the broker answers a metadata request and the service's consumer group is joined. */
@Injectable()
export class KafkaHealthIndicator {
  constructor(
    private readonly indicator: HealthIndicatorService,
    private readonly connection: KafkaConnection,
    private readonly messaging: MessagingLifecycle,
  ) {}

  async isHealthy(key = 'kafka') {
    const check = this.indicator.check(key);
    try {
      await this.connection.ping(2000);
    } catch (error) {
      return check.down({ message: `broker unreachable: ${(error as Error).message}` });
    }
    if (!this.messaging.isReady) return check.down({ message: 'topics or consumer group not ready yet' });
    return check.up();
  }
}
