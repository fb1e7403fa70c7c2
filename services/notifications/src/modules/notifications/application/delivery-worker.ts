import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { lazyMeter } from '@sangathan/observability';
import { uuidv7 } from '@sangathan/kernel';
import Bottleneck from 'bottleneck';
import {
  ORG_DIRECTORY_PORT,
  type OrgDirectoryPort,
} from '../../org-directory/application/ports/org-directory.port';
import {
  afterSend,
  currentChannel,
  deferIfQuiet,
  skipChannel,
  type Channel,
  type DeliveryPolicy,
  type DeliveryStep,
  type NotificationMessage,
  type SendOutcome,
} from '../domain/notification-message.entity';
import { DEFAULT_QUIET_HOURS, type QuietHours } from '../domain/quiet-hours';
import { DEFAULT_RETRY_POLICY } from '../domain/retry-policy';
import { ActiveRules } from './active-rules';
import { areaName, languageOf } from './notification-planner';
import { deliveryEvents } from './notifications.integration-events';
import { CHANNEL_SENDERS, type ChannelAddress, type ChannelSenderPort } from './ports/channel-sender.port';
import { CLOCK_PORT, type ClockPort } from './ports/clock.port';
import { DIGEST_PORT, type Digest, type DigestPort } from './ports/digest.port';
import { MESSAGE_PORT, type MessagePort, type RecordedStep } from './ports/message.port';
import { SEND_RATE_PORT, type SendRatePort } from './ports/send-rate.port';
import { PREFERENCE_PORT, type MemberPreferences, type PreferencePort } from './ports/preference.port';

const meter = lazyMeter('notifications');
const sends = meter.createCounter('notifications_provider_calls_total', {
  description: 'Provider calls by channel and outcome (accepted, retriable, permanent)',
});

const envNumber = (name: string, fallback: number): number => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

/**
 * `NOTIFY_QUIET_HOURS`: `21-8` (the default: 21:00-08:00 IST) or `off` (benchmarks, which must not depend on the
 * hour they run at).
 */
function quietHoursFromEnv(): QuietHours {
  const value = process.env.NOTIFY_QUIET_HOURS;
  if (value === 'off') return { startHour: 0, endHour: 0 };
  const match = /^(\d{1,2})-(\d{1,2})$/.exec(value ?? '');
  return match ? { startHour: Number(match[1]), endHour: Number(match[2]) } : DEFAULT_QUIET_HOURS;
}

/** Calls in flight per channel and replica (`NOTIFY_CONCURRENCY_<CHANNEL>`); the rate is shared (SEND_RATE_PORT). */
function limiterFor(channel: Channel): Bottleneck {
  return new Bottleneck({ maxConcurrent: envNumber(`NOTIFY_CONCURRENCY_${channel.toUpperCase()}`, 32) });
}

/**
 * Sends what is due: polls the messages collection (and due digests), leases a batch so one replica sends
 * each message, defers phone channels in quiet hours, sends through the channel adapters under per-channel
 * rate limits, and records each outcome (retry with backoff, fallback, sent, failed) with its events in one
 * write. Timers live only here; what is due lives in the database, so a restart loses nothing.
 */
