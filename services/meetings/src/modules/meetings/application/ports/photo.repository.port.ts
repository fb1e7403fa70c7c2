import type { MeetingKind, PhotoFlagReason, PhotoVerdict } from '@sangathan/contracts';
import type { OutboxEntry } from '@sangathan/messaging';

export type PhotoReview = { decision: 'verify' | 'reject'; by: string; at: Date; note: string | null };

/** A meeting photo's record; its bytes are in PhotoBlobStoragePort under the same id. */
export type PhotoRecord = {
  _id: string;
  meetingId: string;
  kind: MeetingKind;
  areaId: string;
  ancestors: string[];
  organiserId: string;
  meetingStart: Date;
  filename: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  takenAt: Date | null;
  gps: { lat: number; lon: number } | null;
  /** Area whose geo the GPS was checked against (the meeting's or an ancestor's), or null. */
  geoAreaId: string | null;
  verdict: PhotoVerdict;
  reasons: PhotoFlagReason[];
  duplicateOfMeetingIds: string[];
  /** Counts as evidence: automatic verdict verified and not a duplicate, or confirmed by a reviewer. */
  verified: boolean;
  review: PhotoReview | null;
  uploadedBy: string;
  uploadedAt: Date;
  version: number;
};

/** Persistence port for photo records: each write stores the record and its integration events together. */
export interface PhotoRepositoryPort {
  /** Inserts a new photo record with its events; the same bytes twice for one meeting is a 409. */
  insert(record: PhotoRecord, events: readonly OutboxEntry[]): Promise<void>;
  findById(id: string): Promise<PhotoRecord | null>;
  /** Photo records by id (a meeting lists its photos' ids), in upload order; ids without a record are skipped. */
  findByIds(ids: readonly string[]): Promise<PhotoRecord[]>;
  /** Which of these hashes the meeting already has a photo with. */
  hashesAmong(meetingId: string, sha256s: readonly string[]): Promise<Set<string>>;
  /** Meetings other than `meetingId` that already have a photo with these bytes. */
  meetingsWithHash(sha256: string, exceptMeetingId: string): Promise<string[]>;
  /** How many of these photos exist and how many count as evidence. */
  countsOf(ids: readonly string[]): Promise<{ photoCount: number; verifiedPhotoCount: number }>;
  /** Ids among `ids` that have a photo record. */
  existing(ids: readonly string[]): Promise<Set<string>>;
  /** Photos and verified photos per meeting. */
  statsByMeetings(meetingIds: string[]): Promise<Map<string, { photos: number; verified: number }>>;
  /** Applies a reviewer's decision if nobody changed the photo since `version`; false otherwise. */
  saveReview(
    id: string,
    version: number,
    review: PhotoReview,
    verified: boolean,
    reasons: string[],
    events: readonly OutboxEntry[],
  ): Promise<boolean>;
  /** Saves a new automatic verdict (the meeting's window moved) if nobody changed the photo since `version`. */
  saveVerdict(
    id: string,
    version: number,
    judged: Pick<PhotoRecord, 'verdict' | 'reasons' | 'verified' | 'geoAreaId'>,
    events: readonly OutboxEntry[],
  ): Promise<boolean>;
}

export const PHOTO_REPOSITORY = Symbol('PhotoRepositoryPort');
