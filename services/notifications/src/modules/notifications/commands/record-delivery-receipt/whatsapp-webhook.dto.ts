import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/** One status of Meta's WhatsApp Cloud API webhook (`entry[].changes[].value.statuses[]`). */
const whatsappStatusSchema = z.looseObject({
  id: z.string().min(1).describe("Meta's message id (wamid) of the accepted send"),
  status: z.string().min(1).describe('sent, delivered, read or failed'),
  timestamp: z.string().optional(),
  recipient_id: z.string().optional(),
  biz_opaque_callback_data: z.string().optional().describe('Our message id, given at send time'),
  errors: z.array(z.looseObject({ code: z.number().optional(), title: z.string().optional() })).optional(),
});
export type WhatsappStatus = z.infer<typeof whatsappStatusSchema>;

/** Meta's webhook body: other fields (incoming messages, metadata) pass through unread. */
export class WhatsappWebhookDto extends createZodDto(
  z.looseObject({
    object: z.literal('whatsapp_business_account'),
    entry: z.array(
      z.looseObject({
        id: z.string().optional(),
        changes: z.array(
          z.looseObject({
            field: z.string(),
            value: z.looseObject({ statuses: z.array(whatsappStatusSchema).optional() }),
          }),
        ),
      }),
    ),
  }),
) {}

export class WhatsappVerificationDto extends createZodDto(
  z.object({
    'hub.mode': z.literal('subscribe'),
    'hub.verify_token': z.string().min(1),
    'hub.challenge': z.string().min(1).max(200),
  }),
) {}

export const receiptResultSchema = z.object({
  applied: z
    .number()
    .int()
    .nonnegative()
    .describe('Receipts that moved a message (delivered, or on to its next channel)'),
  unchanged: z
    .number()
    .int()
    .nonnegative()
    .describe('Receipts that changed nothing (repeated, or the message moved on)'),
  unknown: z.number().int().nonnegative().describe('Receipts naming no message of this service'),
  notYetRecorded: z.number().int().nonnegative(),
});
export class ReceiptResultDto extends createZodDto(receiptResultSchema) {}
