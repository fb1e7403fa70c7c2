import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { withTimeout } from '@sangathan/messaging';
import { mongoSettingsFromEnv } from '@sangathan/persistence';
import { mongo } from 'mongoose';

/**
 * Ready when the service's database answers a ping within 2 s. The ping has its own one-socket
 * client, so a pool saturated by a long import does not report a healthy database as down.
 */
@Injectable()
export class MongoHealthIndicator implements OnModuleDestroy {
  private client?: mongo.MongoClient;
  /** Read at start, like the service's own connection. */
  private readonly uri = mongoSettingsFromEnv('admin').uri;

  constructor(private readonly indicator: HealthIndicatorService) {}

  private probeClient(): mongo.MongoClient {
    this.client ??= new mongo.MongoClient(this.uri, {
      maxPoolSize: 1,
      serverSelectionTimeoutMS: 2000,
      connectTimeoutMS: 2000,
    });
    return this.client;
  }

  async isHealthy(key = 'mongodb') {
    const check = this.indicator.check(key);
    try {
      await withTimeout(this.probeClient().db('admin').command({ ping: 1 }), 2000, 'pinging MongoDB');
      return check.up();
    } catch (error) {
      return check.down({ message: (error as Error).message });
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.client?.close().catch(() => undefined);
  }
}
