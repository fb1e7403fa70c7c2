import { buildExifJpeg } from '../../../../test/support/exif-jpeg';
import { readPhotoMetadata } from './exif-reader';

describe('readPhotoMetadata (exifr on test-built JPEGs)', () => {
  it('reads DateTimeOriginal with its offset and GPS', async () => {
    const jpeg = buildExifJpeg({
      dateTimeOriginal: '2026:01:05 11:15:00',
      offsetTimeOriginal: '+05:30',
      gps: { lat: 26.8467, lon: 80.9462 },
    });
    const metadata = await readPhotoMetadata(jpeg);
    expect(metadata.takenAt?.toISOString()).toBe('2026-01-05T05:45:00.000Z');
    expect(metadata.gps!.lat).toBeCloseTo(26.8467, 3);
    expect(metadata.gps!.lon).toBeCloseTo(80.9462, 3);
  });

  it('reads southern and western coordinates as negative', async () => {
    const metadata = await readPhotoMetadata(buildExifJpeg({ gps: { lat: -12.5, lon: -45.25 } }));
    expect(metadata.takenAt).toBeNull();
    expect(metadata.gps!.lat).toBeCloseTo(-12.5, 3);
    expect(metadata.gps!.lon).toBeCloseTo(-45.25, 3);
  });

  it('yields no metadata for a JPEG without EXIF or for random bytes', async () => {
    expect(await readPhotoMetadata(buildExifJpeg(null))).toEqual({ takenAt: null, gps: null });
    expect(await readPhotoMetadata(Buffer.from('not an image at all'))).toEqual({ takenAt: null, gps: null });
  });
});
