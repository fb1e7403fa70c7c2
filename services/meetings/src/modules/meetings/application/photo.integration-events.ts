import {
  createEvent,
  PhotoFlaggedV1,
  PhotoSubmittedV1,
  PhotoVerifiedV1,
  type EventDefinition,
  type PhotoFlagReason,
  type PhotoVerdict,
} from '@sangathan/contracts';
import { toOutboxEntry, type OutboxEntry } from '@sangathan/messaging';
import { MEETINGS_SERVICE, type RequestContext } from './meeting.integration-events';
import type { PhotoRecord } from './ports/photo.repository.port';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

function entry<P>(
  photo: PhotoRecord,
  definition: EventDefinition<P>,
  payload: P,
  ctx: RequestContext,
  at: Date,
): OutboxEntry {
  const envelope = createEvent(definition, payload, {
    producer: MEETINGS_SERVICE,
    areaId: photo.areaId,
    areaPath: photo.ancestors,
    occurredAt: at,
    ...ctx,
  });
  return toOutboxEntry(envelope, definition.topic, photo.meetingId);
}

const refOf = (p: PhotoRecord) => ({
  photoId: p._id,
  meetingId: p.meetingId,
  kind: p.kind,
  areaId: p.areaId,
  ancestors: p.ancestors,
  organiserId: p.organiserId,
  meetingStart: new Date(p.meetingStart).toISOString(),
});

/** Events for a newly stored photo: submitted, then verified or flagged. */
export function uploadEvents(photo: PhotoRecord, ctx: RequestContext): OutboxEntry[] {
  const at = new Date(photo.uploadedAt);
  const events = [
    entry(
      photo,
      PhotoSubmittedV1,
      {
        ...refOf(photo),
        uploadedBy: photo.uploadedBy,
        contentType: photo.contentType,
        sizeBytes: photo.sizeBytes,
        sha256: photo.sha256,
        takenAt: iso(photo.takenAt),
        hasGps: !!photo.gps,
        verdict: photo.verdict,
        verified: photo.verified,
        submittedAt: at.toISOString(),
      },
      ctx,
      at,
    ),
  ];
  events.push(
    photo.verified
      ? verifiedEvent(photo, 'exif', ctx, at)
      : flaggedEvent(photo, photo.verdict, photo.reasons, ctx, at),
  );
  return events;
}

export function verifiedEvent(
  photo: PhotoRecord,
  method: 'exif' | 'reviewer',
  ctx: RequestContext,
  at: Date,
): OutboxEntry {
  return entry(
    photo,
    PhotoVerifiedV1,
    {
      ...refOf(photo),
      verified: true as const,
      method,
      takenAt: iso(photo.takenAt),
      verifiedAt: at.toISOString(),
    },
    ctx,
    at,
  );
}

export function flaggedEvent(
  photo: PhotoRecord,
  verdict: PhotoVerdict,
  reasons: PhotoFlagReason[],
  ctx: RequestContext,
  at: Date,
): OutboxEntry {
  return entry(
    photo,
    PhotoFlaggedV1,
    {
      ...refOf(photo),
      verified: false as const,
      verdict,
      reasons,
      duplicateOfMeetingIds: photo.duplicateOfMeetingIds,
      takenAt: iso(photo.takenAt),
      flaggedAt: at.toISOString(),
    },
    ctx,
    at,
  );
}
