import { jwtSettingsFromEnv } from '@sangathan/auth';
import { ValidationError } from '@sangathan/kernel';
import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * QR check-in tokens: `<participantId>.<hmac>` in base64url. Stateless: the organiser's scanner
 * posts the token and the service verifies the signature, so a token cannot be forged for
 * someone else or reused for another session.
 */
function secret(): string {
  return process.env.TRAINING_QR_SECRET ?? `${jwtSettingsFromEnv().secret}:training-qr`;
}

function sign(participantId: string): string {
  return createHmac('sha256', secret()).update(participantId).digest('base64url').slice(0, 22);
}

export function issueQrToken(participantId: string): string {
  return `${Buffer.from(participantId, 'utf8').toString('base64url')}.${sign(participantId)}`;
}

export function verifyQrToken(token: string): string {
  const [encoded, signature] = token.split('.');
  const participantId = encoded ? Buffer.from(encoded, 'base64url').toString('utf8') : '';
  const expected = participantId ? sign(participantId) : '';
  if (
    !signature ||
    !expected ||
    signature.length !== expected.length ||
    !timingSafeEqual(Buffer.from(signature), Buffer.from(expected))
  ) {
    throw new ValidationError('INVALID_QR_TOKEN', 'the QR code is not one this service issued', [
      { field: 'qrToken', message: 'bad signature' },
    ]);
  }
  return participantId;
}
