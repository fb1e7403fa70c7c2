import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export const auditLogQuerySchema = z.object({
  panelId: z.string().trim().min(1).max(100).optional(),
  actorId: z.string().trim().min(1).max(100).optional(),
  outcome: z.enum(['allowed', 'denied', 'rejected']).optional(),
  cursor: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export class AuditLogQueryDto extends createZodDto(auditLogQuerySchema) {}

const entry = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string(),
  roles: z.array(z.string()),
  actorAreaId: z.string(),
  action: z.string(),
  outcome: z.enum(['allowed', 'denied', 'rejected']),
  code: z.string().nullable(),
  panelId: z.string().nullable(),
  prospectId: z.string().nullable(),
  method: z.string(),
  route: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  correlationId: z.string().nullable(),
});
export class AuditLogPageDto extends createZodDto(
  z.object({ items: z.array(entry), nextCursor: z.string().min(1).nullable() }),
) {}
