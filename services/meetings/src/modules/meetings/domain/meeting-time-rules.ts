import { ValidationError } from '@sangathan/kernel';
import type { QrPass } from './meeting.types';

/** The time rules, in one place, that the docs describe. */
export const MEETING_RULES = {
  /** Named attendees may be added for this long after the meeting ended; then attendance locks. */
  lateAdditionMs: 48 * 3600_000,
  /** A meeting may be scheduled at most this long (cadre camps last days). */
  maxDurationMs: 7 * 24 * 3600_000,
  /** …and at most this far back (daily meetings are often put in after the fact) or ahead. */
  maxBackdateMs: 7 * 24 * 3600_000,
  maxAheadMs: 366 * 24 * 3600_000,
  /** Clock skew allowed when a caller says a meeting started "now". */
  clockSkewMs: 15 * 60_000,
  /** QR check-in opens this long before the scheduled start and closes this long after the end. */
  qrOpensBeforeMs: 60 * 60_000,
  qrClosesAfterMs: 6 * 3600_000,
  maxAttendees: 20_000,
} as const;

/** A window is two valid instants, the end after the start, at most `maxDurationMs` apart. */
export function checkWindow(start: Date, end: Date, endField: string): void {
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) {
    throw new ValidationError('INVALID_TIME', 'times must be ISO-8601 instants', [
      { field: endField, message: 'invalid date' },
    ]);
  }
  if (end <= start)
    throw new ValidationError('END_BEFORE_START', 'a meeting must end after it starts', [
      { field: endField, message: 'must be after the start' },
    ]);
  if (end.getTime() - start.getTime() > MEETING_RULES.maxDurationMs) {
    throw new ValidationError('TOO_LONG', 'a meeting lasts at most 7 days', [
      { field: endField, message: 'longer than 7 days' },
    ]);
  }
}

/** A planned start at most a year ahead and, for a new meeting (`backdating`), at most 7 days back. */
export function checkPlannedStart(start: Date, now: Date, { backdating }: { backdating: boolean }): void {
  if (backdating && start.getTime() < now.getTime() - MEETING_RULES.maxBackdateMs) {
    throw new ValidationError(
      'START_TOO_FAR_BACK',
      'a meeting can be put in at most 7 days after it was due',
      [{ field: 'scheduledStart', message: 'more than 7 days ago' }],
    );
  }
  if (start.getTime() > now.getTime() + MEETING_RULES.maxAheadMs) {
    throw new ValidationError('START_TOO_FAR_AHEAD', 'a meeting can be scheduled at most a year ahead', [
      { field: 'scheduledStart', message: 'more than a year ahead' },
    ]);
  }
}

/** Held times: a valid window that started by now (give or take the clock skew) and ended at most 48 h ago. */
export function checkHeldWindow(start: Date, end: Date, now: Date): void {
  checkWindow(start, end, 'end');
  if (start.getTime() > now.getTime() + MEETING_RULES.clockSkewMs) {
    throw new ValidationError('HELD_IN_FUTURE', 'a meeting cannot be recorded held before it started', [
      { field: 'start', message: 'in the future' },
    ]);
  }
  if (now.getTime() > end.getTime() + MEETING_RULES.lateAdditionMs) {
    throw new ValidationError('HELD_TOO_LATE', 'a meeting must be recorded held within 48 hours of its end', [
      { field: 'end', message: 'more than 48 hours ago' },
    ]);
  }
}

/** When attendance of a meeting that ended at `heldEnd` locks. */
export const attendanceLockFor = (heldEnd: Date): Date =>
  new Date(heldEnd.getTime() + MEETING_RULES.lateAdditionMs);

/** Check-in is open from an hour before the planned start. */
export const checkInOpen = (scheduledStart: Date, now: Date): boolean =>
  now.getTime() >= scheduledStart.getTime() - MEETING_RULES.qrOpensBeforeMs;

/** The QR pass for a planned window: from an hour before its start to six hours after its end. */
export function qrPassFor(tokenHash: string, start: Date, end: Date): QrPass {
  return {
    tokenHash,
    validFrom: new Date(start.getTime() - MEETING_RULES.qrOpensBeforeMs),
    validUntil: new Date(end.getTime() + MEETING_RULES.qrClosesAfterMs),
  };
}
