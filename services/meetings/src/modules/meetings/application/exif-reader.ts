import exifr from 'exifr';
import { parseExifDateTime, type PhotoMetadata } from '../domain/photo-verification';

/** How much of the start of a file is kept for EXIF (JPEG APP1 is at most 64 KiB; HEIC puts it in the first boxes). */
export const EXIF_HEAD_BYTES = 256 * 1024;

/**
 * Reads EXIF time and GPS from the first bytes of a photo (exifr: pure JavaScript, JPEG/PNG/HEIC).
 * A file without EXIF, or with EXIF exifr cannot read, yields no metadata rather than an error.
 */
export async function readPhotoMetadata(head: Buffer): Promise<PhotoMetadata> {
  let tags: Record<string, unknown> | undefined;
  try {
    tags = (await exifr.parse(head, {
      tiff: true,
      exif: true,
      gps: true,
      ifd1: false,
      xmp: false,
      icc: false,
      iptc: false,
      reviveValues: false,
      translateValues: false,
    })) as Record<string, unknown> | undefined;
  } catch {
    tags = undefined;
  }
  if (!tags) return { takenAt: null, gps: null };
  const takenAt = parseExifDateTime(
    tags.DateTimeOriginal ?? tags.CreateDate ?? tags.DateTime,
    tags.OffsetTimeOriginal ?? tags.OffsetTime,
  );
  const lat = tags.latitude;
  const lon = tags.longitude;
  const gps =
    typeof lat === 'number' &&
    typeof lon === 'number' &&
    Number.isFinite(lat) &&
    Number.isFinite(lon) &&
    Math.abs(lat) <= 90 &&
    Math.abs(lon) <= 180 &&
    !(lat === 0 && lon === 0)
      ? { lat, lon }
      : null;
  return { takenAt, gps };
}
