import type { PhotoFlagReason, PhotoVerdict } from '@sangathan/contracts';

export type GeoPoint = { lat: number; lon: number };

/** What the photo says about itself (EXIF), when it says anything. */
export type PhotoMetadata = { takenAt: Date | null; gps: GeoPoint | null };

/** Where and when the meeting was (held times when recorded, else planned times). */
export type MeetingWindow = { start: Date; end: Date };

/** How a photo's place is checked: a geo test for the meeting's area, or none when no area geo is known. */
export type PlaceCheck = { contains(point: GeoPoint): boolean } | null;

export type VerificationPolicy = {
  /** How long before the start and after the end a photo may have been taken. */
  toleranceBeforeMs: number;
  toleranceAfterMs: number;
};

export const DEFAULT_VERIFICATION_POLICY: VerificationPolicy = {
  toleranceBeforeMs: 60 * 60_000,
  toleranceAfterMs: 3 * 3600_000,
};

export type Verification = { verdict: PhotoVerdict; reasons: PhotoFlagReason[]; placeChecked: boolean };

/**
 * The automatic verdict on a meeting photo:
 * - no EXIF time → `no-metadata` (a place alone does not prove when), unless its GPS is outside the
 *   area, which is a `mismatch`;
 * - EXIF time outside the meeting window ± tolerance → `mismatch` (time-mismatch);
 * - GPS present, area geo known and the point outside it → `mismatch` (location-mismatch);
 * - otherwise `verified` (by time and place, or by time only when GPS or area geo is missing).
 */
export function verifyPhoto(
  metadata: PhotoMetadata,
  window: MeetingWindow,
  place: PlaceCheck,
  policy: VerificationPolicy = DEFAULT_VERIFICATION_POLICY,
): Verification {
  const reasons: PhotoFlagReason[] = [];
  const placeChecked = !!(metadata.gps && place);
  if (metadata.gps && place && !place.contains(metadata.gps)) reasons.push('location-mismatch');
  if (metadata.takenAt) {
    const t = metadata.takenAt.getTime();
    if (
      t < window.start.getTime() - policy.toleranceBeforeMs ||
      t > window.end.getTime() + policy.toleranceAfterMs
    )
      reasons.push('time-mismatch');
  }
  if (reasons.length) return { verdict: 'mismatch', reasons, placeChecked };
  if (!metadata.takenAt) return { verdict: 'no-metadata', reasons: ['no-metadata'], placeChecked };
  return { verdict: 'verified', reasons: [], placeChecked };
}

/**
 * Reads an EXIF `YYYY:MM:DD HH:MM:SS` local time. Cameras rarely record a zone; without
 * OffsetTimeOriginal the time is taken as IST (+05:30), where these meetings happen.
 */
export function parseExifDateTime(value: unknown, offset: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const m = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(value.trim());
  if (!m) return null;
  const zone =
    typeof offset === 'string' && /^[+-]\d{2}:\d{2}$/.test(offset.trim()) ? offset.trim() : '+05:30';
  const date = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${zone}`);
  return Number.isNaN(date.getTime()) || date.getUTCFullYear() < 1990 ? null : date;
}
