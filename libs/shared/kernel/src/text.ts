/**
 * Text helpers for Devanagari and Latin names.
 *
 * `searchKey` folds a name for prefix search: NFKD, combining marks removed for Latin letters
 * (so "Śrī" matches "sri"), lower case, and whitespace collapsed. Devanagari vowel signs and
 * viramas are combining marks too, but they change the word, so for Devanagari we only apply
 * canonical composition and strip nukta variants (क़ → क), which people type inconsistently.
 */
const LATIN_COMBINING = /[\u0300-\u036f]/g;
const NUKTA = /\u093c/g;

export function searchKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(LATIN_COMBINING, '')
    .replace(NUKTA, '')
    .normalize('NFC')
    .toLocaleLowerCase('en')
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when the string is well-formed Unicode (no lone surrogates) and has no control characters. */
export function isCleanText(text: string): boolean {
  return text.isWellFormed() && !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text);
}

/** Escapes a string for use inside a RegExp (prefix search on folded keys). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
