import { UnauthenticatedError, UnavailableError } from '@sangathan/kernel';
import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The secrets providers sign or mark their webhooks with: `WHATSAPP_APP_SECRET` (Meta signs each POST with
 * it), `WHATSAPP_WEBHOOK_VERIFY_TOKEN` (Meta's subscription check), `SMS_WEBHOOK_TOKEN` (a token in the
 * delivery-report URL configured at the SMS gateway, which does not sign). Development has local values;
 * production has none unless set, and an unset webhook answers 503.
 */
function secret(name: string, developmentValue: string): string {
  const value = process.env[name];
  if (value) return value;
  if (process.env.NODE_ENV === 'production')
    throw new UnavailableError('WEBHOOK_NOT_CONFIGURED', `${name} is not set: this webhook is off`);
  return developmentValue;
}

export const whatsappAppSecret = (): string => secret('WHATSAPP_APP_SECRET', 'local-app-secret');
export const whatsappVerifyToken = (): string =>
  secret('WHATSAPP_WEBHOOK_VERIFY_TOKEN', 'local-verify-token');
export const smsWebhookToken = (): string => secret('SMS_WEBHOOK_TOKEN', 'local-sms-webhook-token');

function sameText(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Meta's `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body with the app secret>`. */
export function assertWhatsappSignature(rawBody: Buffer | undefined, header: string | undefined): void {
  const expected = `sha256=${createHmac('sha256', whatsappAppSecret())
    .update(rawBody ?? Buffer.alloc(0))
    .digest('hex')}`;
  if (!header || !sameText(header, expected))
    throw new UnauthenticatedError('BAD_SIGNATURE', 'the webhook signature does not match the body', [
      { field: 'x-hub-signature-256', message: header ? 'does not match' : 'missing' },
    ]);
}

export function assertToken(given: string | undefined, expected: string, field: string): void {
  if (!given || !sameText(given, expected))
    throw new UnauthenticatedError('BAD_WEBHOOK_TOKEN', 'the webhook token is missing or wrong', [
      { field, message: given ? 'wrong token' : 'missing' },
    ]);
}
