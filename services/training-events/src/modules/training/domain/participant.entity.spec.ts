import {
  assertCheckInOpen,
  assertRsvpOpen,
  decideCheckIn,
  decideCompletion,
  validateFeedback,
  type ParticipantFacts,
  type SessionFacts,
} from './participant.entity';

const session: SessionFacts = {
  status: 'scheduled',
  startsAt: new Date('2026-01-05T05:00:00Z'),
  allowWalkIns: false,
  passScore: null,
};
const invited: ParticipantFacts = {
  status: 'invited',
  walkIn: false,
  attendedAt: null,
  completedAt: null,
  feedbackAt: null,
};
const attended: ParticipantFacts = {
  ...invited,
  status: 'registered',
  attendedAt: new Date('2026-01-05T05:01:00Z'),
};
const started = new Date('2026-01-05T05:01:00Z');

describe('participant rules', () => {
  it('closes registration once the session has started', () => {
    expect(() => assertRsvpOpen(session, new Date('2026-01-05T05:00:00Z'))).toThrow(
      expect.objectContaining({ code: 'REGISTRATION_CLOSED' }),
    );
    expect(() => assertRsvpOpen(session, new Date('2026-01-04T00:00:00Z'))).not.toThrow();
  });

  it('refuses registration for a cancelled session', () => {
    expect(() =>
      assertRsvpOpen({ ...session, status: 'cancelled' }, new Date('2026-01-01T00:00:00Z')),
    ).toThrow(expect.objectContaining({ code: 'SESSION_NOT_OPEN' }));
  });

  it('checks in invited members whatever their RSVP and reports a repeat', () => {
    expect(decideCheckIn(session, invited, started)).toBe('invited');
    expect(decideCheckIn(session, { ...invited, status: 'declined' }, started)).toBe('invited');
    expect(decideCheckIn(session, attended, started)).toBe('already');
  });

  it('admits uninvited members only as walk-ins where allowed', () => {
    expect(() => decideCheckIn(session, null, started)).toThrow(
      expect.objectContaining({ code: 'NOT_INVITED' }),
    );
    expect(decideCheckIn({ ...session, allowWalkIns: true }, null, started)).toBe('walk-in');
  });

  it('opens check-in an hour before the start, not earlier', () => {
    expect(() => assertCheckInOpen(session, new Date('2026-01-05T03:59:59Z'))).toThrow(
      expect.objectContaining({ code: 'CHECK_IN_NOT_OPEN' }),
    );
    expect(() => assertCheckInOpen(session, new Date('2026-01-05T04:00:00Z'))).not.toThrow();
    expect(() =>
      decideCheckIn({ ...session, allowWalkIns: true }, null, new Date('2025-12-26T05:00:00Z')),
    ).toThrow(expect.objectContaining({ code: 'CHECK_IN_NOT_OPEN' }));
  });

  it('completes only attendees, and enforces the pass score', () => {
    expect(() => decideCompletion(session, invited, null)).toThrow(
      expect.objectContaining({ code: 'NOT_ATTENDED' }),
    );
    expect(decideCompletion(session, attended, null)).toBe('complete');
    expect(() => decideCompletion({ ...session, passScore: 60 }, attended, 40)).toThrow(
      expect.objectContaining({ code: 'BELOW_PASS_SCORE' }),
    );
    expect(() => decideCompletion({ ...session, passScore: 60 }, attended, null)).toThrow(
      expect.objectContaining({ code: 'SCORE_REQUIRED' }),
    );
    expect(decideCompletion({ ...session, passScore: 60 }, attended, 75)).toBe('complete');
  });

  it('normalises a Devanagari comment to NFC and accepts it once', () => {
    const decomposed = 'क\u093c'; // क + nukta, composes to क़ (U+0958)
    const { comment } = validateFeedback(attended, 5, `  बहुत   अच्छा ${decomposed} `);
    expect(comment).toBe(`बहुत अच्छा ${decomposed.normalize('NFC')}`);
    expect(() => validateFeedback({ ...attended, feedbackAt: new Date() }, 4, null)).toThrow(
      expect.objectContaining({ code: 'FEEDBACK_ALREADY_GIVEN' }),
    );
  });

  it('refuses ratings outside 1-5 and feedback from absentees', () => {
    expect(() => validateFeedback(attended, 6, null)).toThrow(
      expect.objectContaining({ code: 'INVALID_RATING' }),
    );
    expect(() => validateFeedback(invited, 5, null)).toThrow(
      expect.objectContaining({ code: 'NOT_ATTENDED' }),
    );
  });
});
