import { Inject, Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@sangathan/contracts';
import { uuidv7 } from '@sangathan/kernel';
import {
  ORG_DIRECTORY_PORT,
  type DirectoryArea,
  type DirectoryMember,
  type OrgDirectoryPort,
} from '../../org-directory/application/ports/org-directory.port';
import type { NotificationMessage } from '../domain/notification-message.entity';
import { PlanLookups } from './plan-lookups';
import { PREFERENCE_PORT, type MemberPreferences, type PreferencePort } from './ports/preference.port';
import type { Rule } from './rule-file.schema';
import type { RuleBook } from './rule-book';

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const DEVANAGARI = /[\u0900-\u097F]/;

/** A message a rule would send, or why a rule produced nothing for an event or a recipient. */
export type Plan = {
  messages: (NotificationMessage & { digest: Rule['digest'] | null })[];
  skipped: { ruleId: string; memberId: string | null; reason: string }[];
};

/** Language of a member: their choice, else Hindi when their name is written in Devanagari. */
export function languageOf(member: DirectoryMember, preferences: MemberPreferences | undefined): string {
  return preferences?.language ?? (DEVANAGARI.test(member.name) ? 'hi' : 'en');
}

export function areaName(area: DirectoryArea | undefined, language: string, fallback: string): string {
  if (!area) return fallback;
  return language === 'hi' && area.nameHi ? area.nameHi : area.nameEn;
}

function matches(rule: Rule, payload: Record<string, unknown>): boolean {
  return Object.entries(rule.when ?? {}).every(([field, expected]) =>
    Array.isArray(expected) ? expected.includes(payload[field] as never) : payload[field] === expected,
  );
}

/** Payload values as templates want them: ISO date-times become dates (formatted in IST). */
export function templateValue(value: unknown): unknown {
  return typeof value === 'string' && ISO_DATE_TIME.test(value) ? new Date(value) : value;
}

/**
 * Turns one event into the messages the rules in force produce: recipients resolved by member id or by
 * position over the area and its ancestors (org-directory), texts rendered in each member's language, a due
 * time for reminders. Reads only, so the dry-run endpoint shows exactly what the consumer would queue.
 */
@Injectable()
export class NotificationPlanner {
  constructor(
    @Inject(ORG_DIRECTORY_PORT) private readonly directory: OrgDirectoryPort,
    @Inject(PREFERENCE_PORT) private readonly preferences: PreferencePort,
  ) {}

  /** Reads for one planning pass; share one across the events of a poll. */
  lookups(): PlanLookups {
    return new PlanLookups(this.directory, this.preferences);
  }

  /** Fetches in bulk the members, preferences and areas the rules will ask about for these events. */
  async prefetch(book: RuleBook, events: readonly EventEnvelope[], lookups: PlanLookups): Promise<void> {
    const memberIds = new Set<string>();
    const areaIds = new Set<string>();
    for (const event of events) {
      const payload = event.payload as Record<string, unknown>;
      for (const rule of book.rulesFor(event.type, event.version)) {
        areaIds.add(String(payload[rule.area]));
        for (const recipient of rule.to) {
          const id = 'member' in recipient ? payload[recipient.member] : null;
          if (typeof id === 'string' && id) memberIds.add(id);
        }
      }
    }
    await Promise.all([
      lookups.members([...memberIds]),
      lookups.preferencesOf([...memberIds]),
      lookups.areas([...areaIds]),
    ]);
  }

  async plan(book: RuleBook, event: EventEnvelope, now: Date, lookups = this.lookups()): Promise<Plan> {
    const plan: Plan = { messages: [], skipped: [] };
    const payload = event.payload as Record<string, unknown>;
    for (const rule of book.rulesFor(event.type, event.version)) {
      if (!matches(rule, payload)) continue;
      const skip = (reason: string, memberId: string | null = null) =>
        plan.skipped.push({ ruleId: rule.id, memberId, reason });
      let dueAt = now;
      if (rule.at) {
        const base = Date.parse(String(payload[rule.at.field]));
        if (Number.isNaN(base)) {
          skip(`${rule.at.field} is not a date-time`);
          continue;
        }
        dueAt = new Date(base + rule.at.offsetMinutes * 60_000);
        if (dueAt.getTime() < now.getTime()) {
          skip(`due at ${dueAt.toISOString()}, already past`);
          continue;
        }
      }
      const areaId = String(payload[rule.area]);
      const area = await this.area(areaId, event, payload, lookups);
      if (!area) {
        skip(`area ${areaId} is not in org-directory`);
        continue;
      }
      const memberIds = await this.recipients(rule, payload, area, lookups);
      if (memberIds.length === 0) {
        skip('no recipient: nobody holds the position over this area, or the member field is empty');
        continue;
      }
      const [members, preferences] = await Promise.all([
        lookups.members(memberIds),
        lookups.preferencesOf(memberIds),
      ]);
      for (const memberId of memberIds) {
        const member = members.get(memberId);
        if (!member) {
          skip(`member ${memberId} is not in org-directory`, memberId);
          continue;
        }
        if (member.status !== 'active') {
          skip(`member is ${member.status}`, memberId);
          continue;
        }
        const prefs = preferences.get(memberId);
        if (prefs?.mutedRules.includes(rule.id)) {
          skip('the member muted this rule', memberId);
          continue;
        }
        const language = book.templates.language(languageOf(member, prefs));
        const values: Record<string, unknown> = {};
        for (const [name, source] of Object.entries(rule.vars)) {
          if (source === 'recipient.name') values[name] = member.name;
          else if (source === 'area.name') values[name] = areaName(area.area, language, areaId);
          else values[name] = templateValue(payload[source.slice('payload.'.length)]);
        }
        const { language: used, ...content } = book.templates.render(rule.template, language, values);
        plan.messages.push({
          id: uuidv7(),
          dedupeKey: `${event.eventId}|${memberId}|${rule.id}`,
          ruleId: rule.id,
          sourceEventId: event.eventId,
          sourceEventType: event.type,
          subjectKey: rule.subject ? String(payload[rule.subject]) : null,
          memberId,
          areaId,
          ancestors: area.ancestors,
          language: used,
          channels: rule.channels,
          channelIndex: 0,
          attempts: 0,
          totalAttempts: 0,
          itemCount: 1,
          state: 'queued',
          dueAt,
          content,
          values,
          providerMessageId: null,
          history: [{ at: now, step: 'queued', channel: null, detail: `rule ${rule.id} on ${event.type}` }],
          readAt: null,
          createdAt: now,
          version: 0,
          digest: rule.digest ?? null,
        });
      }
    }
    return plan;
  }

  /** The rule's area with its ancestors: from the payload or envelope when they carry them, else org-directory. */
  private async area(
    areaId: string,
    event: EventEnvelope,
    payload: Record<string, unknown>,
    lookups: PlanLookups,
  ): Promise<{ area: DirectoryArea | undefined; ancestors: string[] } | null> {
    const known = (await lookups.areas([areaId])).get(areaId);
    if (known) return { area: known, ancestors: known.ancestors };
    if (payload.areaId === areaId && Array.isArray(payload.ancestors))
      return { area: undefined, ancestors: payload.ancestors as string[] };
    if (event.areaId === areaId) return { area: undefined, ancestors: event.areaPath };
    return null;
  }

  private async recipients(
    rule: Rule,
    payload: Record<string, unknown>,
    area: { ancestors: string[] },
    lookups: PlanLookups,
  ): Promise<string[]> {
    const ids = new Set<string>();
    for (const recipient of rule.to) {
      if ('member' in recipient) {
        const id = payload[recipient.member];
        if (typeof id === 'string' && id) ids.add(id);
        continue;
      }
      const of = String(payload[recipient.of]);
      const ancestors =
        of === String(payload[rule.area])
          ? area.ancestors
          : ((await lookups.areas([of])).get(of)?.ancestors ?? []);
      const path = [...ancestors, of];
      const holders = await lookups.holders(recipient.position, path);
      // The nearest holder: the one whose area is deepest on the path.
      holders.sort((a, b) => path.indexOf(b.areaId) - path.indexOf(a.areaId));
      if (holders[0]) ids.add(holders[0].memberId);
    }
    return [...ids];
  }
}
