import { AREA_LEVELS, MEMBER_KINDS, seatClassSchema } from '@sangathan/contracts';
import { z } from 'zod';

/** CSV cells arrive as strings: empty means absent, numbers and JSON are parsed. */
const blank = (v: unknown): unknown => (v === '' || v === undefined ? null : v);
const int = z.preprocess((v) => {
  const b = blank(v);
  return typeof b === 'string' && /^-?\d+$/.test(b.trim()) ? Number(b) : b;
}, z.number().int().nullable().optional());
const count = z.preprocess((v) => {
  const b = blank(v);
  return typeof b === 'string' && /^\d+$/.test(b.trim()) ? Number(b) : b;
}, z.number().int().nonnegative().nullable().optional());
const text = (max: number) => z.preprocess(blank, z.string().max(max).nullable().optional());

/**
 * `socialComposition`: an object in JSON, or in CSV either JSON or `group:share;group:share`.
 */
const composition = z.preprocess(
  (v) => {
    const b = blank(v);
    if (typeof b !== 'string') return b;
    const s = b.trim();
    if (s.startsWith('{')) {
      try {
        return JSON.parse(s);
      } catch {
        return s;
      }
    }
    return Object.fromEntries(
      s.split(';').map((pair) => {
        const [k, share] = pair.split(':');
        return [k?.trim(), Number(share)];
      }),
    );
  },
  z.record(z.string().min(1).max(40), z.number().min(0).max(1)).nullable().optional(),
);

/** One row of an areas import (CSV header or JSON keys). */
export const areaImportRowSchema = z.object({
  code: z.string().min(1).max(64),
  level: z.enum(AREA_LEVELS),
  parentId: text(64),
  nameEn: z.string().min(1).max(200),
  nameHi: text(200),
  seatClass: z.preprocess(blank, seatClassSchema.nullable().optional()),
  lastMargin: int,
  lokSabhaId: text(64),
  boothCount: count,
  voterCount: count,
  beneficiaryCount: count,
  socialComposition: composition,
});
export type AreaImportInput = z.infer<typeof areaImportRowSchema>;

/** One row of a members import. */
export const memberImportRowSchema = z.object({
  phone: z.preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string().min(1).max(32)),
  name: z.string().min(1).max(120),
  nameAlt: text(120),
  kind: z.preprocess(blank, z.enum(MEMBER_KINDS).nullable().optional()),
  areaId: z.string().min(1).max(64),
});
export type MemberImportInput = z.infer<typeof memberImportRowSchema>;

/** An error of one row: `row` counts data rows from 1 (a CSV file's line number is row + 1). */
export type RowError = { row: number; field: string; message: string };

export function zodRowErrors(row: number, issues: { path: PropertyKey[]; message: string }[]): RowError[] {
  return issues.map((issue) => ({
    row,
    field: issue.path.map(String).join('.') || '(row)',
    message: issue.message,
  }));
}