@Injectable()
export class DeliveryWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(DeliveryWorker.name);
  private readonly policy: DeliveryPolicy = {
    retry: {
      maxAttempts: envNumber('NOTIFY_MAX_ATTEMPTS', DEFAULT_RETRY_POLICY.maxAttempts),
      baseDelayMs: envNumber('NOTIFY_RETRY_BASE_MS', DEFAULT_RETRY_POLICY.baseDelayMs),
      maxDelayMs: envNumber('NOTIFY_RETRY_MAX_MS', DEFAULT_RETRY_POLICY.maxDelayMs),
    },
    quiet: quietHoursFromEnv(),
  };
  private readonly pollMs = envNumber('NOTIFY_POLL_MS', 1000);
  private readonly batchSize = envNumber('NOTIFY_BATCH_SIZE', 200);
  private readonly leaseMs = envNumber('NOTIFY_LEASE_MS', 60_000);
  /** Outcomes written per round trip at most (`NOTIFY_RECORD_CHUNK`), and how long one waits for others. */
  private readonly recordChunk = envNumber('NOTIFY_RECORD_CHUNK', 25);
  private readonly recordWithinMs = envNumber('NOTIFY_RECORD_WITHIN_MS', 10);
  private readonly limiters = new Map<Channel, Bottleneck>();
  private readonly senders: Map<Channel, ChannelSenderPort>;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private running: Promise<void> | null = null;

  constructor(
    @Inject(MESSAGE_PORT) private readonly messages: MessagePort,
    @Inject(DIGEST_PORT) private readonly digests: DigestPort,
    @Inject(PREFERENCE_PORT) private readonly preferences: PreferencePort,
    @Inject(ORG_DIRECTORY_PORT) private readonly directory: OrgDirectoryPort,
    @Inject(CHANNEL_SENDERS) senders: ChannelSenderPort[],
    @Inject(CLOCK_PORT) private readonly clock: ClockPort,
    @Inject(SEND_RATE_PORT) private readonly rate: SendRatePort,
    private readonly rules: ActiveRules,
  ) {
    this.senders = new Map(senders.map((s) => [s.channel, s]));
  }

  onApplicationBootstrap(): void {
    if (process.env.NOTIFY_DELIVERY === 'off') return;
    this.schedule(0);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
    const limiters = [...this.limiters.values()];
    this.limiters.clear();
    await Promise.all(limiters.map((l) => l.stop({ dropWaitingJobs: false })));
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick()
        .then((busy) => this.schedule(busy ? 0 : this.pollMs))
        .catch((error: Error) => {
          this.logger.warn({ err: error.message }, 'delivery round failed; retrying');
          this.schedule(this.pollMs);
        });
    }, delayMs);
  }

  /** One round: flush due digests, then send one leased batch. True when there may be more to do now. */
  async tick(): Promise<boolean> {
    await this.flushDigests();
    const batch = await this.messages.claimDue(this.clock.now(), this.batchSize, this.leaseMs);
    if (batch.length === 0) return false;
    const preferences = await this.preferences.find([...new Set(batch.map((m) => m.memberId))]);
    // Outcomes are recorded several at a time, in one write each (a write per message costs more than the
    // call), and within a few milliseconds of their call: an unrecorded call is repeated after a crash.
    const pending: RecordedStep[] = [];
    const writes: Promise<void>[] = [];
    let timer: NodeJS.Timeout | null = null;
    const flush = () => {
      if (timer) clearTimeout(timer);
      timer = null;
      if (pending.length > 0) writes.push(this.recordAll(pending.splice(0)));
    };
    await Promise.all(
      batch.map((message) =>
        this.deliver(message, preferences.get(message.memberId)).then(
          (recorded) => {
            if (!recorded) return;
            pending.push(recorded);
            if (pending.length >= this.recordChunk) flush();
            else timer ??= setTimeout(flush, this.recordWithinMs);
          },
          (error: Error) =>
            // The lease runs out and another round takes the message again.
            this.logger.warn({ messageId: message.id, err: error.message }, 'delivery of a message failed'),
        ),
      ),
    );
    flush();
    await Promise.all(writes);
    return batch.length === this.batchSize;
  }

  /** What to record for one message: skipped, deferred, or the outcome of its provider call. */
  private async deliver(
    message: NotificationMessage,
    prefs: MemberPreferences | undefined,
  ): Promise<RecordedStep | null> {
    const now = this.clock.now();
    const channel = currentChannel(message);
    if (!channel) return null;
    const sender = this.senders.get(channel);
    const address: ChannelAddress = {
      memberId: message.memberId,
      email: prefs?.email ?? null,
      phone: prefs?.phone ?? null,
      language: message.language,
    };
    const unusable = !sender
      ? `no ${channel} adapter configured`
      : prefs?.mutedChannels.includes(channel)
        ? `the member muted ${channel}`
        : sender.unusable(address, message.content);
    if (unusable)
      return this.recorded(message, skipChannel(message, { kind: 'unusable', reason: unusable }, now), false);
    const quiet = deferIfQuiet(message, now, this.policy);
    if (quiet) return this.recorded(message, quiet, false);
    const outcome = await this.limiter(channel).schedule(async () => {
      await this.rate.acquire(channel);
      return this.call(sender!, message, address);
    });
    sends.add(1, { channel, outcome: outcome.kind });
    return this.recorded(message, afterSend(message, outcome, this.clock.now(), this.policy), true);
  }

  private async call(
    sender: ChannelSenderPort,
    message: NotificationMessage,
    address: ChannelAddress,
  ): Promise<SendOutcome> {
    try {
      return await sender.send(message.id, address, message.content);
    } catch (error) {
      return { kind: 'retriable', reason: `adapter error: ${(error as Error).message}` };
    }
  }

  private recorded(message: NotificationMessage, step: DeliveryStep, attempted: boolean): RecordedStep {
    const now = this.clock.now();
    return { message, step, events: deliveryEvents(message, step, now), now, attempted };
  }

  private async recordAll(steps: RecordedStep[]): Promise<void> {
    try {
      const applied = await this.messages.recordAll(steps);
      if (applied < steps.length)
        this.logger.warn(
          { notRecorded: steps.length - applied },
          'messages changed while they were being sent; not recorded twice',
        );
    } catch (error) {
      // Unrecorded messages keep their lease until it runs out; then they are sent again.
      this.logger.warn(
        { messages: steps.length, err: (error as Error).message },
        'recording outcomes failed',
      );
    }
  }

  private limiter(channel: Channel): Bottleneck {
    let limiter = this.limiters.get(channel);
    if (!limiter) {
      limiter = limiterFor(channel);
      this.limiters.set(channel, limiter);
    }
    return limiter;
  }

  /** Turns each due digest into one message (its dedupe key is the digest's, so a retried flush queues it once). */
  private async flushDigests(): Promise<void> {
    const now = this.clock.now();
    for (const digest of await this.digests.due(now, 50)) {
      const count = digest.eventIds.length - digest.after;
      if (count > 0) await this.queueDigest(digest, count, now);
      await this.digests.markFlushed(digest.id);
    }
  }

  private async queueDigest(digest: Digest, count: number, now: Date): Promise<void> {
    const book = this.rules.current;
    const rule = book.rule(digest.ruleId);
    if (!rule?.digest) {
      this.logger.warn({ digestId: digest.id }, 'digest of a rule no longer in force dropped');
      return;
    }
    const [members, preferences, areas] = await Promise.all([
      this.directory.members([digest.memberId]),
      this.preferences.find([digest.memberId]),
      this.directory.areas([digest.areaId]),
    ]);
    const member = members.get(digest.memberId);
    if (!member) return;
    const language = book.templates.language(languageOf(member, preferences.get(digest.memberId)));
    const values: Record<string, unknown> = {};
    for (const [name, source] of Object.entries(rule.digest.vars)) {
      if (source === 'digest.count') values[name] = count;
      else if (source === 'recipient.name') values[name] = member.name;
      else values[name] = areaName(areas.get(digest.areaId), language, digest.areaId);
    }
    const { language: used, ...content } = book.templates.render(rule.digest.template, language, values);
    const sourceEventId = digest.eventIds[digest.after];
    await this.messages.insertNew([
      {
        id: uuidv7(),
        dedupeKey: `digest|${digest.id}`,
        ruleId: rule.id,
        sourceEventId,
        sourceEventType: rule.on,
        subjectKey: null,
        memberId: digest.memberId,
        areaId: digest.areaId,
        ancestors: digest.ancestors,
        language: used,
        channels: rule.channels,
        channelIndex: 0,
        attempts: 0,
        totalAttempts: 0,
        itemCount: count,
        state: 'queued',
        dueAt: now,
        content,
        values,
        providerMessageId: null,
        history: [
          { at: now, step: 'queued', channel: null, detail: `digest of ${count} events of rule ${rule.id}` },
        ],
        readAt: null,
        createdAt: now,
        version: 0,
      },
    ]);
  }
}
