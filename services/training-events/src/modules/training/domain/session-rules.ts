import { ConflictError } from '@sangathan/kernel';
import type { SessionFacts } from './participant.entity';

/** Time rules of a session, in one place, that docs/training.md describes. */
export const SESSION_TIME_RULES = {
  /** Check-in opens this long before the start: people arrive early. */
  checkInOpensBeforeMs: 60 * 60_000,
  /** A session may be recorded held from this long before its start: clock skew, a start a little early. */
  heldEarlyToleranceMs: 15 * 60_000,
} as const;

/**
 * A session is recorded held only once it has started (within the tolerance): a "held" session in
 * the future would be counted as activity that has not happened, which analytics refuses.
 */
export function assertHoldable(session: SessionFacts, now: Date): void {
  if (session.status !== 'scheduled') {
    throw new ConflictError('SESSION_NOT_OPEN', `the session is already ${session.status}`, [
      { field: 'sessionId', message: session.status },
    ]);
  }
  if (now.getTime() < session.startsAt.getTime() - SESSION_TIME_RULES.heldEarlyToleranceMs) {
    throw new ConflictError(
      'SESSION_NOT_STARTED',
      `the session starts at ${session.startsAt.toISOString()}; it can be recorded held once it has started`,
      [{ field: 'sessionId', message: 'not started yet' }],
    );
  }
}
