import type { OutboxEntry } from '@sangathan/messaging';
import type { RsvpStatus } from '../../domain/participant.entity';
import type { ParticipantState } from '../../domain/training-state';
import type { PageRequest } from './page-request';

/** The state a participant change was decided on: the write applies only if it still holds. */
export type ParticipantGuard = {
  status?: RsvpStatus;
  attended?: boolean;
  completed?: boolean;
  feedbackGiven?: boolean;
};

export type ParticipantChange = Partial<
  Pick<
    ParticipantState,
    | 'status'
    | 'registeredAt'
    | 'waitlistedAt'
    | 'declinedAt'
    | 'attendedAt'
    | 'checkInMethod'
    | 'completedAt'
    | 'score'
    | 'rating'
    | 'comment'
    | 'feedbackAt'
  >
>;

/** Participant counts of one session (what a held session's turnout freezes). */
export type Turnout = {
  invitedCount: number;
  registeredCount: number;
  attendedCount: number;
  walkInCount: number;
  completedCount: number;
};

/** Per-session participant counts for reports. */
export type SessionCounts = {
  invited: number;
  registered: number;
  waitlisted: number;
  declined: number;
  attended: number;
  walkIns: number;
  completed: number;
};

/**
 * Participants and their events. A participant's `invited` event may travel on an invitation batch: the
 * repository keeps one participant's events in order anyway (its first own event is preceded by the
 * invited one while the batch has not been published).
 */
export interface ParticipantRepositoryPort {
  find(sessionId: string, memberId: string): Promise<ParticipantState | null>;
  /** Applies `change` with `events` if `guard` still holds; null otherwise (nothing written). */
  save(
    participant: Pick<ParticipantState, '_id' | 'invitationBatchId'>,
    guard: ParticipantGuard,
    change: ParticipantChange,
    events: readonly OutboxEntry[],
  ): Promise<ParticipantState | null>;
  /**
   * The same without reading the participant first: null when it does not exist, the guard fails, or its
   * invitation may still be unpublished (then read it and use `save`).
   */
  saveIfInvitationPublished(
    participantId: string,
    sessionId: string,
    guard: ParticipantGuard,
    change: ParticipantChange,
    events: readonly OutboxEntry[],
  ): Promise<ParticipantState | null>;
  /** A new participant with its first events; false if it exists already (nothing written). */
  insert(participant: ParticipantState, events: readonly OutboxEntry[]): Promise<boolean>;
  /** Invitees whose events travel on a batch (their own outbox starts empty); answers the ids that existed. */
  insertInvited(participants: readonly ParticipantState[]): Promise<string[]>;
  /** Which of these participants point to the invitation batch. */
  pointingToBatch(batchId: string, participantIds: readonly string[]): Promise<Set<string>>;
  /** The longest-waiting member on the session's waitlist. */
  firstOnWaitlist(sessionId: string): Promise<ParticipantState | null>;
  turnout(sessionId: string): Promise<Turnout>;
  countsBySession(sessionIds: readonly string[]): Promise<Map<string, SessionCounts>>;
  pageOfSession(
    sessionId: string,
    filter: { status?: RsvpStatus; attended?: boolean },
    page: PageRequest,
  ): Promise<ParticipantState[]>;
  /** Invited to one of these sessions and never checked in. */
  pageOfNoShows(sessionIds: readonly string[], page: PageRequest): Promise<ParticipantState[]>;
}

export const PARTICIPANT_REPOSITORY = Symbol('ParticipantRepositoryPort');
