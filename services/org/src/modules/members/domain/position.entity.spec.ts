import { Position } from './position.entity';

const lucknow = { id: 'UP-D-LUCKNOW', level: 'district' as const, ancestors: ['IN', 'UP', 'UP-Z-LUCKNOW'] };

describe('Position', () => {
  it('exists only at its area level', () => {
    expect(() =>
      Position.open('district-president', { id: 'UP-AC-1', level: 'assembly', ancestors: [] }),
    ).toThrow(
      expect.objectContaining({
        code: 'POSITION_LEVEL_MISMATCH',
        details: [expect.objectContaining({ field: 'type' })],
      }),
    );
  });

  it('vacates the previous holder with history when assigned to someone else', () => {
    const position = Position.open('district-president', lucknow);
    const t1 = new Date('2026-01-01');
    const t2 = new Date('2026-02-01');
    expect(position.assign('a', t1).map((e) => e.kind)).toEqual(['position-assigned']);
    const events = position.assign('b', t2);
    expect(events.map((e) => e.kind)).toEqual(['position-vacated', 'position-assigned']);
    expect(events[0]).toMatchObject({
      memberId: 'a',
      reason: 'replaced',
      successorId: 'b',
      since: t1,
      until: t2,
    });
    expect(position.snapshot).toMatchObject({
      holderId: 'b',
      history: [{ memberId: 'a', since: t1, until: t2, reason: 'replaced' }],
    });
    expect(position.assign('b', t2)).toEqual([]);
  });

  it('can be left vacant once', () => {
    const position = Position.open('booth-president', { id: 'B', level: 'booth', ancestors: [] });
    position.assign('a', new Date());
    expect(position.vacate('released', new Date()).reason).toBe('released');
    expect(position.snapshot.holderId).toBeNull();
    expect(() => position.vacate('released', new Date())).toThrow(
      expect.objectContaining({ code: 'POSITION_VACANT' }),
    );
  });

  it('knows its IT team', () => {
    expect(Position.open('it-cell-central-head', { id: 'IN', level: 'national', ancestors: [] }).itTeam).toBe(
      'central',
    );
    expect(Position.open('it-cell-mandal', { id: 'M', level: 'mandal', ancestors: [] }).itTeam).toBe('state');
    expect(Position.open('district-president', lucknow).itTeam).toBeNull();
  });
});
