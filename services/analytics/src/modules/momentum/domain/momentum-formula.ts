import type { AreaLevel, MomentumComponentName } from '@sangathan/contracts';

export const DAY_MS = 86_400_000;

/** Flows are exponentially decayed sums of event values (docs/momentum.md §Decay). */
export const FLOWS = [
  'meetings',
  'attendance',
  'trainingAttended',
  'trainingTarget',
  'tasksDone',
  'tasksAssigned',
  'panelsOpened',
  'panelProgress',
] as const;
export type FlowName = (typeof FLOWS)[number];

/** Flows that feed the trend (2-day vs 14-day half-life); they get two extra accumulators each. */
export const TREND_FLOWS = ['meetings', 'attendance'] as const satisfies readonly FlowName[];

/** Per-booth state the org service reports (last writer by event time wins, per booth). */
export const BOOTH_STATES = ['committeesFormed', 'volunteers'] as const;
export type BoothStateName = (typeof BOOTH_STATES)[number];

export type ComponentDefinition =
  /** Decayed flow over its expected level: rate per booth per day × booths × h/ln2. */
  | { kind: 'flow'; flow: FlowName; ratePerBoothPerDay: number }
  /** Ratio of two decayed flows with the same half-life (e.g. attended / target); not applicable while the denominator is ~0. */
  | { kind: 'flow-ratio'; numerator: FlowName; denominator: FlowName; minDenominator: number }
  /** Plain coverage ratio: booth state summed over the subtree / (perBooth × booths). */
  | { kind: 'state'; state: BoothStateName; perBooth: number };

export type MomentumFormula = {
  /** Bump on any change below; state built with another version is never mixed in (a replay rebuilds it). */
  version: number;
  /** Reference instant the accumulators are stored at (value at t_ref); see docs/momentum.md §Decay. */
  epochMs: number;
  halfLifeDays: { main: number; short: number; long: number };
  components: Record<MomentumComponentName, ComponentDefinition & { weight: number }>;
  /** Components never exceed this (an area cannot make up for one weak component without limit). */
  cap: number;
  trend: { accelerating: number; slowing: number };
  /** Levels whose daily history is kept (bounded memory: booths and sectors have none). */
  historyLevels: readonly AreaLevel[];
};

/**
 * Formula v2 (v1 + the per-seat `panels` component). Rates come from the campaign brief: an in-charge per sector (~10 booths) holds 4-5
 * small meetings a day, but not every day and not every in-charge: 0.3 weighted meetings per
 * booth per day is "doing what an area of this size should".
 */
export const MOMENTUM_FORMULA: MomentumFormula = {
  // A new version makes the publisher republish every area (analytics.momentum is compacted: the latest per area stays).
  version: 2,
  epochMs: Date.UTC(2026, 0, 1),
  halfLifeDays: { main: 7, short: 2, long: 14 },
  components: {
    meetings: { kind: 'flow', flow: 'meetings', ratePerBoothPerDay: 0.3, weight: 0.3 },
    attendance: { kind: 'flow', flow: 'attendance', ratePerBoothPerDay: 3, weight: 0.15 },
    training: {
      kind: 'flow-ratio',
      numerator: 'trainingAttended',
      denominator: 'trainingTarget',
      minDenominator: 0.5,
      weight: 0.15,
    },
    committees: { kind: 'state', state: 'committeesFormed', perBooth: 1, weight: 0.15 },
    volunteers: { kind: 'state', state: 'volunteers', perBooth: 5, weight: 0.1 },
    tasks: {
      kind: 'flow-ratio',
      numerator: 'tasksDone',
      denominator: 'tasksAssigned',
      minDenominator: 0.5,
      weight: 0.15,
    },
    // Seats only: candidate panels submitted (on time, with feedback gathered) per panel opened; counts only.
    panels: {
      kind: 'flow-ratio',
      numerator: 'panelProgress',
      denominator: 'panelsOpened',
      minDenominator: 0.5,
      weight: 0.1,
    },
  },
  cap: 1.5,
  trend: { accelerating: 1.15, slowing: 0.85 },
  historyLevels: ['national', 'state', 'zone', 'district', 'lok-sabha', 'assembly', 'mandal'],
};

/** Accumulator layout of one area: the main-half-life flows, the trend flows at short and long half-life, the booth states. */
export const SLOT = (() => {
  const main = Object.fromEntries(FLOWS.map((f, i) => [f, i])) as Record<FlowName, number>;
  const short = Object.fromEntries(TREND_FLOWS.map((f, i) => [f, FLOWS.length + i])) as Record<
    (typeof TREND_FLOWS)[number],
    number
  >;
  const long = Object.fromEntries(
    TREND_FLOWS.map((f, i) => [f, FLOWS.length + TREND_FLOWS.length + i]),
  ) as Record<(typeof TREND_FLOWS)[number], number>;
  const base = FLOWS.length + 2 * TREND_FLOWS.length;
  const state = Object.fromEntries(BOOTH_STATES.map((s, i) => [s, base + i])) as Record<
    BoothStateName,
    number
  >;
  return { main, short, long, state, stride: base + BOOTH_STATES.length };
})();

/** Daily history bucket layout: main-half-life flows then booth-state deltas. */
export const BUCKET = {
  flow: Object.fromEntries(FLOWS.map((f, i) => [f, i])) as Record<FlowName, number>,
  state: Object.fromEntries(BOOTH_STATES.map((s, i) => [s, FLOWS.length + i])) as Record<
    BoothStateName,
    number
  >,
  stride: FLOWS.length + BOOTH_STATES.length,
};

/**
 * Identity of everything that shapes the accumulated state: formula, slot layout and the event
 * mapping. Stored with the state; a different fingerprint means the state must be rebuilt.
 */
export function formulaFingerprint(formula: MomentumFormula, mappingKeys: readonly string[]): string {
  const text = JSON.stringify({ formula, slots: SLOT, bucket: BUCKET, mapping: [...mappingKeys].sort() });
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `v${formula.version}-${hash.toString(16).padStart(8, '0')}`;
}
