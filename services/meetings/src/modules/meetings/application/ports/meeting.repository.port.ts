import type { MeetingKind } from '@sangathan/contracts';
import type { Page } from '@sangathan/kernel';
import type { OutboxEntry } from '@sangathan/messaging';
import type { Meeting } from '../../domain/meeting.entity';
import type { MeetingStatus } from '../../domain/meeting.types';

export type MeetingListFilter = {
  /** Mongo fragment limiting to the caller's scope (from `scopeFilter`). */
  scope: Record<string, unknown>;
  /** Subtree root: the area, its descendants and (vc-review) meetings linking into it. */
  areaId?: string;
  from?: Date;
  to?: Date;
  kinds?: MeetingKind[];
  statuses?: MeetingStatus[];
  organiserId?: string;
};

/** A compact row for lists and calendars. */
export type MeetingSummary = {
  id: string;
  kind: MeetingKind;
  title: string;
  areaId: string;
  organiserId: string;
  status: MeetingStatus;
  scheduledStart: string;
  scheduledEnd: string;
  day: string;
  namedCount: number;
  headcount: number;
  linkedAreaIds: string[];
};

/** Held meetings of organisers over days, for quota folds. */
export type HeldMeetingRow = { id: string; organiserId: string; day: string; kind: MeetingKind };

/** Persistence port for meetings: each write stores the meeting and its integration events together. */
export interface MeetingRepositoryPort {
  findById(id: string): Promise<Meeting | null>;
  /** The stored version only (a meeting with many photos is a large document to map). */
  versionOf(id: string): Promise<number | null>;
  /** Inserts a new meeting together with its events (one write). */
  insert(meeting: Meeting, events: OutboxEntry[]): Promise<void>;
  /** Saves if nobody changed the meeting since `meeting.version` was read; false on a concurrent change. */
  save(meeting: Meeting, events: OutboxEntry[]): Promise<boolean>;
  list(
    filter: MeetingListFilter,
    page: { cursor?: string; limit: number; order: 'asc' | 'desc' },
  ): Promise<Page<MeetingSummary>>;
  heldBy(organiserIds: string[], fromDay: string, toDay: string): Promise<HeldMeetingRow[]>;
}

export const MEETING_REPOSITORY = Symbol('MeetingRepositoryPort');
