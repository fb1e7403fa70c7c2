import type { AreaLevel } from '@sangathan/contracts';

/**
 * The primary tree, used for scope and rollups:
 *
 *   national > state > zone > district > assembly > mandal > sector > booth
 *   state > lok-sabha (Lok Sabha seats hang under the state)
 *
 * A Lok Sabha seat can cross district (45 of UP's 80 do) and even zone lines, so it cannot sit
 * under one district without lying; it hangs under the state (or a zone, when a party organises
 * it that way) and each assembly seat, which sits under its district, carries a `lokSabhaId`
 * cross-link that its mandals, sectors and booths inherit. A Lok Sabha rollup is then one
 * indexed query on `lokSabhaId`, and a district rollup one query on `ancestors`.
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

export const isSeatLevel = (level: AreaLevel): boolean => level === 'lok-sabha' || level === 'assembly';

/** Depth order of the levels, for sorting an import so parents come before children. */
export const LEVEL_RANK: Record<AreaLevel, number> = {
  national: 0,
  state: 1,
  zone: 2,
  'lok-sabha': 3,
  district: 3,
  assembly: 4,
  mandal: 5,
  sector: 6,
  booth: 7,
};
