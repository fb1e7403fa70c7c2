import { DAY_MS } from './momentum-formula';

/**
 * Factor that turns a value at `atMs` into its contribution to an accumulator stored at the
 * reference instant `refMs`: v · 2^(-(refMs - atMs)/h). Adding contributions commutes, so the
 * accumulator does not depend on the order events arrive in (docs/momentum.md §Decay).
 */
export function toReference(atMs: number, refMs: number, halfLifeDays: number): number {
  return Math.pow(2, (atMs - refMs) / (halfLifeDays * DAY_MS));
}

/** Value now of an accumulator stored at `refMs`. */
export function decayedAt(stored: number, refMs: number, nowMs: number, halfLifeDays: number): number {
  return stored * Math.pow(2, -(nowMs - refMs) / (halfLifeDays * DAY_MS));
}

/** Steady level of a decayed sum fed at `ratePerDay`: rate × h/ln 2. */
export function steadyLevel(ratePerDay: number, halfLifeDays: number): number {
  return (ratePerDay * halfLifeDays) / Math.LN2;
}

/** UTC day number of an instant. */
export const dayOf = (ms: number): number => Math.floor(ms / DAY_MS);
/** End of a UTC day (exclusive bound, i.e. the next midnight). */
export const dayEnd = (day: number): number => (day + 1) * DAY_MS;
