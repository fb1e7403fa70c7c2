import { Member } from './member.entity';

const home = { id: 'UP-AC-001-B0001', ancestors: ['IN', 'UP', 'UP-D-X', 'UP-AC-001'] };
const now = new Date('2026-01-01T00:00:00Z');

function register(): Member {
  return Member.register({
    id: 'm1',
    phone: '9876543210',
    name: ' सुनीता  वर्मा ',
    nameAlt: 'Sunita Verma',
    kind: 'worker',
    home,
    now,
    by: 'admin',
  }).member;
}

describe('Member', () => {
  it('registers active with a normalised phone and name and a first status entry', () => {
    const member = register();
    expect(member.snapshot).toMatchObject({ phone: '+919876543210', name: 'सुनीता वर्मा', status: 'active' });
    expect(member.snapshot.statusHistory).toHaveLength(1);
    expect(member.livesWithin('UP-D-X')).toBe(true);
    expect(member.livesWithin('UP-D-Y')).toBe(false);
  });

  it('lists changed fields and returns null when nothing changed', () => {
    const member = register();
    expect(member.update({ name: 'सुनीता वर्मा', phone: '+91 98765 43210' })).toBeNull();
    expect(member.update({ kind: 'volunteer', home: { id: 'B2', ancestors: ['IN'] } })?.changed).toEqual([
      'kind',
      'areaId',
    ]);
  });

  it('deactivates, refuses a second deactivation, and reactivates with history', () => {
    const member = register();
    member.deactivate({ status: 'inactive', reason: 'idle', replacedBy: null, by: 'a', now });
    expect(() =>
      member.deactivate({ status: 'inactive', reason: null, replacedBy: null, by: 'a', now }),
    ).toThrow(expect.objectContaining({ code: 'MEMBER_NOT_ACTIVE' }));
    member.reactivate({ reason: 'back', by: 'a', now });
    expect(member.snapshot.statusHistory.map((s) => s.status)).toEqual(['active', 'inactive', 'active']);
  });

  it('needs a successor to be replaced, and not themself', () => {
    const member = register();
    expect(() =>
      member.deactivate({ status: 'replaced', reason: null, replacedBy: null, by: 'a', now }),
    ).toThrow(expect.objectContaining({ code: 'REPLACEMENT_REQUIRED' }));
    expect(() =>
      member.deactivate({ status: 'replaced', reason: null, replacedBy: 'm1', by: 'a', now }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_REPLACEMENT' }));
  });
});
