import { isCleanText, ValidationError } from '@sangathan/kernel';

const DEVANAGARI = /[\u0900-\u097f]/;
const LETTER = /\p{L}/u;

/** A person's name as they write it, Devanagari or Latin; NFC-normalised, spaces collapsed. */
export function personName(raw: string, field: string): string {
  if (typeof raw !== 'string' || !isCleanText(raw)) {
    throw new ValidationError('INVALID_TEXT', `${field} is not valid Unicode text`, [
      { field, message: 'invalid characters' },
    ]);
  }
  const name = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (!name || !LETTER.test(name))
    throw new ValidationError('INVALID_NAME', `${field} must contain letters`, [
      { field, message: 'required' },
    ]);
  if (name.length > 120)
    throw new ValidationError('INVALID_NAME', `${field} is longer than 120 characters`, [
      { field, message: 'too long' },
    ]);
  return name;
}

export const isDevanagari = (text: string): boolean => DEVANAGARI.test(text);
