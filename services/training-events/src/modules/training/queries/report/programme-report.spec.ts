import { rollUp, type SessionRow } from './programme-report';

describe('programme report roll-up', () => {
  it('rolls turnout against target up to every ancestor, leaving cancelled sessions out', () => {
    const base = {
      invited: 0,
      registered: 0,
      waitlisted: 0,
      declined: 0,
      walkIns: 0,
      completed: 0,
      turnoutRatio: 0,
    };
    const rows: SessionRow[] = [
      {
        ...base,
        sessionId: 'a',
        areaId: 'LS-1',
        ancestors: ['IN', 'UP'],
        status: 'held',
        target: 100,
        attended: 50,
      },
      {
        ...base,
        sessionId: 'b',
        areaId: 'LS-2',
        ancestors: ['IN', 'UP'],
        status: 'scheduled',
        target: 300,
        attended: 0,
      },
      {
        ...base,
        sessionId: 'c',
        areaId: 'LS-3',
        ancestors: ['IN', 'UP'],
        status: 'cancelled',
        target: 999,
        attended: 0,
      },
    ];
    const up = rollUp(rows).find((r) => r.areaId === 'UP');
    expect(up).toEqual({
      areaId: 'UP',
      sessions: 2,
      held: 1,
      target: 400,
      attended: 50,
      turnoutRatio: 0.125,
    });
  });
});
