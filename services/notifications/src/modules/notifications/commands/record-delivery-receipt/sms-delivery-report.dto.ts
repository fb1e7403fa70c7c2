import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/**
 * Gupshup's real-time delivery report, a GET to the URL configured at the gateway
 * (`?externalId=%0&deliveredTS=%1&status=%2&cause=%3&phoneNo=%4&errCode=%6&noOfFrags=%7`), with our own
 * `token` added to that URL. Parameters beyond these pass through unread.
 */
export class SmsDeliveryReportDto extends createZodDto(
  z.looseObject({
    token: z.string().min(1).describe('SMS_WEBHOOK_TOKEN, part of the URL configured at the gateway'),
    externalId: z.string().min(1).describe("The gateway's id of the accepted send"),
    status: z
      .string()
      .transform((s) => s.toUpperCase())
      .pipe(z.enum(['SUCCESS', 'FAILURE', 'UNKNOWN']))
      .describe('SUCCESS, FAILURE or UNKNOWN (any case)'),
    cause: z.string().optional(),
    errCode: z.string().optional(),
    deliveredTS: z.string().optional(),
  }),
) {}
