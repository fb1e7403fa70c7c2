import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection, mongo } from 'mongoose';

export type StoredResponse = { status: number; body: unknown };

export type IdempotencyRecord = {
  _id: string;
  requestHash: string;
  state: 'pending' | 'completed';
  response?: StoredResponse;
  createdAt: Date;
  expiresAt: Date;
};

export type BeginOutcome =
  | { kind: 'started' }
  | { kind: 'replay'; response: StoredResponse }
  | { kind: 'in-progress' }
  | { kind: 'mismatch' };

const TTL_MS = 24 * 3600_000;

/**
 * Remembers the response to each write sent with an `Idempotency-Key`, for 24 hours, in the
 * service's own database. A single-document insert claims the key, so two concurrent retries
 * cannot both run the write.
 */
@Injectable()
export class IdempotencyStore implements OnModuleInit {
  private readonly logger = new Logger('IdempotencyStore');
  constructor(@InjectConnection() private readonly connection: Connection) {}

  /** mongoose's collection wrapper buffers while the connection is (re)opening. */
  private get collection(): mongo.Collection<IdempotencyRecord> {
    return this.connection.collection<IdempotencyRecord>(
      'idempotency_keys',
    ) as unknown as mongo.Collection<IdempotencyRecord>;
  }

  async onModuleInit(): Promise<void> {
    try {
      await this.collection.createIndex({ expiresAt: 1 }, { expireAfterSeconds: 0 });
    } catch (error) {
      this.logger.warn(
        `TTL index on idempotency_keys not created (${(error as Error).message}); expired keys are ignored on read`,
      );
    }
  }

  async begin(id: string, requestHash: string): Promise<BeginOutcome> {
    const now = new Date();
    try {
      await this.collection.insertOne({
        _id: id,
        requestHash,
        state: 'pending',
        createdAt: now,
        expiresAt: new Date(now.getTime() + TTL_MS),
      });
      return { kind: 'started' };
    } catch (error) {
      if ((error as { code?: number }).code !== 11000) throw error;
    }
    const existing = await this.collection.findOne({ _id: id });
    if (!existing || existing.expiresAt < now) {
      await this.collection.deleteOne({ _id: id, expiresAt: { $lt: now } });
      return this.begin(id, requestHash);
    }
    if (existing.requestHash !== requestHash) return { kind: 'mismatch' };
    if (existing.state === 'pending' || !existing.response) return { kind: 'in-progress' };
    return { kind: 'replay', response: existing.response };
  }

  async complete(id: string, response: StoredResponse): Promise<void> {
    await this.collection.updateOne({ _id: id }, { $set: { state: 'completed', response } });
  }

  /** Forgets a key whose request failed in a way the client may retry (5xx, 409). */
  async release(id: string): Promise<void> {
    await this.collection.deleteOne({ _id: id, state: 'pending' });
  }
}
