import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { EncryptionKeys } from './encryption-keys';

/** A value sealed with AES-256-GCM: key id beside it, so keys can rotate. */
export type Sealed = { k: string; iv: string; ct: string; tag: string };

export const FIELD_CIPHER = Symbol('FIELD_CIPHER');

/**
 * Encrypts confidential fields at rest (names, phones, profiles, rationales, comments, feedback text) with
 * AES-256-GCM from node:crypto. The additional authenticated data names the collection, document and field, so
 * a sealed value copied to another document or field does not open.
 */
export class FieldCipher {
  constructor(private readonly keys: EncryptionKeys) {}

  get currentKeyId(): string {
    return this.keys.currentKeyId;
  }

  seal(plain: string, aad: string): Sealed {
    const key = this.keys.keys.get(this.keys.currentKeyId)!;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(aad, 'utf8'));
    const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return {
      k: this.keys.currentKeyId,
      iv: iv.toString('base64'),
      ct: ct.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
    };
  }

  open(sealed: Sealed, aad: string): string {
    const key = this.keys.keys.get(sealed.k);
    if (!key) throw new Error(`encryption key ${sealed.k} is not configured (PANEL_ENCRYPTION_KEYS)`);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(sealed.ct, 'base64')), decipher.final()]).toString(
      'utf8',
    );
  }

  sealNullable(plain: string | null, aad: string): Sealed | null {
    return plain === null ? null : this.seal(plain, aad);
  }

  openNullable(sealed: Sealed | null | undefined, aad: string): string | null {
    return sealed ? this.open(sealed, aad) : null;
  }

  /** Keyed hash (HMAC-SHA256) of an identity, to find the same person without storing who it is. */
  blindIndex(value: string): string {
    return createHmac('sha256', this.keys.indexKey).update(value, 'utf8').digest('base64url');
  }
}
