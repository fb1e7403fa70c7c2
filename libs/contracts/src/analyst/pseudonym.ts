import { z } from 'zod';

/**
 * Pseudonymous key of a member: HMAC-SHA-256 of the member id under the key of the cycle the event falls in, as
 * 64 hex digits. The same member has the same key within a cycle and an unrelated one in the next, so analysts
 * can count distinct people and follow them for a cycle but cannot tell who they are or follow them for ever.
 */
export const memberKeySchema = z.string().regex(/^[0-9a-f]{64}$/);

/** Id of the cycle's key the member keys of an event were derived with (e.g. `2026-Q1`). */
export const keyIdSchema = z.string().regex(/^[A-Za-z0-9._-]{1,32}$/);

/** Calendar day in India Standard Time, YYYY-MM-DD. */
export const daySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
