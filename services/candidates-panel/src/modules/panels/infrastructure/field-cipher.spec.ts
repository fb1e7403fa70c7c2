import { randomBytes } from 'node:crypto';
import { encryptionKeysFromEnv } from './encryption-keys';
import { FieldCipher } from './field-cipher';

const k1 = randomBytes(32).toString('base64');
const k2 = randomBytes(32).toString('base64');
const index = randomBytes(32).toString('base64');
const env = (current: string) => ({
  PANEL_ENCRYPTION_KEYS: JSON.stringify({ k1, k2 }),
  PANEL_ENCRYPTION_KEY_ID: current,
  PANEL_INDEX_KEY: index,
});

describe('FieldCipher', () => {
  it('seals with the current key (id beside the value) and opens with any configured key', () => {
    const old = new FieldCipher(encryptionKeysFromEnv(env('k1')));
    const sealed = old.seal('राम प्रकाश', 'prospects:x:name');
    expect(sealed.k).toBe('k1');
    expect(Buffer.from(sealed.ct, 'base64').toString('utf8')).not.toContain('राम');
    const rotated = new FieldCipher(encryptionKeysFromEnv(env('k2')));
    expect(rotated.open(sealed, 'prospects:x:name')).toBe('राम प्रकाश');
    expect(rotated.seal('a', 'b').k).toBe('k2');
  });

  it('refuses a value moved to another document or field, or tampered with', () => {
    const cipher = new FieldCipher(encryptionKeysFromEnv(env('k1')));
    const sealed = cipher.seal('secret', 'prospects:x:name');
    expect(() => cipher.open(sealed, 'prospects:y:name')).toThrow();
    const ct = Buffer.from(sealed.ct, 'base64');
    ct[0] ^= 1;
    expect(() => cipher.open({ ...sealed, ct: ct.toString('base64') }, 'prospects:x:name')).toThrow();
  });

  it('hashes identities with a key, the same way every time', () => {
    const cipher = new FieldCipher(encryptionKeysFromEnv(env('k1')));
    expect(cipher.blindIndex('phone:+919812345678')).toBe(cipher.blindIndex('phone:+919812345678'));
    expect(cipher.blindIndex('phone:+919812345678')).not.toContain('9812345678');
  });

  it('refuses bad configuration, and any missing key in production', () => {
    expect(() => encryptionKeysFromEnv({ ...env('k3') })).toThrow(/PANEL_ENCRYPTION_KEY_ID k3/);
    expect(() =>
      encryptionKeysFromEnv({ ...env('k1'), PANEL_ENCRYPTION_KEYS: JSON.stringify({ k1: 'c2hvcnQ=' }) }),
    ).toThrow(/32 bytes/);
    expect(() => encryptionKeysFromEnv({ NODE_ENV: 'production' })).toThrow(/must be set/);
    expect(encryptionKeysFromEnv({}).currentKeyId).toBe('dev-1');
  });
});
