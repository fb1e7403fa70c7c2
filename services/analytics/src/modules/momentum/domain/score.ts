import { MOMENTUM_COMPONENTS, type MomentumComponentName } from '@sangathan/contracts';
import { SOURCED } from './activity-mapping';
import { dayEnd, decayedAt, steadyLevel } from './decay';
import {
  BUCKET,
  SLOT,
  TREND_FLOWS,
  type BoothStateName,
  type FlowName,
  type MomentumFormula,
} from './momentum-formula';
import type { MomentumState } from './momentum-state';

export type ComponentScore = {
  /** In [0, cap]; null when the component does not apply (no source yet, or nothing planned to compare with). */
  value: number | null;
  /** What the area did (decayed) and what an area of its size should (same units). */
  actual: number;
  expected: number;
  /** Effective weight (renormalised over applicable components). */
  weight: number;
};

export type TrendLabel = 'accelerating' | 'steady' | 'slowing';

export type AreaScore = {
  score: number;
  components: Record<MomentumComponentName, ComponentScore>;
  weakest: MomentumComponentName | null;
  shortLongRatio: number | null;
  trend: TrendLabel;
};

/** Reads the figures one evaluation needs: flow values (already decayed to the instant) and booth-state sums. */
type Figures = { flow: (flow: FlowName) => number; state: (state: BoothStateName) => number; booths: number };

/** Momentum = 100 × weighted mean of the applicable components (docs/momentum.md §Score). */
export function evaluate(
  formula: MomentumFormula,
  figures: Figures,
): Omit<AreaScore, 'shortLongRatio' | 'trend'> {
  const h = formula.halfLifeDays.main;
  const raw = {} as Record<
    MomentumComponentName,
    { value: number | null; actual: number; expected: number; weight: number }
  >;
  for (const name of MOMENTUM_COMPONENTS) {
    const def = formula.components[name];
    let actual = 0;
    let expected = 0;
    let value: number | null = null;
    if (def.kind === 'flow') {
      actual = figures.flow(def.flow);
      expected = steadyLevel(def.ratePerBoothPerDay * figures.booths, h);
      if (SOURCED.has(def.flow)) value = clamp(actual / expected, formula.cap);
    } else if (def.kind === 'flow-ratio') {
      actual = figures.flow(def.numerator);
      expected = figures.flow(def.denominator);
      if (SOURCED.has(def.numerator) && expected >= def.minDenominator)
        value = clamp(actual / expected, formula.cap);
    } else {
      actual = figures.state(def.state);
      expected = def.perBooth * figures.booths;
      if (SOURCED.has(def.state)) value = clamp(actual / expected, formula.cap);
    }
    raw[name] = { value, actual, expected, weight: def.weight };
  }
  const totalWeight = MOMENTUM_COMPONENTS.reduce(
    (sum, name) => sum + (raw[name].value === null ? 0 : raw[name].weight),
    0,
  );
  let score = 0;
  let weakest: MomentumComponentName | null = null;
  for (const name of MOMENTUM_COMPONENTS) {
    const c = raw[name];
    c.weight = c.value === null || totalWeight === 0 ? 0 : c.weight / totalWeight;
    if (c.value === null) continue;
    score += 100 * c.weight * c.value;
    if (
      weakest === null ||
      c.value < raw[weakest].value! ||
      (c.value === raw[weakest].value && c.weight > raw[weakest].weight)
    )
      weakest = name;
  }
  return { score, components: raw, weakest };
}

const clamp = (x: number, cap: number): number => (Number.isFinite(x) ? Math.min(cap, Math.max(0, x)) : 0);

