import type { TargetRule } from '@sangathan/contracts';

/** Size figures of a session's area, as the local area read model knows them. */
export type AreaSize = { areaId: string; booths: number | null; voters: number | null };

/**
 * Attendance target per area. `fixed`: the same number everywhere. `scaled`: linear between `min`
 * (the smallest area of the plan by the chosen basis) and `max` (the largest), rounded to tens, so
 * "2,500-5,000 workers per seat depending on its size" becomes 2,500 for the smallest seat and
 * 5,000 for the largest. An area whose figure is unknown gets `min` (the conservative target) and
 * is reported in `missingBasis`; when every area has the same size they all get the midpoint.
 */
export function deriveTargets(
  rule: TargetRule,
  areas: readonly AreaSize[],
): { targets: Map<string, number>; missingBasis: string[] } {
  const targets = new Map<string, number>();
  if (rule.kind === 'fixed') {
    for (const area of areas) targets.set(area.areaId, rule.value);
    return { targets, missingBasis: [] };
  }
  const sizeOf = (area: AreaSize): number | null => (rule.basis === 'booths' ? area.booths : area.voters);
  const known = areas.map(sizeOf).filter((size): size is number => size !== null && size > 0);
  const lo = known.length ? Math.min(...known) : 0;
  const hi = known.length ? Math.max(...known) : 0;
  const missingBasis: string[] = [];
  for (const area of areas) {
    const size = sizeOf(area);
    if (size === null || size <= 0) {
      missingBasis.push(area.areaId);
      targets.set(area.areaId, rule.min);
      continue;
    }
    const share = hi === lo ? 0.5 : (size - lo) / (hi - lo);
    targets.set(area.areaId, roundToTens(rule.min + (rule.max - rule.min) * share));
  }
  return { targets, missingBasis };
}

function roundToTens(value: number): number {
  return Math.round(value / 10) * 10;
}
