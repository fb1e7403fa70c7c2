import { ConflictError, ValidationError } from '@sangathan/kernel';
import { SESSION_TIME_RULES } from './session-rules';
import { cleanText } from './training-text';

/**
 * Where a member stands with a session's invitation (attendance is tracked apart from it).
 * `walk-in`: checked in without an invitation.
 */
export type RsvpStatus = 'invited' | 'registered' | 'waitlisted' | 'declined' | 'walk-in';

export type SessionStatus = 'scheduled' | 'cancelled' | 'held';

/** What participant rules need to know about the session. */
export type SessionFacts = {
  status: SessionStatus;
  startsAt: Date;
  allowWalkIns: boolean;
  passScore: number | null;
};

export type ParticipantFacts = {
  status: RsvpStatus;
  walkIn: boolean;
  attendedAt: Date | null;
  completedAt: Date | null;
  feedbackAt: Date | null;
};

export const participantIdOf = (sessionId: string, memberId: string): string => `${sessionId}~${memberId}`;

/** Registration and declining are open while the session is scheduled and has not started. */
export function assertRsvpOpen(session: SessionFacts, now: Date): void {
  if (session.status !== 'scheduled') {
    throw new ConflictError('SESSION_NOT_OPEN', `the session is ${session.status}; registration is closed`, [
      { field: 'sessionId', message: session.status },
    ]);
  }
  if (now.getTime() >= session.startsAt.getTime()) {
    throw new ConflictError(
      'REGISTRATION_CLOSED',
      `registration closed when the session started at ${session.startsAt.toISOString()}`,
      [{ field: 'sessionId', message: 'already started' }],
    );
  }
}

/**
 * Check-in: an invited member (whatever their RSVP) is an attendee; someone without an invitation
 * is a walk-in, allowed only where the session permits it.
 */
export function decideCheckIn(
  session: SessionFacts,
  participant: ParticipantFacts | null,
  now: Date,
): 'invited' | 'walk-in' | 'already' {
  assertCheckInOpen(session, now);
  if (participant?.attendedAt) return 'already';
  if (participant) return 'invited';
  if (!session.allowWalkIns) {
    throw new ConflictError(
      'NOT_INVITED',
      'this member was not invited and the session does not admit walk-ins',
      [{ field: 'memberId', message: 'not invited; walk-ins not allowed' }],
    );
  }
  return 'walk-in';
}

/**
 * Check-in is open from shortly before the start while the session is scheduled (it stops once the
 * session is held or cancelled): an attendance dated days ahead of the session is not attendance.
 */
export function assertCheckInOpen(session: SessionFacts, now: Date): void {
  if (session.status !== 'scheduled') {
    throw new ConflictError('SESSION_NOT_OPEN', `the session is ${session.status}; check-in is closed`, [
      { field: 'sessionId', message: session.status },
    ]);
  }
  const opensAt = session.startsAt.getTime() - SESSION_TIME_RULES.checkInOpensBeforeMs;
  if (now.getTime() < opensAt) {
    throw new ConflictError(
      'CHECK_IN_NOT_OPEN',
      `check-in opens at ${new Date(opensAt).toISOString()}, an hour before the session starts`,
      [{ field: 'sessionId', message: 'too early' }],
    );
  }
}

/** Completion needs attendance and, where the programme has an assessment, a passing score. */
export function decideCompletion(
  session: SessionFacts,
  participant: ParticipantFacts | null,
  score: number | null,
): 'complete' | 'already' {
  if (!participant?.attendedAt) {
    throw new ConflictError('NOT_ATTENDED', 'only members who checked in can complete the training', [
      { field: 'memberId', message: 'no attendance' },
    ]);
  }
  if (participant.completedAt) return 'already';
  if (session.status === 'cancelled') {
    throw new ConflictError('SESSION_NOT_OPEN', 'the session was cancelled', [
      { field: 'sessionId', message: 'cancelled' },
    ]);
  }
  if (score !== null && (score < 0 || score > 100 || Number.isNaN(score))) {
    throw new ValidationError('INVALID_SCORE', 'score must be 0-100', [{ field: 'score', message: '0-100' }]);
  }
  if (session.passScore !== null) {
    if (score === null)
      throw new ValidationError('SCORE_REQUIRED', 'this programme has an assessment: give the score', [
        { field: 'score', message: 'required' },
      ]);
    if (score < session.passScore) {
      throw new ValidationError(
        'BELOW_PASS_SCORE',
        `score ${score} is below the pass score ${session.passScore}`,
        [{ field: 'score', message: `needs ${session.passScore}` }],
      );
    }
  }
  return 'complete';
}

/** A rating 1-5 and an optional comment (NFC, Devanagari welcome); only from attendees, once. */
export function validateFeedback(
  participant: ParticipantFacts | null,
  rating: number,
  comment: string | null,
): { rating: number; comment: string | null } {
  if (!participant?.attendedAt) {
    throw new ConflictError('NOT_ATTENDED', 'only members who attended can give feedback', [
      { field: 'memberId', message: 'no attendance' },
    ]);
  }
  if (participant.feedbackAt) {
    throw new ConflictError('FEEDBACK_ALREADY_GIVEN', 'feedback for this session was already given', [
      { field: 'memberId', message: 'already given' },
    ]);
  }
  if (!Number.isInteger(rating) || rating < 1 || rating > 5) {
    throw new ValidationError('INVALID_RATING', 'rating must be a whole number 1-5', [
      { field: 'rating', message: '1-5' },
    ]);
  }
  return { rating, comment: cleanText(comment, 'comment', 2000) };
}
