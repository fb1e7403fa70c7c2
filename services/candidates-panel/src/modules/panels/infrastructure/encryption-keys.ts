import { createHash } from 'node:crypto';

/** Keys of the field cipher: every key by id (32 bytes each), the current one, and the blind-index key. */
export type EncryptionKeys = {
  keys: ReadonlyMap<string, Buffer>;
  currentKeyId: string;
  indexKey: Buffer;
};

const devKey = (label: string) =>
  createHash('sha256').update(`sangathan-candidates-panel-dev:${label}`).digest();

function key32(value: string, what: string): Buffer {
  const key = Buffer.from(value, 'base64');
  if (key.length !== 32)
    throw new Error(`${what} must be 32 bytes, base64-encoded (got ${key.length} bytes)`);
  return key;
}

/**
 * Reads the keys from configuration:
 * - `PANEL_ENCRYPTION_KEYS`: JSON object of key id → base64 32-byte key (old keys stay until rotated away),
 * - `PANEL_ENCRYPTION_KEY_ID`: the id new values are sealed with,
 * - `PANEL_INDEX_KEY`: base64 32-byte HMAC key for the person index (never rotates: it only hashes).
 * Outside production, missing settings fall back to fixed development keys; production refuses to start.
 */
export function encryptionKeysFromEnv(env: NodeJS.ProcessEnv = process.env): EncryptionKeys {
  const production = env.NODE_ENV === 'production';
  if (!env.PANEL_ENCRYPTION_KEYS || !env.PANEL_ENCRYPTION_KEY_ID || !env.PANEL_INDEX_KEY) {
    if (production)
      throw new Error('PANEL_ENCRYPTION_KEYS, PANEL_ENCRYPTION_KEY_ID and PANEL_INDEX_KEY must be set');
    if (!env.PANEL_ENCRYPTION_KEYS)
      return {
        keys: new Map([['dev-1', devKey('key-1')]]),
        currentKeyId: 'dev-1',
        indexKey: devKey('index'),
      };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(env.PANEL_ENCRYPTION_KEYS ?? '');
  } catch {
    throw new Error('PANEL_ENCRYPTION_KEYS must be a JSON object of key id → base64 key');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new Error('PANEL_ENCRYPTION_KEYS must be a JSON object of key id → base64 key');
  const keys = new Map<string, Buffer>();
  for (const [id, value] of Object.entries(parsed as Record<string, unknown>)) {
    if (typeof value !== 'string' || !/^[\w.-]{1,40}$/.test(id))
      throw new Error(`PANEL_ENCRYPTION_KEYS: key ${id} is not a base64 string under a short id`);
    keys.set(id, key32(value, `PANEL_ENCRYPTION_KEYS.${id}`));
  }
  const currentKeyId = env.PANEL_ENCRYPTION_KEY_ID ?? '';
  if (!keys.has(currentKeyId))
    throw new Error(`PANEL_ENCRYPTION_KEY_ID ${currentKeyId} is not in PANEL_ENCRYPTION_KEYS`);
  const indexKey = env.PANEL_INDEX_KEY ? key32(env.PANEL_INDEX_KEY, 'PANEL_INDEX_KEY') : devKey('index');
  return { keys, currentKeyId, indexKey };
}
