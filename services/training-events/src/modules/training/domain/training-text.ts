import { isCleanText, ValidationError } from '@sangathan/kernel';

const DEVANAGARI = /[\u0900-\u097f]/;

/** Cleans free text: well-formed Unicode, NFC, collapsed whitespace. Empty after cleaning → null. */
export function cleanText(text: string | null | undefined, field: string, maxLength: number): string | null {
  if (text == null) return null;
  if (!isCleanText(text)) {
    throw new ValidationError('INVALID_TEXT', `${field} is not valid Unicode text`, [
      { field, message: 'invalid characters' },
    ]);
  }
  const cleaned = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (cleaned.length > maxLength) {
    throw new ValidationError('TEXT_TOO_LONG', `${field} is longer than ${maxLength} characters`, [
      { field, message: `max ${maxLength}` },
    ]);
  }
  return cleaned || null;
}

/** Like cleanText, but the text must contain Devanagari (Hindi titles). */
export function cleanHindi(text: string | null | undefined, field: string, maxLength: number): string | null {
  const cleaned = cleanText(text, field, maxLength);
  if (cleaned && !DEVANAGARI.test(cleaned)) {
    throw new ValidationError('NOT_DEVANAGARI', `${field} must be written in Devanagari`, [
      { field, message: 'not Devanagari' },
    ]);
  }
  return cleaned;
}
