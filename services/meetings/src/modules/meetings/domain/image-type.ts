/** Image formats accepted as meeting photos. */
export const PHOTO_CONTENT_TYPES = ['image/jpeg', 'image/png', 'image/heic'] as const;
export type PhotoContentType = (typeof PHOTO_CONTENT_TYPES)[number];

const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']);

/** Bytes needed to recognise a format. */
export const SNIFF_BYTES = 12;

/**
 * Recognises a photo by its magic bytes, never by the file name or the declared content type:
 * JPEG (FF D8 FF), PNG (89 'PNG' CR LF 1A LF), HEIC/HEIF (ISO-BMFF `ftyp` box with a HEIF brand).
 */
export function sniffImageType(head: Uint8Array): PhotoContentType | null {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (head.length >= 8 && png.every((b, i) => head[i] === b)) return 'image/png';
  if (head.length >= 12) {
    const box = String.fromCharCode(head[4], head[5], head[6], head[7]);
    const brand = String.fromCharCode(head[8], head[9], head[10], head[11]);
    if (box === 'ftyp' && HEIF_BRANDS.has(brand)) return 'image/heic';
  }
  return null;
}
