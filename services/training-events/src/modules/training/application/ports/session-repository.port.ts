import type { OutboxEntry } from '@sangathan/messaging';
import type { SessionStatus } from '../../domain/participant.entity';
import type { SessionState } from '../../domain/training-state';
import type { PageRequest } from './page-request';

/** The state a session change was decided on: the write applies only if the session still is in it. */
export type SessionGuard = { status: SessionStatus; startsAt?: Date };

export type SessionChange = Partial<
  Pick<
    SessionState,
    'status' | 'startsAt' | 'endsAt' | 'venue' | 'heldAt' | 'turnout' | 'cancelledAt' | 'cancelReason'
  >
>;

/** New session with its `session.scheduled` event. */
export type NewSession = { session: SessionState; events: readonly OutboxEntry[] };

/**
 * Sessions, their seats and their invitation progress. Seats are held in the session document: claiming
 * one is a single conditional update (session open, member not seated, count below capacity), so two
 * registrations can never take the last seat twice, and a retry after a crash finds the seat it holds.
 */
export interface SessionRepositoryPort {
  findById(id: string): Promise<SessionState | null>;
  idsOfProgramme(programmeId: string): Promise<string[]>;
  /** Inserts the sessions, each with its events; one that exists already is left as it is (events included). */
  insertNew(sessions: readonly NewSession[]): Promise<void>;
  /** Applies `change` with `events` if the session is still as `guard` says; null otherwise. */
  save(
    id: string,
    guard: SessionGuard,
    change: SessionChange,
    events: readonly OutboxEntry[],
  ): Promise<SessionState | null>;
  /** Sessions of the programme whose invitations are not all written, in id order. */
  awaitingInvitations(programmeId: string): Promise<SessionState[]>;
  /** True if this call marked them done (false: already done). */
  markInvitationsDone(id: string): Promise<boolean>;
  addInvited(id: string, count: number): Promise<void>;
  /** True if the member holds a seat now (claimed now or before); false if the session is full or closed. */
  claimSeat(sessionId: string, memberId: string, capacity: number | null): Promise<boolean>;
  /** Frees the member's seat; true if they held one. */
  releaseSeat(sessionId: string, memberId: string): Promise<boolean>;
  /** Scheduled sessions of these programmes at these areas, starting after `now`, whose invitations are written. */
  upcomingInvitedAt(
    programmeIds: readonly string[],
    areaIds: readonly string[],
    now: Date,
  ): Promise<SessionState[]>;
  /** Sessions of a programme, all of them or only those in `subtreeOf`'s subtree, in id order. */
  pageOfProgramme(programmeId: string, subtreeOf: string | null, page: PageRequest): Promise<SessionState[]>;
  allOfProgramme(programmeId: string, subtreeOf: string | null): Promise<SessionState[]>;
}

export const SESSION_REPOSITORY = Symbol('SessionRepositoryPort');
