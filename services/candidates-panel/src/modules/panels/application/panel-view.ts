import { FEEDBACK_SOURCES, PANEL_STATUSES } from '@sangathan/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { CRITERIA, summarise, type FeedbackState } from '../domain/feedback';
import type { PanelState } from '../domain/panel.entity';
import type { Prospect } from '../domain/prospect.entity';
import type { ProspectRatingSums } from './ports/feedback.repository.port';

const isoDate = z.string().min(1).describe('ISO-8601');
const transition = z.object({
  from: z.enum(PANEL_STATUSES).nullable(),
  to: z.enum(PANEL_STATUSES),
  by: z.string().describe('Member id'),
  at: isoDate,
});

export const panelViewSchema = z.object({
  id: z.string(),
  cycleId: z.string(),
  seatId: z.string(),
  seatLevel: z.enum(['lok-sabha', 'assembly']),
  zoneId: z.string(),
  ownerId: z.string().min(1).nullable().describe('Zone coordinator when the panel was opened'),
  deadline: isoDate,
  status: z.enum(PANEL_STATUSES),
  collectorIds: z.array(z.string()),
  proposal: z.array(z.object({ rank: z.number().int(), prospectId: z.string(), rationale: z.string() })),
  returnCount: z.number().int(),
  returnComments: z.string().min(1).nullable(),
  submittedAt: isoDate.nullable(),
  submittedOnTime: z
    .boolean()
    .describe('At or before the deadline')
    .nullable()
    .describe('Null until submitted'),
  decision: z.object({ prospectId: z.string(), by: z.string(), at: isoDate }).nullable(),
  announcedAt: isoDate.nullable(),
  deadlineMissedAt: isoDate.nullable(),
  history: z.array(transition),
});
export class PanelViewDto extends createZodDto(panelViewSchema) {}
export type PanelView = z.infer<typeof panelViewSchema>;

const pastResult = z.object({
  year: z.number().int(),
  election: z.enum(['lok-sabha', 'assembly', 'local']),
  seat: z.string(),
  outcome: z.enum(['won', 'lost', 'runner-up', 'withdrew']),
  votes: z.number().int().nullable(),
  marginVotes: z.number().int().nullable(),
});
export const pastResultSchema = pastResult;

export const prospectViewSchema = z.object({
  id: z.string(),
  panelId: z.string(),
  kind: z.enum(['member', 'outsider']),
  memberId: z.string().min(1).nullable(),
  name: z.string(),
  phone: z.string().min(1).nullable(),
  profile: z.string().min(1).nullable(),
  pastResults: z.array(pastResult),
  addedBy: z.string(),
  addedAt: isoDate,
});
export class ProspectViewDto extends createZodDto(prospectViewSchema) {}

const criterionSummary = z.object({ mean: z.number(), spread: z.number().describe('Standard deviation') });
export const aggregateViewSchema = z.object({
  prospectId: z.string(),
  count: z.number().int(),
  criteria: z.object(
    Object.fromEntries(CRITERIA.map((c) => [c, criterionSummary])) as Record<
      (typeof CRITERIA)[number],
      typeof criterionSummary
    >,
  ),
  lastRecordedAt: isoDate.nullable(),
});
export class AggregatesViewDto extends createZodDto(z.object({ items: z.array(aggregateViewSchema) })) {}

export const panelDetailSchema = panelViewSchema.extend({
  prospects: z.array(prospectViewSchema),
  aggregates: z.array(aggregateViewSchema),
});
export class PanelDetailDto extends createZodDto(panelDetailSchema) {}

export const feedbackViewSchema = z.object({
  id: z.string(),
  prospectId: z.string(),
  source: z.enum(FEEDBACK_SOURCES),
  ratings: z.object(
    Object.fromEntries(CRITERIA.map((c) => [c, z.number().int()])) as Record<
      (typeof CRITERIA)[number],
      z.ZodNumber
    >,
  ),
  text: z.string().nullable(),
  authorId: z.string(),
  recordedAt: isoDate,
});
export class FeedbackPageDto extends createZodDto(
  z.object({ items: z.array(feedbackViewSchema), nextCursor: z.string().min(1).nullable() }),
) {}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function toPanelView(state: Readonly<PanelState>): PanelView {
  return {
    id: state.id,
    cycleId: state.cycleId,
    seatId: state.seatId,
    seatLevel: state.seatLevel,
    zoneId: state.zoneId,
    ownerId: state.ownerId,
    deadline: state.deadline.toISOString(),
    status: state.status,
    collectorIds: [...state.collectorIds],
    proposal: state.proposal.map((entry, i) => ({ rank: i + 1, ...entry })),
    returnCount: state.returnCount,
    returnComments: state.returnComments,
    submittedAt: iso(state.submittedAt),
    submittedOnTime: state.submittedOnTime,
    decision: state.decision
      ? { prospectId: state.decision.prospectId, by: state.decision.by, at: state.decision.at.toISOString() }
      : null,
    announcedAt: iso(state.announcedAt),
    deadlineMissedAt: iso(state.deadlineMissedAt),
    history: state.history.map((t) => ({ ...t, at: t.at.toISOString() })),
  };
}

export function toProspectView(prospect: Prospect): z.infer<typeof prospectViewSchema> {
  const s = prospect.state;
  return {
    id: s.id,
    panelId: s.panelId,
    kind: s.kind,
    memberId: s.memberId,
    name: s.name,
    phone: s.phone,
    profile: s.profile,
    pastResults: s.pastResults,
    addedBy: s.addedBy,
    addedAt: s.addedAt.toISOString(),
  };
}

export function toAggregateView(sums: ProspectRatingSums): z.infer<typeof aggregateViewSchema> {
  return {
    prospectId: sums.prospectId,
    count: sums.count,
    criteria: summarise(sums),
    lastRecordedAt: iso(sums.lastRecordedAt),
  };
}

/** Aggregates for every prospect of a panel, those without feedback included (count 0). */
export function aggregatesFor(
  prospectIds: readonly string[],
  sums: readonly ProspectRatingSums[],
): z.infer<typeof aggregateViewSchema>[] {
  const byId = new Map(sums.map((s) => [s.prospectId, s]));
  const zero = Object.fromEntries(CRITERIA.map((c) => [c, 0])) as Record<(typeof CRITERIA)[number], number>;
  return prospectIds.map((prospectId) =>
    toAggregateView(
      byId.get(prospectId) ?? {
        prospectId,
        count: 0,
        sum: zero,
        sumOfSquares: zero,
        lastRecordedAt: null,
      },
    ),
  );
}

export function toFeedbackView(feedback: FeedbackState): z.infer<typeof feedbackViewSchema> {
  return {
    id: feedback.id,
    prospectId: feedback.prospectId,
    source: feedback.source,
    ratings: feedback.ratings,
    text: feedback.text,
    authorId: feedback.authorId,
    recordedAt: feedback.recordedAt.toISOString(),
  };
}
