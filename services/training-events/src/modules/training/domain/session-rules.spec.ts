import type { SessionFacts } from './participant.entity';
import { assertHoldable } from './session-rules';

const session: SessionFacts = {
  status: 'scheduled',
  startsAt: new Date('2026-01-05T05:00:00Z'),
  allowWalkIns: false,
  passScore: null,
};

describe('session time rules', () => {
  it('refuses to record a session held days before it starts', () => {
    expect(() => assertHoldable(session, new Date('2025-12-26T05:00:00Z'))).toThrow(
      expect.objectContaining({ code: 'SESSION_NOT_STARTED', status: 409 }),
    );
  });

  it('records a session held from a quarter of an hour before its start', () => {
    expect(() => assertHoldable(session, new Date('2026-01-05T04:44:59Z'))).toThrow(
      expect.objectContaining({ code: 'SESSION_NOT_STARTED' }),
    );
    expect(() => assertHoldable(session, new Date('2026-01-05T04:45:00Z'))).not.toThrow();
    expect(() => assertHoldable(session, new Date('2026-01-05T08:00:00Z'))).not.toThrow();
  });

  it('refuses a session that is no longer scheduled', () => {
    expect(() => assertHoldable({ ...session, status: 'held' }, new Date('2026-01-05T08:00:00Z'))).toThrow(
      expect.objectContaining({ code: 'SESSION_NOT_OPEN' }),
    );
  });
});
