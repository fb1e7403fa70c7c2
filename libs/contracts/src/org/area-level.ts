import { z } from 'zod';

/** Levels of the primary organisational tree, from the top. */
export const AREA_LEVELS = [
  'national',
  'state',
  'zone',
  'district',
  'lok-sabha',
  'assembly',
  'mandal',
  'sector',
  'booth',
] as const;
export const areaLevelSchema = z.enum(AREA_LEVELS);
export type AreaLevel = z.infer<typeof areaLevelSchema>;

/** Leadership's focus classes for seats (from the last result). */
export const seatClassSchema = z.enum(['lost', 'weak', 'thin-margin', 'strong']);
export type SeatClass = z.infer<typeof seatClassSchema>;
