import { z } from 'zod';
import { defineEvent } from '../envelope/event-definition';
import { meetingKindSchema, photoFlagReasonSchema, photoVerdictSchema } from './meeting-kind';
import { MEETINGS_PHOTO_TOPIC } from './meetings.topics';

const id = z.string().min(1);
const instant = z.iso.datetime({ offset: true });

const photoRef = {
  /** Id of the photo (UUIDv7). */
  photoId: id,
  /** Meeting it is evidence of; also the Kafka key. */
  meetingId: id,
  kind: meetingKindSchema,
  /** Area of the meeting and its ancestors, root first. */
  areaId: id,
  ancestors: z.array(id),
  /** Organiser of the meeting (whose quota the photo counts for). */
  organiserId: id,
  /** Planned start of the meeting (the day a quota counts it for). */
  meetingStart: instant,
};

export const PhotoSubmittedV1 = defineEvent({
  type: 'meetings.photo.submitted',
  version: 1,
  topic: MEETINGS_PHOTO_TOPIC.name,
  description:
    'A photograph of a meeting was uploaded and stored; its automatic verdict follows as verified or flagged.',
  payload: z.object({
    ...photoRef,
    /** Member who uploaded it. */
    uploadedBy: id,
    /** image/jpeg, image/png or image/heic. */
    contentType: z.string().min(1),
    sizeBytes: z.number().int().positive(),
    /** SHA-256 of the bytes, hex. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    /** EXIF DateTimeOriginal as read (interpreted in IST when it has no offset), or null. */
    takenAt: instant.nullable(),
    /** True if the photo carried GPS coordinates. */
    hasGps: z.boolean(),
    /** Automatic verdict. */
    verdict: photoVerdictSchema,
    /** True only when verdict is verified and it is not a duplicate. */
    verified: z.boolean(),
    submittedAt: instant,
  }),
});

export const PhotoVerifiedV1 = defineEvent({
  type: 'meetings.photo.verified',
  version: 1,
  topic: MEETINGS_PHOTO_TOPIC.name,
  description:
    'A photo counts as evidence that its meeting took place (EXIF agrees, or a reviewer confirmed it).',
  payload: z.object({
    ...photoRef,
    /** Always true; lets consumers treat verified/flagged uniformly. */
    verified: z.literal(true),
    /** `exif`: time (and place when known) agreed automatically; `reviewer`: confirmed by a person. */
    method: z.enum(['exif', 'reviewer']),
    /** When the photo was taken, if known. */
    takenAt: instant.nullable(),
    verifiedAt: instant,
  }),
});

export const PhotoFlaggedV1 = defineEvent({
  type: 'meetings.photo.flagged',
  version: 1,
  topic: MEETINGS_PHOTO_TOPIC.name,
  description:
    'A photo does not count as evidence: its time or place disagrees, it has no metadata, it was reused from another meeting, or a reviewer rejected it.',
  payload: z.object({
    ...photoRef,
    /** Always false. */
    verified: z.literal(false),
    /** Automatic verdict (a reviewer rejection keeps the automatic verdict). */
    verdict: photoVerdictSchema,
    /** Every reason that applies. */
    reasons: z.array(photoFlagReasonSchema).min(1),
    /** For duplicates: other meetings the same bytes were submitted for. */
    duplicateOfMeetingIds: z.array(id),
    /** When the photo was taken, if known. */
    takenAt: instant.nullable(),
    flaggedAt: instant,
  }),
});

export const PHOTO_EVENTS = [PhotoSubmittedV1, PhotoVerifiedV1, PhotoFlaggedV1];