/** Score of an attached area at `nowMs`, decay applied at read time. */
export function scoreAt(state: MomentumState, idx: number, nowMs: number): AreaScore {
  const { formula } = state;
  const { epochMs, halfLifeDays: hl } = formula;
  const booths = state.tree.booths(idx);
  const base = evaluate(formula, {
    flow: (flow) => decayedAt(state.slot(idx, SLOT.main[flow]), epochMs, nowMs, hl.main),
    state: (s) => state.slot(idx, SLOT.state[s]),
    booths,
  });
  // Trend: activity relative to its expected level with a 2-day vs a 14-day half-life.
  let short = 0;
  let long = 0;
  for (const flow of TREND_FLOWS) {
    const def = Object.values(formula.components).find((c) => c.kind === 'flow' && c.flow === flow);
    if (!def || def.kind !== 'flow' || !SOURCED.has(flow)) continue;
    short +=
      (def.weight * decayedAt(state.slot(idx, SLOT.short[flow]), epochMs, nowMs, hl.short)) /
      steadyLevel(def.ratePerBoothPerDay * booths, hl.short);
    long +=
      (def.weight * decayedAt(state.slot(idx, SLOT.long[flow]), epochMs, nowMs, hl.long)) /
      steadyLevel(def.ratePerBoothPerDay * booths, hl.long);
  }
  const shortLongRatio = long > 1e-9 ? short / long : null;
  const trend: TrendLabel =
    shortLongRatio === null
      ? 'steady'
      : shortLongRatio >= formula.trend.accelerating
        ? 'accelerating'
        : shortLongRatio <= formula.trend.slowing
          ? 'slowing'
          : 'steady';
  return { ...base, shortLongRatio, trend };
}

/**
 * Daily scores (at the end of each UTC day from `fromDay` to `toDay`) of an area whose level keeps
 * history; null for other levels. Booth counts are today's.
 */
export function dailyScores(
  state: MomentumState,
  idx: number,
  fromDay: number,
  toDay: number,
): { day: number; score: number; components: Record<MomentumComponentName, number | null> }[] | null {
  const row = state.tree.historyRow[idx];
  if (row < 0) return null;
  const { formula } = state;
  const h = formula.halfLifeDays.main;
  const days = [...state.buckets.keys()].sort((a, b) => a - b);
  const flows = new Float64Array(BUCKET.stride);
  const booths = state.tree.booths(idx);
  const out: { day: number; score: number; components: Record<MomentumComponentName, number | null> }[] = [];
  let k = 0;
  let lastDay: number | null = null;
  for (let day = Math.min(fromDay, days[0] ?? fromDay); day <= toDay; day++) {
    // Carry the running values to the end of `day`, then add that day's bucket.
    if (lastDay !== null) {
      const decay = Math.pow(2, -(dayEnd(day) - dayEnd(lastDay)) / (h * 86_400_000));
      for (const f of Object.values(BUCKET.flow)) flows[f] *= decay;
    }
    lastDay = day;
    while (k < days.length && days[k] <= day) {
      const bucket = state.buckets.get(days[k])!;
      const decay = Math.pow(2, -(dayEnd(day) - dayEnd(days[k])) / (h * 86_400_000));
      const at = row * BUCKET.stride;
      if (at < bucket.length) {
        for (const f of Object.values(BUCKET.flow)) flows[f] += bucket[at + f] * decay;
        for (const s of Object.values(BUCKET.state)) flows[s] += bucket[at + s];
      }
      k++;
    }
    if (day < fromDay) continue;
    const result = evaluate(formula, {
      flow: (f) => flows[BUCKET.flow[f]],
      state: (s) => flows[BUCKET.state[s]],
      booths,
    });
    out.push({
      day,
      score: result.score,
      components: Object.fromEntries(
        MOMENTUM_COMPONENTS.map((c) => [c, result.components[c].value]),
      ) as Record<MomentumComponentName, number | null>,
    });
  }
  return out;
}

/** Score at the end of the UTC day a week before `nowMs` (null for levels without history). */
export function weekAgoScore(state: MomentumState, idx: number, nowMs: number): number | null {
  const day = Math.floor(nowMs / 86_400_000) - 7;
  const series = dailyScores(state, idx, day, day);
  return series && series.length > 0 ? series[0].score : null;
}
