import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

const count = z.number().int().nonnegative();
const kind = z.enum(['areas', 'members']);
const mode = z.enum(['strict', 'partial']);

/** The answer of POST /imports/areas and /imports/members. */
export const importReportSchema = z.object({
  importId: z.string(),
  kind,
  mode,
  status: z.enum(['done', 'rejected']),
  total: count.describe('Rows in the file'),
  created: count,
  updated: count,
  unchanged: count,
  rejected: count.describe('Rows with at least one error'),
  resumedFrom: count.describe('Operations an earlier run of the same import had already written'),
  errors: z
    .array(z.object({ row: count, field: z.string(), message: z.string() }))
    .describe('Row errors (the first ones); row 0 is a write conflict found while writing'),
  durationMs: z.number().nonnegative(),
});
export class ImportReportDto extends createZodDto(importReportSchema) {}

/** The answer of GET /imports/{id}: the job as it is written so far. */
export const importProgressSchema = z.object({
  importId: z.string(),
  kind,
  mode,
  status: z.enum(['running', 'done']),
  total: count.describe('Rows in the file'),
  ops: count.describe('Writes planned'),
  doneOps: count.describe('Writes done so far'),
  created: count,
  updated: count,
  unchanged: count,
  startedAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().optional(),
  by: z.string().describe('Who started it'),
  areaId: z.string().optional().describe("The starter's area (absent on jobs older than the scope check)"),
  ancestors: z.array(z.string()).optional(),
});
export class ImportProgressDto extends createZodDto(importProgressSchema) {}
