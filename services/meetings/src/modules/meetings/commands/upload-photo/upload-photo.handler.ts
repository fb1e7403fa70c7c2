import { Inject, Injectable } from '@nestjs/common';
import { assertCan, type Principal } from '@sangathan/auth';
import type { PhotoFlagReason } from '@sangathan/contracts';
import { ConflictError, NotFoundError, uuidv7 } from '@sangathan/kernel';
import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import {
  AREA_DIRECTORY,
  type AreaDirectoryPort,
} from '../../../org-directory/application/ports/area-directory.port';
import { verifyPhoto } from '../../domain/photo-verification';
import { readPhotoMetadata } from '../../application/exif-reader';
import {
  MEETING_REPOSITORY,
  type MeetingRepositoryPort,
} from '../../application/ports/meeting.repository.port';
import {
  PHOTO_BLOB_STORAGE,
  type PhotoBlobStoragePort,
} from '../../application/ports/photo-blob-storage.port';
import { toPhotoView, type PhotoView } from '../../application/photo-view';
import {
  PHOTO_REPOSITORY,
  type PhotoRecord,
  type PhotoRepositoryPort,
} from '../../application/ports/photo.repository.port';
import type { Meeting } from '../../domain/meeting.entity';
import { MeetingWriter } from '../../application/meeting-writer';
import { PhotoReverifier } from '../../application/photo-reverifier';
import { uploadEvents } from '../../application/photo.integration-events';
import { receiveBlobs } from './blob-intake';
import { photoLimits } from './photo-limits';

export type UploadPhotoCommand = {
  meetingId: string;
  request: Readable & { headers: IncomingHttpHeaders };
  principal: Principal;
  correlationId: string;
};

/**
 * Stores meeting photos and judges them. Order matters for "nothing half-written": the meeting
 * and scope are checked before a byte is stored; every file is streamed to blob storage and
 * checked (type, size); only when all are in are they attached to the meeting (its `photoIds`, a
 * version-guarded write) and does each photo get its record (one insert carrying its events). Any
 * refusal before the records removes the blobs already written.
 */
@Injectable()
export class UploadPhotoHandler {
  constructor(
    @Inject(MEETING_REPOSITORY) private readonly meetings: MeetingRepositoryPort,
    @Inject(AREA_DIRECTORY) private readonly areas: AreaDirectoryPort,
    @Inject(PHOTO_BLOB_STORAGE) private readonly blobs: PhotoBlobStoragePort,
    @Inject(PHOTO_REPOSITORY) private readonly photos: PhotoRepositoryPort,
    private readonly writer: MeetingWriter,
    private readonly reverifier: PhotoReverifier,
  ) {}

  async execute(command: UploadPhotoCommand): Promise<{ photos: PhotoView[] }> {
    const meeting = await this.meetings.findById(command.meetingId);
    if (!meeting) throw new NotFoundError('meeting', command.meetingId);
    assertCan(command.principal, 'meetings:write', { areaId: meeting.areaId, ancestors: meeting.ancestors });
    if (meeting.status === 'cancelled')
      throw new ConflictError('MEETING_CANCELLED', 'a cancelled meeting takes no photos', [
        { message: 'cancelled' },
      ]);

    const blobs = await receiveBlobs(command.request, this.blobs, {
      ...photoLimits(),
      newId: () => uuidv7(),
      metadata: { meetingId: meeting.id, uploadedBy: command.principal.sub },
    });
    const removeFrom = (i: number) => Promise.all(blobs.slice(i).map((b) => this.blobs.delete(b.id)));

    const ctx = { actorId: command.principal.sub, correlationId: command.correlationId };
    let attached: Meeting;
    try {
      const existing = await this.photos.hashesAmong(
        meeting.id,
        blobs.map((b) => b.sha256),
      );
      const seen = new Set<string>();
      for (const blob of blobs) {
        if (existing.has(blob.sha256) || seen.has(blob.sha256)) {
          throw new ConflictError('DUPLICATE_PHOTO', `${blob.filename} is already attached to this meeting`, [
            { field: 'photo', message: 'same content already attached' },
          ]);
        }
        seen.add(blob.sha256);
      }
      // Attached before they are recorded: a held or rescheduled write from now on finds them by id.
      ({ meeting: attached } = await this.writer.mutate(
        meeting.id,
        { principal: command.principal, correlationId: command.correlationId },
        (m) => m.attachPhotos(blobs.map((b) => b.id)),
      ));
    } catch (error) {
      await removeFrom(0);
      throw error;
    }

    const m = attached.snapshot();
    const area = await this.areas.findById(m.areaId);
    const place = area ? await this.areas.geoFor(area) : null;
    const window = { start: m.heldStart ?? m.scheduledStart, end: m.heldEnd ?? m.scheduledEnd };
    const views: PhotoView[] = [];
    for (let i = 0; i < blobs.length; i++) {
      const blob = blobs[i];
      const metadata = await readPhotoMetadata(blob.head);
      const check = verifyPhoto(metadata, window, place?.geo ?? null);
      const duplicateOf = await this.photos.meetingsWithHash(blob.sha256, meeting.id);
      const reasons: PhotoFlagReason[] = [
        ...check.reasons,
        ...(duplicateOf.length ? (['duplicate'] as const) : []),
      ];
      const now = new Date();
      const record: PhotoRecord = {
        _id: blob.id,
        meetingId: meeting.id,
        kind: m.kind,
        areaId: m.areaId,
        ancestors: m.ancestors,
        organiserId: m.organiserId,
        meetingStart: m.scheduledStart,
        filename: blob.filename,
        contentType: blob.contentType,
        sizeBytes: blob.sizeBytes,
        sha256: blob.sha256,
        takenAt: metadata.takenAt,
        gps: metadata.gps,
        geoAreaId: check.placeChecked ? (place?.fromAreaId ?? null) : null,
        verdict: check.verdict,
        reasons,
        duplicateOfMeetingIds: duplicateOf,
        verified: check.verdict === 'verified' && duplicateOf.length === 0,
        review: null,
        uploadedBy: command.principal.sub,
        uploadedAt: now,
        version: 0,
      };
      try {
        await this.photos.insert(record, uploadEvents(record, ctx));
      } catch (error) {
        await removeFrom(i);
        if (views.length) await this.blobs.settle(views.map((v) => v.id));
        throw error;
      }
      views.push(toPhotoView(record));
    }
    // The photos were judged against the window of the meeting as attached; a write since (recorded
    // held, rescheduled) that did not find their records yet moved it: judge them again.
    if ((await this.meetings.versionOf(meeting.id)) !== attached.version + 1) {
      const latest = await this.meetings.findById(meeting.id);
      if (latest) await this.reverifier.recheck(latest, ctx);
    }
    // A crash before this leaves the uploads unsettled; the orphan sweep then finds their records and settles them.
    await this.blobs.settle(views.map((v) => v.id));
    return { photos: views };
  }
}
