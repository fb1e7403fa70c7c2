import { FEEDBACK_SOURCES } from '@sangathan/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

const rating = z.number().int().min(1).max(5);

export const recordFeedbackSchema = z.object({
  prospectId: z.string().trim().min(1).max(100),
  source: z.enum(FEEDBACK_SOURCES).describe('Where the feedback came from'),
  ratings: z.object({
    winnability: rating,
    organisationalStrength: rating,
    publicImage: rating,
    loyalty: rating,
  }),
  text: z
    .string()
    .max(4000)
    .nullable()
    .default(null)
    .describe('Free text in Hindi or English; encrypted at rest'),
});
export class RecordFeedbackDto extends createZodDto(recordFeedbackSchema) {}

/** What a collector gets back: a receipt, never the panel or anyone's feedback. */
export const feedbackReceiptSchema = z.object({
  id: z.string(),
  panelId: z.string(),
  prospectId: z.string(),
  recordedAt: z.string().describe('ISO-8601'),
});
export class FeedbackReceiptDto extends createZodDto(feedbackReceiptSchema) {}
