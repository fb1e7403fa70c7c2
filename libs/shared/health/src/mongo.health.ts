import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { Connection } from 'mongoose';
import { withTimeout } from '@sangathan/messaging';

/** Ready when the service's database answers a ping within 2 s. */
@Injectable()
export class MongoHealthIndicator {
  constructor(
    private readonly indicator: HealthIndicatorService,
    @InjectConnection() private readonly connection: Connection,
  ) {}

  async isHealthy(key = 'mongodb') {
    const check = this.indicator.check(key);
    try {
      if (!this.connection.db) throw new Error('not connected');
      await withTimeout(this.connection.db.command({ ping: 1 }), 2000, 'pinging MongoDB');
      return check.up();
    } catch (error) {
      return check.down({ message: (error as Error).message });
    }
  }
}
