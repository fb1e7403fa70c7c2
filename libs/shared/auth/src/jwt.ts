import jwt from 'jsonwebtoken';
import { createSecretKey, type KeyObject } from 'node:crypto';
import { principalSchema, type Principal } from './principal';

export const DEV_JWT_SECRET = 'sangathan-dev-secret-change-me';

export type JwtSettings = { secret: string; issuer: string; audience: string };

export function jwtSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): JwtSettings {
  if (!env.JWT_SECRET && env.NODE_ENV === 'production') {
    throw new Error('JWT_SECRET must be set in production');
  }
  return {
    secret: env.JWT_SECRET ?? DEV_JWT_SECRET,
    issuer: env.JWT_ISSUER ?? 'sangathan',
    audience: env.JWT_AUDIENCE ?? 'sangathan-api',
  };
}

/** jsonwebtoken turns a string secret into a KeyObject on every call, a cost paid per request; build it once. */
const keys = new Map<string, KeyObject>();
function keyOf(secret: string): KeyObject {
  let key = keys.get(secret);
  if (!key) keys.set(secret, (key = createSecretKey(Buffer.from(secret, 'utf8'))));
  return key;
}

export function signToken(
  principal: Principal,
  settings: JwtSettings = jwtSettingsFromEnv(),
  expiresIn: jwt.SignOptions['expiresIn'] = '12h',
): string {
  return jwt.sign(principalSchema.parse(principal), keyOf(settings.secret), {
    algorithm: 'HS256',
    issuer: settings.issuer,
    audience: settings.audience,
    expiresIn,
  });
}

export function verifyToken(token: string, settings: JwtSettings = jwtSettingsFromEnv()): Principal {
  const claims = jwt.verify(token, keyOf(settings.secret), {
    algorithms: ['HS256'],
    issuer: settings.issuer,
    audience: settings.audience,
  });
  return principalSchema.parse(claims);
}
