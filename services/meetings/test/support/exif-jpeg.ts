import { randomBytes } from 'node:crypto';

/** What to put in a fixture photo's EXIF block. */
export type ExifFixture = {
  /** EXIF DateTimeOriginal as written by a camera, `YYYY:MM:DD HH:MM:SS` (local time, no zone). */
  dateTimeOriginal?: string;
  /** EXIF OffsetTimeOriginal, e.g. `+05:30`. */
  offsetTimeOriginal?: string;
  gps?: { lat: number; lon: number };
};

type Entry = { tag: number; type: number; count: number; data: Buffer };

const ASCII = 2;
const LONG = 4;
const RATIONAL = 5;

const ascii = (text: string): Buffer => Buffer.concat([Buffer.from(text, 'latin1'), Buffer.from([0])]);

function rationals(values: [number, number][]): Buffer {
  const buf = Buffer.alloc(values.length * 8);
  values.forEach(([n, d], i) => {
    buf.writeUInt32BE(n, i * 8);
    buf.writeUInt32BE(d, i * 8 + 4);
  });
  return buf;
}

function dms(value: number): [number, number][] {
  const abs = Math.abs(value);
  const deg = Math.floor(abs);
  const minFloat = (abs - deg) * 60;
  const min = Math.floor(minFloat);
  const sec = Math.round((minFloat - min) * 60 * 10_000);
  return [
    [deg, 1],
    [min, 1],
    [sec, 10_000],
  ];
}

/** Lays out one IFD at `offset` (TIFF-relative); values over 4 bytes go right after it. */
function ifd(entries: Entry[], offset: number): Buffer {
  const sorted = [...entries].sort((a, b) => a.tag - b.tag);
  const headerSize = 2 + sorted.length * 12 + 4;
  const table = Buffer.alloc(headerSize);
  const values: Buffer[] = [];
  let valueOffset = offset + headerSize;
  table.writeUInt16BE(sorted.length, 0);
  sorted.forEach((entry, i) => {
    const at = 2 + i * 12;
    table.writeUInt16BE(entry.tag, at);
    table.writeUInt16BE(entry.type, at + 2);
    table.writeUInt32BE(entry.count, at + 4);
    if (entry.data.length <= 4) {
      entry.data.copy(table, at + 8);
    } else {
      table.writeUInt32BE(valueOffset, at + 8);
      const padded = entry.data.length % 2 ? Buffer.concat([entry.data, Buffer.from([0])]) : entry.data;
      values.push(padded);
      valueOffset += padded.length;
    }
  });
  table.writeUInt32BE(0, headerSize - 4); // no next IFD
  return Buffer.concat([table, ...values]);
}

const long = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n, 0);
  return b;
};

/** A big-endian TIFF block with IFD0 → Exif IFD (times) and GPS IFD. */
export function buildTiff(fixture: ExifFixture): Buffer {
  const exifEntries: Entry[] = [];
  if (fixture.dateTimeOriginal)
    exifEntries.push({ tag: 0x9003, type: ASCII, count: 20, data: ascii(fixture.dateTimeOriginal) });
  if (fixture.offsetTimeOriginal)
    exifEntries.push({ tag: 0x9011, type: ASCII, count: 7, data: ascii(fixture.offsetTimeOriginal) });
  const gpsEntries: Entry[] = fixture.gps
    ? [
        { tag: 0x0001, type: ASCII, count: 2, data: ascii(fixture.gps.lat >= 0 ? 'N' : 'S') },
        { tag: 0x0002, type: RATIONAL, count: 3, data: rationals(dms(fixture.gps.lat)) },
        { tag: 0x0003, type: ASCII, count: 2, data: ascii(fixture.gps.lon >= 0 ? 'E' : 'W') },
        { tag: 0x0004, type: RATIONAL, count: 3, data: rationals(dms(fixture.gps.lon)) },
      ]
    : [];
  // IFD0 holds pointers; compute its size first (pointers are 4-byte values, so no value area).
  const ifd0Count = 1 + (exifEntries.length ? 1 : 0) + (gpsEntries.length ? 1 : 0);
  const ifd0Offset = 8;
  const ifd0Size = 2 + ifd0Count * 12 + 4 + 6; // + "Sangat" make value (6 bytes incl. NUL padding)
  const exifOffset = ifd0Offset + ifd0Size;
  const exifIfd = exifEntries.length ? ifd(exifEntries, exifOffset) : Buffer.alloc(0);
  const gpsOffset = exifOffset + exifIfd.length;
  const gpsIfd = gpsEntries.length ? ifd(gpsEntries, gpsOffset) : Buffer.alloc(0);
  const ifd0Entries: Entry[] = [
    { tag: 0x010f, type: ASCII, count: 6, data: Buffer.from('Test\0\0', 'latin1') },
  ];
  if (exifEntries.length) ifd0Entries.push({ tag: 0x8769, type: LONG, count: 1, data: long(exifOffset) });
  if (gpsEntries.length) ifd0Entries.push({ tag: 0x8825, type: LONG, count: 1, data: long(gpsOffset) });
  const ifd0 = ifd(ifd0Entries, ifd0Offset);
  const header = Buffer.from([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8]);
  return Buffer.concat([header, ifd0, exifIfd, gpsIfd]);
}

function segment(marker: number, payload: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt16BE(marker, 0);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
}

/**
 * A JPEG container (SOI, APP1 Exif, a unique COM segment, filler, EOI) with the given EXIF. It is
 * not a decodable picture, but it is what the service reads: magic bytes, EXIF and content hash.
 * `sizeBytes` pads it (filler between COM and EOI) for upload-size tests and benchmarks.
 */
export function buildExifJpeg(
  fixture: ExifFixture | null,
  options: { sizeBytes?: number; salt?: string } = {},
): Buffer {
  const parts: Buffer[] = [Buffer.from([0xff, 0xd8])];
  if (fixture)
    parts.push(segment(0xffe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), buildTiff(fixture)])));
  parts.push(segment(0xfffe, Buffer.from(options.salt ?? randomBytes(16).toString('hex'), 'latin1')));
  const soFar = parts.reduce((n, p) => n + p.length, 0) + 2;
  if (options.sizeBytes && options.sizeBytes > soFar) {
    const filler = Buffer.alloc(options.sizeBytes - soFar, 0x00);
    parts.push(filler);
  }
  parts.push(Buffer.from([0xff, 0xd9]));
  return Buffer.concat(parts);
}

/** The 8-byte PNG signature followed by an IHDR chunk (enough to be recognised as PNG). */
export function buildPng(): Buffer {
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.from('0000000dIHDR', 'latin1'),
    randomBytes(32),
  ]);
}
