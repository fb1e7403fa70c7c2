import { Inject, Injectable } from '@nestjs/common';
import type { PhotoFlagReason } from '@sangathan/contracts';
import {
  AREA_DIRECTORY,
  type AreaDirectoryPort,
} from '../../org-directory/application/ports/area-directory.port';
import type { Meeting } from '../domain/meeting.entity';
import { verifyPhoto, type MeetingWindow, type PlaceCheck } from '../domain/photo-verification';
import type { PhotoCounts, RequestContext } from './meeting.integration-events';
import { flaggedEvent, verifiedEvent } from './photo.integration-events';
import { PHOTO_REPOSITORY, type PhotoRecord, type PhotoRepositoryPort } from './ports/photo.repository.port';

/** A photo whose verdict changes under the meeting's new window. */
type Rejudged = { before: PhotoRecord; after: PhotoRecord };

/**
 * The meeting's photos judged again against its current window: what changes, and the counts after.
 * `pending`: some attached photos have no record yet (an upload is between attaching and recording them).
 */
export type Rejudgement = {
  window: MeetingWindow;
  place: PlaceCheck;
  geoAreaId: string | null;
  changed: Rejudged[];
  counts: PhotoCounts;
  pending: boolean;
};

/**
 * A photo's automatic verdict depends on the meeting's window (held times once recorded, else the
 * planned ones). When the window moves (recorded held, rescheduled), every photo already attached
 * is judged again from its stored EXIF time and GPS; those whose verdict, reasons or evidence value
 * change are saved with a `meetings.photo.verified` / `meetings.photo.flagged` event. A reviewer's
 * decision keeps deciding whether a photo counts.
 */
@Injectable()
export class PhotoReverifier {
  constructor(
    @Inject(PHOTO_REPOSITORY) private readonly photos: PhotoRepositoryPort,
    @Inject(AREA_DIRECTORY) private readonly areas: AreaDirectoryPort,
  ) {}

  /** Judges the meeting's photos against its current window; writes nothing. */
  async plan(meeting: Meeting): Promise<Rejudgement> {
    const m = meeting.snapshot();
    const window = { start: m.heldStart ?? m.scheduledStart, end: m.heldEnd ?? m.scheduledEnd };
    const current = await this.photos.findByIds(m.photoIds);
    let place: PlaceCheck = null;
    let geoAreaId: string | null = null;
    if (current.some((p) => p.gps)) {
      const area = await this.areas.findById(m.areaId);
      const found = area ? await this.areas.geoFor(area) : null;
      place = found?.geo ?? null;
      geoAreaId = found?.fromAreaId ?? null;
    }
    const changed: Rejudged[] = [];
    const after = current.map((photo) => {
      const next = rejudge(photo, window, place, geoAreaId);
      if (next) changed.push({ before: photo, after: next });
      return next ?? photo;
    });
    return {
      window,
      place,
      geoAreaId,
      changed,
      counts: { photoCount: after.length, verifiedPhotoCount: after.filter((p) => p.verified).length },
      pending: current.length < m.photoIds.length,
    };
  }

  /** Judges the meeting's photos against its current window and saves what changes. */
  async recheck(meeting: Meeting, ctx: RequestContext): Promise<number> {
    const plan = await this.plan(meeting);
    return plan.changed.length ? this.apply(plan, ctx) : 0;
  }

  /**
   * Saves the changed verdicts, each with its event, conditioned on the photo's version; a photo
   * changed meanwhile (a review) is re-read and judged again.
   */
  async apply(plan: Rejudgement, ctx: RequestContext): Promise<number> {
    let saved = 0;
    for (const { before } of plan.changed) {
      let photo: PhotoRecord | null = before;
      for (let attempt = 0; photo && attempt < 5; attempt++) {
        const next = rejudge(photo, plan.window, plan.place, plan.geoAreaId);
        if (!next) break;
        const now = new Date();
        const event = next.verified
          ? verifiedEvent(next, next.review ? 'reviewer' : 'exif', ctx, now)
          : flaggedEvent(next, next.verdict, next.reasons, ctx, now);
        if (await this.photos.saveVerdict(photo._id, photo.version, next, [event])) {
          saved++;
          break;
        }
        photo = await this.photos.findById(photo._id);
      }
    }
    return saved;
  }
}

/** The photo judged against `window`, or null when nothing about it changes. */
export function rejudge(
  photo: PhotoRecord,
  window: MeetingWindow,
  place: PlaceCheck,
  geoAreaId: string | null,
): PhotoRecord | null {
  const check = verifyPhoto(
    { takenAt: photo.takenAt ? new Date(photo.takenAt) : null, gps: photo.gps },
    window,
    place,
  );
  const reasons: PhotoFlagReason[] = [
    ...check.reasons,
    ...(photo.duplicateOfMeetingIds.length ? (['duplicate'] as const) : []),
    ...(photo.review?.decision === 'reject' ? (['reviewer-rejected'] as const) : []),
  ];
  const verified = photo.review
    ? photo.review.decision === 'verify'
    : check.verdict === 'verified' && photo.duplicateOfMeetingIds.length === 0;
  const next: PhotoRecord = {
    ...photo,
    verdict: check.verdict,
    reasons,
    verified,
    geoAreaId: check.placeChecked ? geoAreaId : null,
  };
  const same =
    next.verdict === photo.verdict &&
    next.verified === photo.verified &&
    sameSet(next.reasons, photo.reasons);
  return same ? null : next;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
