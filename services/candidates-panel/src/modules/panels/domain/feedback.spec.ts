import { ApplicationError } from '@sangathan/kernel';
import { recordFeedback, summarise } from './feedback';

const base = {
  id: 'f',
  panelId: 'p',
  prospectId: 'a',
  source: 'worker' as const,
  ratings: { winnability: 3, organisationalStrength: 4, publicImage: 5, loyalty: 1 },
  text: null,
  authorId: 'c',
  recordedAt: new Date(),
};

describe('feedback', () => {
  it.each([0, 6, 2.5, Number.NaN])('refuses a rating of %s', (value) => {
    expect(() => recordFeedback({ ...base, ratings: { ...base.ratings, winnability: value } })).toThrow(
      expect.objectContaining({ code: 'INVALID_RATING' }) as ApplicationError,
    );
  });

  it('keeps Hindi text in NFC and drops blank text', () => {
    const decomposed = 'क़स्बा'.normalize('NFD');
    expect(recordFeedback({ ...base, text: ` ${decomposed} ` }).text).toBe('क़स्बा'.normalize('NFC'));
    expect(recordFeedback({ ...base, text: '   ' }).text).toBeNull();
  });

  it('summarises mean and spread per criterion from the sums', () => {
    const sums = {
      count: 2,
      sum: { winnability: 8, organisationalStrength: 6, publicImage: 10, loyalty: 3 },
      sumOfSquares: { winnability: 34, organisationalStrength: 18, publicImage: 50, loyalty: 5 },
    };
    expect(summarise(sums)).toEqual({
      winnability: { mean: 4, spread: 1 },
      organisationalStrength: { mean: 3, spread: 0 },
      publicImage: { mean: 5, spread: 0 },
      loyalty: { mean: 1.5, spread: 0.5 },
    });
  });
});
