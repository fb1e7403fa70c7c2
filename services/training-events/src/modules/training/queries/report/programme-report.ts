import type { SessionCounts } from '../../application/ports/participant-repository.port';

export const emptyCounts = (): SessionCounts => ({
  invited: 0,
  registered: 0,
  waitlisted: 0,
  declined: 0,
  attended: 0,
  walkIns: 0,
  completed: 0,
});

export type SessionRow = {
  sessionId: string;
  areaId: string;
  ancestors: string[];
  status: string;
  target: number;
} & SessionCounts & { turnoutRatio: number };

export type Rollup = {
  areaId: string;
  sessions: number;
  held: number;
  target: number;
  attended: number;
  turnoutRatio: number;
};

export const ratio = (attended: number, target: number): number =>
  target > 0 ? Math.round((attended / target) * 10_000) / 10_000 : 0;

/**
 * Rolls session rows up to every ancestor area (state, zone, district…): sessions, held, target
 * (cancelled sessions excluded) and attendance. Lets leadership see turnout against target at any
 * level from one report.
 */
export function rollUp(rows: readonly SessionRow[]): Rollup[] {
  const byArea = new Map<string, Rollup>();
  for (const row of rows) {
    if (row.status === 'cancelled') continue;
    for (const areaId of [...row.ancestors, row.areaId]) {
      const r = byArea.get(areaId) ?? {
        areaId,
        sessions: 0,
        held: 0,
        target: 0,
        attended: 0,
        turnoutRatio: 0,
      };
      r.sessions++;
      if (row.status === 'held') r.held++;
      r.target += row.target;
      r.attended += row.attended;
      byArea.set(areaId, r);
    }
  }
  return [...byArea.values()]
    .map((r) => ({ ...r, turnoutRatio: ratio(r.attended, r.target) }))
    .sort((a, b) => a.areaId.localeCompare(b.areaId));
}
