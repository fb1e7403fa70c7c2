import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EventEnvelope } from '@sangathan/contracts';
import { templateValue } from './notification-planner';
import { MESSAGE_PORT, type MessagePort } from './ports/message.port';
import type { RuleBook } from './rule-book';
import type { Reschedule } from './rule-file.schema';

/**
 * Moves the queued reminders of a rescheduled subject (a session): each is due at the event's new time plus
 * its rule's offset, with its text rendered again from the values it was planned with and the event's new
 * ones. A reminder whose new time has already passed is suppressed, as the planner would not have queued it.
 */
@Injectable()
export class ReminderRescheduler {
  private readonly logger = new Logger(ReminderRescheduler.name);

  constructor(@Inject(MESSAGE_PORT) private readonly messages: MessagePort) {}

  async apply(
    book: RuleBook,
    reschedule: Reschedule,
    event: EventEnvelope,
    now: Date,
  ): Promise<{ moved: number; suppressed: number }> {
    const payload = event.payload as Record<string, unknown>;
    const subject = String(payload[reschedule.subject]);
    const cause = `${event.type} ${event.eventId}`;
    let moved = 0;
    let suppressed = 0;
    for (const message of await this.messages.queuedAbout(reschedule.rules, subject)) {
      const rule = book.rule(message.ruleId);
      if (!rule?.at) continue;
      const dueAt = new Date(Date.parse(String(payload[rule.at.field])) + rule.at.offsetMinutes * 60_000);
      if (Number.isNaN(dueAt.getTime())) continue;
      // A redelivered event finds the reminder already moved.
      if (dueAt.getTime() === message.dueAt.getTime()) continue;
      if (dueAt.getTime() < now.getTime()) {
        if (await this.messages.suppressOne(message, `moved by ${cause} to a time already past`, now))
          suppressed++;
        continue;
      }
      const values = { ...message.values };
      for (const [name, source] of Object.entries(rule.vars))
        if (source.startsWith('payload.') && source.slice('payload.'.length) in payload)
          values[name] = templateValue(payload[source.slice('payload.'.length)]);
      const missing = Object.keys(rule.vars).filter((name) => !(name in values));
      let content = message.content;
      if (missing.length === 0) {
        const { language: _, ...rendered } = book.templates.render(rule.template, message.language, values);
        content = rendered;
      } else
        this.logger.warn(
          { messageId: message.id, missing },
          'reminder planned without its template values: moved, text kept',
        );
      const entry = {
        at: now,
        step: 'rescheduled' as const,
        channel: null,
        detail: `due ${dueAt.toISOString()} (was ${message.dueAt.toISOString()}), by ${cause}`,
      };
      if (await this.messages.reschedule(message, { dueAt, content, values, entry })) moved++;
    }
    return { moved, suppressed };
  }
}
