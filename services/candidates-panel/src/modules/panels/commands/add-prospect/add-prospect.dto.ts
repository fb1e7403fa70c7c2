import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { pastResultSchema } from '../../application/panel-view';

export const addProspectSchema = z
  .object({
    kind: z.enum(['member', 'outsider']),
    memberId: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .optional()
      .describe('Members only: an active org member living in the panel’s zone'),
    name: z
      .string()
      .min(1)
      .max(120)
      .optional()
      .describe('Outsiders only (Devanagari or Latin); encrypted at rest'),
    phone: z
      .string()
      .trim()
      .optional()
      .describe('Outsiders only: E.164, e.g. +919876543210; encrypted at rest'),
    profile: z.string().max(2000).nullable().default(null).describe('Short profile; encrypted at rest'),
    pastResults: z
      .array(pastResultSchema)
      .max(20)
      .default([])
      .describe('Past results as the party records them'),
  })
  .superRefine((body, ctx) => {
    const required = body.kind === 'member' ? (['memberId'] as const) : (['name', 'phone'] as const);
    const forbidden = body.kind === 'member' ? (['name', 'phone'] as const) : (['memberId'] as const);
    for (const field of required)
      if (body[field] === undefined)
        ctx.addIssue({ code: 'custom', path: [field], message: `required for ${body.kind}` });
    for (const field of forbidden)
      if (body[field] !== undefined)
        ctx.addIssue({ code: 'custom', path: [field], message: `not allowed for ${body.kind}` });
  });
export class AddProspectDto extends createZodDto(addProspectSchema) {}
