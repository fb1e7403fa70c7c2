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

/** What kind of party member someone is. */
export const MEMBER_KINDS = ['worker', 'volunteer', 'office-bearer'] as const;
export const memberKindSchema = z.enum(MEMBER_KINDS);
export type MemberKind = z.infer<typeof memberKindSchema>;

/** A member's standing: `replaced` means someone else took over their work for good. */
export const MEMBER_STATUSES = ['active', 'inactive', 'replaced'] as const;
export const memberStatusSchema = z.enum(MEMBER_STATUSES);
export type MemberStatus = z.infer<typeof memberStatusSchema>;

/**
 * Single-holder office-bearer positions, each valid at the area levels listed in
 * `POSITION_AREA_LEVELS`. A position is identified by `<type>:<areaId>`; assigning it to someone
 * vacates it for the previous holder. Booth committee members and booth volunteers are many per
 * booth and are tracked on the booth (see booth.events.ts), not as positions.
 */
export const POSITION_TYPES = [
  'national-president',
  'state-president',
  'zone-coordinator',
  'district-president',
  'district-incharge',
  'lok-sabha-incharge',
  'assembly-incharge',
  'mandal-president',
  'sector-incharge',
  'booth-president',
  /** Head of the central IT team (national level), separate from every state's team. */
  'it-cell-central-head',
  /** Member of the central IT team (national level). */
  'it-cell-central-member',
  /** Head of a state's IT team. */
  'it-cell-state-head',
  'it-cell-assembly',
  'it-cell-mandal',
  'it-cell-sector',
] as const;
export const positionTypeSchema = z.enum(POSITION_TYPES);
export type PositionType = z.infer<typeof positionTypeSchema>;

/** Where each position type may be held. */
export const POSITION_AREA_LEVELS: Record<PositionType, readonly AreaLevel[]> = {
  'national-president': ['national'],
  'state-president': ['state'],
  'zone-coordinator': ['zone'],
  'district-president': ['district'],
  'district-incharge': ['district'],
  'lok-sabha-incharge': ['lok-sabha'],
  'assembly-incharge': ['assembly'],
  'mandal-president': ['mandal'],
  'sector-incharge': ['sector'],
  'booth-president': ['booth'],
  'it-cell-central-head': ['national'],
  'it-cell-central-member': ['national'],
  'it-cell-state-head': ['state'],
  'it-cell-assembly': ['assembly'],
  'it-cell-mandal': ['mandal'],
  'it-cell-sector': ['sector'],
};

/** Which IT team a position belongs to, if any: the central team is separate from each state's. */
export function itTeamOf(type: PositionType): 'central' | 'state' | null {
  if (type.startsWith('it-cell-central')) return 'central';
  if (type.startsWith('it-cell-')) return 'state';
  return null;
}
