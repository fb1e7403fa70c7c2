import type { AreaLevel } from '@sangathan/contracts';

/**
 * The primary tree, used for scope and rollups. A Lok Sabha seat can cross district lines, so it
 * hangs under the state (or the zone it mostly lies in), and each assembly seat sits under its
 * district with a cross-link to its Lok Sabha seat.
 */
export const PARENT_LEVEL: Record<AreaLevel, AreaLevel[] | null> = {
  national: null,
  state: ['national'],
  zone: ['state'],
  district: ['zone'],
  'lok-sabha': ['state', 'zone'],
  assembly: ['district'],
  mandal: ['assembly'],
  sector: ['mandal'],
  booth: ['sector'],
};
