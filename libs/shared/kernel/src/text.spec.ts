import { isCleanText, searchKey } from './text';

describe('searchKey', () => {
  it('folds Latin case and diacritics', () => {
    expect(searchKey('  Śrī  RĀM ')).toBe('sri ram');
  });

  it('keeps Devanagari vowel signs but unifies nukta spellings', () => {
    expect(searchKey('लखनऊ')).toBe('लखनऊ');
    expect(searchKey('क़ासिम')).toBe(searchKey('कासिम'));
    expect(searchKey('कासिम')).not.toBe(searchKey('कसिम'));
  });

  it('gives the same key for composed and decomposed input', () => {
    expect(searchKey('\u0915\u093c')).toBe(searchKey('\u0958'));
  });
});

describe('isCleanText', () => {
  it('rejects lone surrogates and control characters', () => {
    expect(isCleanText('राम')).toBe(true);
    expect(isCleanText('bad\ud800')).toBe(false);
    expect(isCleanText('bell\u0007')).toBe(false);
  });
});
