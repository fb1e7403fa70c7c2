import { isCleanText, ValidationError } from '@sangathan/kernel';

export const CRITERIA = ['winnability', 'organisationalStrength', 'publicImage', 'loyalty'] as const;
export type Criterion = (typeof CRITERIA)[number];
export type Ratings = Record<Criterion, number>;
export type FeedbackSource = 'worker' | 'local-leader' | 'public-meeting' | 'survey';

export type FeedbackState = {
  id: string;
  panelId: string;
  prospectId: string;
  source: FeedbackSource;
  ratings: Ratings;
  /** Free text in Hindi or English (NFC). */
  text: string | null;
  authorId: string;
  recordedAt: Date;
};

/** Builds a piece of feedback, checking the ratings (integers 1-5 on every criterion) and the text. */
export function recordFeedback(input: FeedbackState): FeedbackState {
  for (const criterion of CRITERIA) {
    const value = input.ratings[criterion];
    if (!Number.isInteger(value) || value < 1 || value > 5)
      throw new ValidationError('INVALID_RATING', `${criterion} must be a whole number from 1 to 5`, [
        { field: `ratings.${criterion}`, message: '1 to 5' },
      ]);
  }
  let text: string | null = null;
  if (input.text !== null) {
    text = input.text.normalize('NFC').trim();
    if (text.length > 4000 || !isCleanText(text))
      throw new ValidationError('INVALID_TEXT', 'text must be at most 4000 characters of plain text', [
        { field: 'text', message: 'at most 4000 characters, no control characters' },
      ]);
    if (text.length === 0) text = null;
  }
  return { ...input, text };
}

/** Sums per criterion, as the database adds them up. */
export type RatingSums = {
  count: number;
  sum: Record<Criterion, number>;
  sumOfSquares: Record<Criterion, number>;
};

export type CriterionSummary = { mean: number; spread: number };

/** Mean and spread (population standard deviation) per criterion, rounded to 2 decimals. */
export function summarise(sums: RatingSums): Record<Criterion, CriterionSummary> {
  const round = (value: number) => Math.round(value * 100) / 100;
  const out = {} as Record<Criterion, CriterionSummary>;
  for (const criterion of CRITERIA) {
    if (sums.count === 0) {
      out[criterion] = { mean: 0, spread: 0 };
      continue;
    }
    const mean = sums.sum[criterion] / sums.count;
    const variance = Math.max(0, sums.sumOfSquares[criterion] / sums.count - mean * mean);
    out[criterion] = { mean: round(mean), spread: round(Math.sqrt(variance)) };
  }
  return out;
}
