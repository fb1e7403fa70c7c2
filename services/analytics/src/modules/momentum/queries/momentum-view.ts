import { assertCan, isWithinScope, type Principal } from '@sangathan/auth';
import { MOMENTUM_COMPONENTS } from '@sangathan/contracts';
import { NotFoundError, UnavailableError, ValidationError } from '@sangathan/kernel';
import { z } from 'zod';
import { scoreAt, weekAgoScore, type AreaScore } from '../domain/score';
import type { MomentumEngine } from '../application/momentum-engine';
import type { MomentumService } from '../application/momentum.service';

export const atQuery = z.object({
  /** Instant to compute the score for (ISO-8601): now (the default) or later, decay projected with no new activity. */
  at: z.iso
    .datetime({ offset: true })
    .optional()
    .describe(
      'Now (default) or a later instant: the score decayed to it with no new activity. Past instants are refused; use /history.',
    ),
});

/** How far before now `at` may lie and still be read as "now": clock skew between caller and service. */
export const AT_SKEW_MS = 60_000;

export function instant(at: string | undefined): number {
  if (at === undefined) return Date.now();
  const ms = Date.parse(at);
  if (!Number.isFinite(ms))
    throw new ValidationError('INVALID_INSTANT', `at=${at} is not an instant`, [
      { field: 'at', message: 'ISO-8601 instant' },
    ]);
  return ms;
}

/**
 * The instant a score is answered for. The state holds every activity received, later ones
 * included, so a score "as of" a past instant would be today's figures decayed backwards: a wrong
 * number. Until as-of reads exist, a past `at` is refused and the daily history named instead.
 */
export function scoreInstant(at: string | undefined, now = Date.now()): number {
  const ms = instant(at);
  if (ms < now - AT_SKEW_MS) {
    throw new ValidationError(
      'AS_OF_NOT_SUPPORTED',
      `at=${at} is in the past: scores are answered for now or a later instant only (decay projected, no new activity); ` +
        'for past days read GET /areas/{id}/momentum/history?at=&days=',
      [{ field: 'at', message: 'must be now or later' }],
    );
  }
  return ms;
}

export function activeEngine(momentum: MomentumService): MomentumEngine {
  const engine = momentum.active;
  if (!engine)
    throw new UnavailableError(
      'REPLAY_IN_PROGRESS',
      'momentum is being rebuilt for a new formula; try again when the replay has switched over',
    );
  return engine;
}

/** Index of an attached area the caller may read. */
export function scopedArea(engine: MomentumEngine, principal: Principal, areaId: string): number {
  const tree = engine.state.tree;
  const idx = tree.index.get(areaId.toUpperCase()) ?? tree.index.get(areaId);
  if (idx === undefined || !tree.attached[idx]) throw new NotFoundError('area', areaId);
  assertCan(principal, 'analytics:read', { areaId: tree.ids[idx], ancestors: tree.ancestorIds(idx) });
  return idx;
}

export function inScope(engine: MomentumEngine, principal: Principal, idx: number): boolean {
  const tree = engine.state.tree;
  return isWithinScope(principal, { areaId: tree.ids[idx], ancestors: tree.ancestorIds(idx) });
}

const round = (x: number | null, digits = 4): number | null =>
  x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits;

/** The API shape of an area's score. `exact` keeps full precision (for comparisons in tests and tools). */
export function areaView(
  engine: MomentumEngine,
  idx: number,
  nowMs: number,
  score: AreaScore = scoreAt(engine.state, idx, nowMs),
  exact = false,
) {
  const tree = engine.state.tree;
  const r = exact ? (x: number | null) => x : round;
  return {
    areaId: tree.ids[idx],
    level: tree.level[idx],
    nameEn: tree.nameEn[idx],
    nameHi: tree.nameHi[idx],
    seatClass: tree.seatClass[idx],
    booths: tree.boothCount[idx],
    score: r(score.score, exact ? 0 : 2),
    components: Object.fromEntries(
      MOMENTUM_COMPONENTS.map((name) => {
        const c = score.components[name];
        return [
          name,
          { value: r(c.value), actual: r(c.actual), expected: r(c.expected), weight: r(c.weight) },
        ];
      }),
    ),
    weakestComponent: score.weakest,
    trend: {
      label: score.trend,
      shortLongRatio: r(score.shortLongRatio),
      weekAgoScore: r(weekAgoScore(engine.state, idx, nowMs), 2),
    },
    formulaVersion: engine.formula.version,
    asOf: new Date(nowMs).toISOString(),
  };
}
