import { isCleanText, ValidationError } from '@sangathan/kernel';

const DEVANAGARI = /[\u0900-\u097f]/;

/** An area's English name and its Hindi (Devanagari) name, both NFC-normalised. */
export class AreaName {
  private constructor(
    readonly en: string,
    readonly hi: string | null,
  ) {}

  static of(en: string, hi: string | null): AreaName {
    const english = clean(en, 'nameEn');
    if (!english)
      throw new ValidationError('INVALID_NAME', 'nameEn is required', [
        { field: 'nameEn', message: 'required' },
      ]);
    const hindi = hi == null ? null : clean(hi, 'nameHi');
    if (hindi && !DEVANAGARI.test(hindi)) {
      throw new ValidationError('INVALID_NAME', 'nameHi must be written in Devanagari', [
        { field: 'nameHi', message: 'not Devanagari' },
      ]);
    }
    return new AreaName(english, hindi || null);
  }
}

function clean(text: string, field: string): string {
  if (!isCleanText(text)) {
    throw new ValidationError('INVALID_TEXT', `${field} is not valid Unicode text`, [
      { field, message: 'invalid characters' },
    ]);
  }
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}
