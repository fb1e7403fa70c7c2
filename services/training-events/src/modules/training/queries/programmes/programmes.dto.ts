import { sessionPlanSchema, targetRuleSchema, trainingAudienceSchema } from '@sangathan/contracts';
import { pageSchema } from '@sangathan/http';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

const at = z.iso.datetime();
const count = z.number().int().nonnegative();

/** A programme as every programme operation answers it (`toProgrammeView`). */
export const programmeViewSchema = z.object({
  id: z.string(),
  title: z.string(),
  titleHi: z.string().min(1).nullable().describe('Hindi title (Devanagari)'),
  rootAreaId: z.string().describe('Area whose subtree the programme covers'),
  windowStart: at,
  windowEnd: at,
  audience: trainingAudienceSchema,
  sessionPlan: sessionPlanSchema,
  targetRule: targetRuleSchema,
  passScore: z.number().min(0).max(100).nullable().describe('Assessment pass score; null for no assessment'),
  sessionCount: count,
  totalTarget: count,
  missingTargetBasis: z
    .array(z.string())
    .describe('Session areas without the booth or voter count the target rule scales by'),
  materialisation: z
    .enum(['pending', 'done'])
    .describe("pending while invitations are written; done once every session's invitations exist"),
  invitedCount: count.describe('Invitations written so far'),
  sessionsInvited: count.describe('Sessions whose invitations are all written'),
  createdAt: at,
});
export class ProgrammeViewDto extends createZodDto(programmeViewSchema) {}

/** A session as every session operation answers it (`toSessionView`). */
export const sessionViewSchema = z.object({
  id: z.string(),
  programmeId: z.string(),
  areaId: z.string(),
  areaLevel: z.string(),
  ancestors: z.array(z.string()),
  title: z.string(),
  startsAt: at,
  endsAt: at,
  venue: z.string().min(1).nullable(),
  target: count,
  capacity: z.number().int().positive().nullable().describe('Seats; null for no limit'),
  allowWalkIns: z.boolean(),
  status: z.enum(['scheduled', 'cancelled', 'held']),
  registeredCount: count,
  invitations: z
    .enum(['pending', 'done'])
    .describe("pending until this session's invitations are all written"),
  invitedCount: count,
  turnout: z
    .record(z.string(), z.number())
    .nullable()
    .describe('Frozen when the session is held; null before'),
  heldAt: at.nullable(),
  cancelledAt: at.nullable(),
  cancelReason: z.string().min(1).nullable(),
});
export class SessionViewDto extends createZodDto(sessionViewSchema) {}

/** The answer of GET /programmes. */
export const programmePageSchema = pageSchema(programmeViewSchema);
export class ProgrammePageDto extends createZodDto(programmePageSchema) {}

/** The answer of GET /programmes/{id}/sessions. */
export const sessionPageSchema = pageSchema(sessionViewSchema);
export class SessionPageDto extends createZodDto(sessionPageSchema) {}
