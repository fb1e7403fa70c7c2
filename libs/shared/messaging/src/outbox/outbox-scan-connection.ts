import type { OnApplicationShutdown } from '@nestjs/common';
import { connectSideClient } from '@sangathan/persistence';
import type { mongo, Connection } from 'mongoose';

/**
 * A second, read-only connection to the service's own database for the outbox relay's sweeps (see
 * `OutboxRelayOptions.scanDatabase`), opened on first use. Falls back to nothing (the relay then uses the
 * main connection) while the main connection is not up.
 */
export class OutboxScanConnection implements OnApplicationShutdown {
  private client?: Promise<mongo.MongoClient>;

  constructor(private readonly main: Connection) {}

  async db(): Promise<mongo.Db | undefined> {
    const name = this.main.db?.databaseName;
    if (!name) return undefined;
    this.client ??= connectSideClient(name).catch((error: unknown) => {
      this.client = undefined;
      throw error;
    });
    return (await this.client).db(name);
  }

  async onApplicationShutdown(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    await (await client?.catch(() => undefined))?.close();
  }
}
