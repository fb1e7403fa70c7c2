import { z } from 'zod';
import { RULE_ID } from './rule-id';

const channel = z.enum(['email', 'sms', 'whatsapp', 'inbox']);
const identifier = z.string().regex(RULE_ID, 'lower-case letters, digits and dashes');
/**
 * Where a template variable comes from: `payload.<field>` (checked against the event's contract),
 * `recipient.name`, `area.name` (the rule's area, in the member's language) or, in digests, `digest.count`.
 */
const variableSource = z
  .string()
  .regex(/^(payload\.[A-Za-z][A-Za-z0-9]*|recipient\.name|area\.name|digest\.count)$/, {
    message: 'payload.<field>, recipient.name, area.name or digest.count',
  });

const recipient = z.union([
  z.object({ member: z.string().min(1) }).strict(),
  z.object({ position: z.string().min(1), of: z.string().min(1) }).strict(),
]);

const digest = z
  .object({
    /** Events of this rule per member and window that go out on their own; the rest are summarised. */
    after: z.number().int().nonnegative(),
    /** `day`: an IST calendar day; otherwise hours. */
    window: z.union([
      z.literal('day'),
      z
        .number()
        .int()
        .positive()
        .max(24 * 7),
    ]),
    /** For `day` windows: when the summary goes out the next day (HH:mm IST). */
    sendAt: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
      .optional(),
    template: identifier,
    vars: z.record(z.string(), variableSource),
  })
  .strict();

export const ruleSchema = z
  .object({
    id: identifier,
    description: z.string().optional(),
    /** Event type, e.g. `training.participant.invited`. */
    on: z.string().min(1),
    version: z.number().int().positive().default(1),
    /** Payload fields that must equal a value (or one of a list) for the rule to fire. */
    when: z
      .record(
        z.string(),
        z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number()]))]),
      )
      .optional(),
    /** Payload field with the area the message is about (scope, `area.name`). */
    area: z.string().min(1).default('areaId'),
    to: z.array(recipient).min(1),
    template: identifier,
    vars: z.record(z.string(), variableSource),
    channels: z.array(channel).min(1),
    /** Send at a payload date-time plus an offset (a reminder) rather than now. */
    at: z
      .object({ field: z.string().min(1), offsetMinutes: z.number().int() })
      .strict()
      .optional(),
    /** Payload field cancellations match (e.g. `sessionId`). */
    subject: z.string().min(1).optional(),
    digest: digest.optional(),
  })
  .strict();

/** An event that acts on the queued messages of some rules about one subject (a session, a task). */
const subjectActionSchema = z
  .object({
    on: z.string().min(1),
    version: z.number().int().positive().default(1),
    /** Payload field whose value is the subject of the queued messages acted on. */
    subject: z.string().min(1),
    rules: z.array(identifier).min(1),
  })
  .strict();

/** Queued messages suppressed when their subject is called off (a cancelled session, a completed task). */
export const cancellationSchema = subjectActionSchema;

/**
 * Queued reminders that move with their subject (a rescheduled session): due at the event's new value of the
 * rule's `at.field` plus the rule's offset, texts rendered again with the event's new values.
 */
export const rescheduleSchema = subjectActionSchema;

export const ruleFileSchema = z
  .object({
    /** Format of this file; only 1 exists. */
    version: z.literal(1),
    rules: z.array(ruleSchema).min(1),
    cancellations: z.array(cancellationSchema).default([]),
    reschedules: z.array(rescheduleSchema).default([]),
  })
  .strict();

export type Rule = z.infer<typeof ruleSchema>;
export type Cancellation = z.infer<typeof cancellationSchema>;
export type Reschedule = z.infer<typeof rescheduleSchema>;
export type RuleFile = z.infer<typeof ruleFileSchema>;
export type Recipient = z.infer<typeof recipient>;

const text = z.object({ subject: z.string().min(1), body: z.string().min(1) }).strict();

export const templateFileSchema = z
  .object({
    version: z.literal(1),
    /** Every template must have every one of these languages. */
    languages: z.array(z.string().min(2)).min(1),
    /** Used for a member whose language is not in `languages`. */
    fallback: z.string().min(2),
    templates: z.record(
      identifier,
      z
        .object({
          /** Variables in the order providers receive them (WhatsApp body parameters, SMS flow variables). */
          variables: z.array(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/)),
          whatsapp: z
            .object({ name: z.string().min(1) })
            .strict()
            .optional(),
          /** The body as registered on the DLT platform (TRAI rules): SMS sends the rendered body under this id. */
          sms: z
            .object({ dltTemplateId: z.string().regex(/^\d{19}$/, 'a 19-digit DLT template id') })
            .strict()
            .optional(),
        })
        .catchall(text),
    ),
  })
  .strict();
export type TemplateFile = z.infer<typeof templateFileSchema>;
