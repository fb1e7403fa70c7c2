import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EventEnvelope } from '@sangathan/contracts';
import { lazyMeter } from '@sangathan/observability';
import { istDay, IST_OFFSET_MS, nextIstTime } from '../domain/quiet-hours';
import { ActiveRules } from './active-rules';
import { NotificationPlanner, type Plan } from './notification-planner';
import { ReminderRescheduler } from './reminder-rescheduler';
import { CLOCK_PORT, type ClockPort } from './ports/clock.port';
import { DIGEST_PORT, type DigestPort } from './ports/digest.port';
import { MESSAGE_PORT, type MessagePort } from './ports/message.port';
import type { Rule } from './rule-file.schema';

type Planned = Plan['messages'][number];

const meter = lazyMeter('notifications');
const outcomes = meter.createCounter('notifications_planned_total', {
  description:
    'Messages the rules produced or changed per outcome: queued, digested, duplicate (already queued), suppressed, skipped, rescheduled',
});

/** The digest window an event falls in, and when that window's summary goes out. */
export function digestWindow(digest: NonNullable<Rule['digest']>, at: Date): { key: string; dueAt: Date } {
  if (digest.window === 'day') {
    // The day's summary goes out at `sendAt` the next morning, once the day is over.
    const [hour, minute] = (digest.sendAt ?? '09:00').split(':').map(Number);
    const nextMidnight = nextIstTime(at, 0, 0);
    return { key: istDay(at), dueAt: new Date(nextMidnight.getTime() + (hour * 60 + minute) * 60_000) };
  }
  const size = digest.window * 3_600_000;
  // Windows are aligned on IST midnight so a 24-hour window is an IST day.
  const start = Math.floor((at.getTime() + IST_OFFSET_MS) / size) * size - IST_OFFSET_MS;
  return { key: new Date(start).toISOString(), dueAt: new Date(start + size) };
}

/**
 * What the consumer does with each event: suppresses reminders a cancellation makes pointless, then queues
 * the messages the rules produce. The unique `dedupeKey` (event × member × rule) makes redelivery harmless;
 * beyond a rule's `digest.after` in a window, events join the window's digest instead of sending.
 */
@Injectable()
export class NotificationIntake {
  private readonly logger = new Logger(NotificationIntake.name);

  constructor(
    private readonly rules: ActiveRules,
    private readonly planner: NotificationPlanner,
    private readonly rescheduler: ReminderRescheduler,
    @Inject(MESSAGE_PORT) private readonly messages: MessagePort,
    @Inject(DIGEST_PORT) private readonly digests: DigestPort,
    @Inject(CLOCK_PORT) private readonly clock: ClockPort,
  ) {}

  handle(
    event: EventEnvelope,
  ): Promise<{ queued: number; digested: number; suppressed: number; rescheduled: number }> {
    return this.handleBatch([event]);
  }

  /** A poll of events in partition order: reads shared and prefetched, all new messages in one insert. */
  async handleBatch(
    events: readonly EventEnvelope[],
  ): Promise<{ queued: number; digested: number; suppressed: number; rescheduled: number }> {
    const book = this.rules.current;
    const now = this.clock.now();
    const lookups = this.planner.lookups();
    await this.planner.prefetch(book, events, lookups);
    let suppressed = 0;
    let rescheduled = 0;
    let skipped = 0;
    let digested = 0;
    const toQueue: Planned[] = [];
    const withDigest: Planned[] = [];
    for (const event of events) {
      for (const cancellation of book.cancellationsFor(event.type, event.version)) {
        const subject = String((event.payload as Record<string, unknown>)[cancellation.subject]);
        suppressed += await this.messages.suppress(
          cancellation.rules,
          subject,
          `${event.type} ${event.eventId}`,
          now,
        );
      }
      for (const reschedule of book.reschedulesFor(event.type, event.version)) {
        const moved = await this.rescheduler.apply(book, reschedule, event, now);
        rescheduled += moved.moved;
        suppressed += moved.suppressed;
      }
      const plan = await this.planner.plan(book, event, now, lookups);
      skipped += plan.skipped.length;
      for (const skip of plan.skipped)
        this.logger.warn(
          {
            eventId: event.eventId,
            type: event.type,
            ruleId: skip.ruleId,
            memberId: skip.memberId,
            reason: skip.reason,
          },
          'notification rule could not be applied to this event',
        );
      for (const message of plan.messages) (message.digest ? withDigest : toQueue).push(message);
    }
    // Each member's digest sees its events in order; different members' digests are written side by side.
    const byDigest = new Map<string, Planned[]>();
    for (const message of withDigest) {
      const key = `${message.ruleId}|${message.memberId}`;
      byDigest.set(key, [...(byDigest.get(key) ?? []), message]);
    }
    await Promise.all(
      [...byDigest.values()].map(async (group) => {
        for (const message of group) {
          if (await this.joinsDigest(message, now)) digested++;
          else toQueue.push(message);
        }
      }),
    );
    const queued =
      toQueue.length > 0 ? await this.messages.insertNew(toQueue.map(({ digest: _, ...m }) => m)) : 0;
    outcomes.add(queued, { outcome: 'queued' });
    outcomes.add(toQueue.length - queued, { outcome: 'duplicate' });
    outcomes.add(digested, { outcome: 'digested' });
    outcomes.add(suppressed, { outcome: 'suppressed' });
    outcomes.add(skipped, { outcome: 'skipped' });
    outcomes.add(rescheduled, { outcome: 'rescheduled' });
    return { queued, digested, suppressed, rescheduled };
  }

  /** True when the event is beyond the window's first `after` for this member, so the digest carries it. */
  private async joinsDigest(message: Planned, now: Date): Promise<boolean> {
    const digest = message.digest!;
    const window = digestWindow(digest, now);
    const position = await this.digests.add(
      {
        id: `${message.ruleId}|${message.memberId}|${window.key}`,
        ruleId: message.ruleId,
        memberId: message.memberId,
        areaId: message.areaId,
        ancestors: message.ancestors,
        after: digest.after,
        dueAt: window.dueAt,
      },
      message.sourceEventId,
    );
    return position >= digest.after;
  }
}
