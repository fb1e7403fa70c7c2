import { createHmac } from 'node:crypto';

/** One cycle's key: used for events from `from` (inclusive) until the next key's `from`. */
export type PseudonymKey = { id: string; from: Date; secret: string };

/** A member as analysts see them: a keyed hash of the id, and the id of the cycle key it was made with. */
export type MemberPseudonym = { memberKey: string; keyId: string };

const KEY_ID = /^[A-Za-z0-9._-]{1,32}$/;

/**
 * Reads `<id>@<YYYY-MM-DD>:<secret>[,…]`, e.g. `2026-Q1@2026-01-01:…,2026-Q2@2026-04-01:…`. Secrets must be at
 * least 32 characters: the hash is only as private as the key.
 */
export function parsePseudonymKeys(text: string): PseudonymKey[] {
  const keys = text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const match = /^([^@:]+)@(\d{4}-\d{2}-\d{2}):(.+)$/.exec(part);
      if (!match) throw new Error(`pseudonym key "${part.split(':')[0]}" is not <id>@<YYYY-MM-DD>:<secret>`);
      const [, id, from, secret] = match;
      if (!KEY_ID.test(id)) throw new Error(`pseudonym key id "${id}" must match ${KEY_ID}`);
      if (secret.length < 32) throw new Error(`pseudonym key ${id}: the secret needs at least 32 characters`);
      return { id, from: new Date(`${from}T00:00:00+05:30`), secret };
    });
  if (keys.length === 0) throw new Error('no pseudonym key configured');
  if (new Set(keys.map((k) => k.id)).size !== keys.length)
    throw new Error('pseudonym key ids must be unique');
  return keys.sort((a, b) => a.from.getTime() - b.from.getTime());
}

/**
 * Member keys for analysts: HMAC-SHA-256 of the member id under the key of the cycle the event happened in
 * (cycles start at midnight IST). Within a cycle a member always gets the same key, across cycles unrelated
 * ones; an event dated before the first cycle uses the first key.
 */
export class Pseudonymiser {
  private readonly keys: readonly PseudonymKey[];

  constructor(keys: readonly PseudonymKey[]) {
    if (keys.length === 0) throw new Error('no pseudonym key configured');
    this.keys = [...keys].sort((a, b) => a.from.getTime() - b.from.getTime());
  }

  keyAt(instant: string): PseudonymKey {
    const at = new Date(instant).getTime();
    let chosen = this.keys[0];
    for (const key of this.keys) if (key.from.getTime() <= at) chosen = key;
    return chosen;
  }

  /** Pseudonym of `memberId` for an event that happened at `instant`. */
  member(memberId: string, instant: string): MemberPseudonym {
    const key = this.keyAt(instant);
    return { memberKey: this.hash(key, memberId), keyId: key.id };
  }

  /** Key of another member in the same event (same cycle key). */
  memberKey(memberId: string, instant: string): string {
    return this.hash(this.keyAt(instant), memberId);
  }

  private hash(key: PseudonymKey, memberId: string): string {
    return createHmac('sha256', key.secret).update(memberId, 'utf8').digest('hex');
  }
}
