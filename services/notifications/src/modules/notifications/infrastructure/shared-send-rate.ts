import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import type { SendRatePort } from '../application/ports/send-rate.port';
import type { Channel } from '../domain/notification-message.entity';

const DEFAULT_PER_SECOND: Record<Channel, number> = { email: 50, sms: 50, whatsapp: 50, inbox: 0 };

/** `NOTIFY_RATE_<CHANNEL>_PER_SECOND`: calls per second over all replicas (0: no limit). */
function perSecondOf(channel: Channel): number {
  const raw = process.env[`NOTIFY_RATE_${channel.toUpperCase()}_PER_SECOND`];
  const value = raw ? Number(raw) : NaN;
  return Number.isFinite(value) && value >= 0 ? value : DEFAULT_PER_SECOND[channel];
}

/** One channel's shared window: the wall-clock second it counts and the calls taken in it. */
type RateWindow = { _id: string; second: number; taken: number };

type Allowance = { left: number; until: number; refill: Promise<void> | null };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Per-channel send rates shared by every replica through the database, so adding replicas does not
 * multiply a provider's limit: one document per channel in `send_rates` counts the calls taken in the
 * current wall-clock second, moved on by guarded single-document updates (no upsert races, no
 * transaction). A replica takes a tenth of a second's allowance at a time and spends it locally: one write
 * per block of calls, not per call; what it holds when the second ends is dropped, so the rate stays at or
 * under the limit. (`rate-limiter-flexible`'s MongoDB store fails on FerretDB: docs/notifications.md.)
 */
@Injectable()
export class SharedSendRate implements SendRatePort {
  private readonly allowances = new Map<Channel, Allowance>();
  private readonly created = new Set<Channel>();
  /** Read once per channel: acquire runs before every provider call. */
  private readonly limits = new Map<Channel, number>();

  constructor(@InjectConnection() private readonly connection: Connection) {}

  async acquire(channel: Channel): Promise<void> {
    let perSecond = this.limits.get(channel);
    if (perSecond === undefined) this.limits.set(channel, (perSecond = perSecondOf(channel)));
    if (perSecond === 0) return;
    let allowance = this.allowances.get(channel);
    if (!allowance) this.allowances.set(channel, (allowance = { left: 0, until: 0, refill: null }));
    for (;;) {
      if (allowance.left > 0 && Date.now() < allowance.until) {
        allowance.left--;
        return;
      }
      // One refill at a time; the other callers wait for it and then take from it.
      allowance.refill ??= this.refill(channel, perSecond, allowance).finally(
        () => (allowance.refill = null),
      );
      await allowance.refill;
    }
  }

  private async refill(channel: Channel, perSecond: number, allowance: Allowance): Promise<void> {
    const windows = this.connection.collection<RateWindow>('send_rates');
    if (!this.created.has(channel)) {
      await windows
        .updateOne({ _id: channel }, { $setOnInsert: { second: 0, taken: 0 } }, { upsert: true })
        .catch(
          // Another replica created it at the same moment.
          () => undefined,
        );
      this.created.add(channel);
    }
    const block = Math.max(1, Math.ceil(perSecond / 10));
    const second = Math.floor(Date.now() / 1000);
    const until = (second + 1) * 1000;
    const inThisSecond = await windows.updateOne(
      { _id: channel, second, taken: { $lte: perSecond - block } },
      { $inc: { taken: block } },
    );
    const granted =
      inThisSecond.modifiedCount === 1 ||
      (await windows.updateOne({ _id: channel, second: { $lt: second } }, { $set: { second, taken: block } }))
        .modifiedCount === 1;
    if (granted) {
      allowance.left = block;
      allowance.until = until;
    } else await sleep(Math.max(until - Date.now(), 1));
  }
}
