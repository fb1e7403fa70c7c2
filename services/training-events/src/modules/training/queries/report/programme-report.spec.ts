import { foldParticipants, rollUp, type SessionRow } from './programme-report';

describe('programme report folds', () => {
  it('counts invitees, walk-ins, attendance and completion per session', () => {
    const counts = foldParticipants([
      { sessionId: 'S1', status: 'registered', walkIn: false, attendedAt: new Date(), completedAt: new Date() },
      { sessionId: 'S1', status: 'waitlisted', walkIn: false, attendedAt: null, completedAt: null },
      { sessionId: 'S1', status: 'walk-in', walkIn: true, attendedAt: new Date(), completedAt: null },
      { sessionId: 'S2', status: 'declined', walkIn: false, attendedAt: null, completedAt: null },
    ]);
    expect(counts.get('S1')).toEqual({ invited: 2, registered: 1, waitlisted: 1, declined: 0, attended: 2, walkIns: 1, completed: 1 });
    expect(counts.get('S2')?.declined).toBe(1);
  });

  it('rolls turnout against target up to every ancestor, leaving cancelled sessions out', () => {
    const base = { invited: 0, registered: 0, waitlisted: 0, declined: 0, walkIns: 0, completed: 0, turnoutRatio: 0 };
    const rows: SessionRow[] = [
      { ...base, sessionId: 'a', areaId: 'LS-1', ancestors: ['IN', 'UP'], status: 'held', target: 100, attended: 50 },
      { ...base, sessionId: 'b', areaId: 'LS-2', ancestors: ['IN', 'UP'], status: 'scheduled', target: 300, attended: 0 },
      { ...base, sessionId: 'c', areaId: 'LS-3', ancestors: ['IN', 'UP'], status: 'cancelled', target: 999, attended: 0 },
    ];
    const up = rollUp(rows).find((r) => r.areaId === 'UP');
    expect(up).toEqual({ areaId: 'UP', sessions: 2, held: 1, target: 400, attended: 50, turnoutRatio: 0.125 });
  });
});
