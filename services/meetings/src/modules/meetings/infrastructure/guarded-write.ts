import { uuidv7 } from '@sangathan/kernel';
import type { mongo } from 'mongoose';

/**
 * FerretDB 1.24 (SQLite backend) applies an update as read-modify-write of the whole document. Two
 * updates of one document at the same moment can therefore lose one of them, and the outbox relay
 * writes to the aggregate right after every change (claim, pull, release). Measured here: with an
 * unconditional writer racing a versioned one, 23 of 50 versioned updates were silently undone.
 * Even version-conditioned updates are not safe against each other. So every write of ours:
 *  1. runs one at a time per document in this process (KeyedMutex in MeetingWriter),
 *  2. waits until the relay has nothing pending on the document (no claim, no due events),
 *  3. is conditioned on `version` and stamps a unique `writeId`,
 *  4. reads the document back and reports success only if its stamp is there; otherwise the
 *     caller reloads and re-applies the operation (its outbox entries were lost with it, so nothing
 *     is published twice).
 * Writers in other replicas can still race; the real fix is a store with atomic updates or a relay
 * that does not rewrite aggregate documents (see docs/meetings.md, "FerretDB lost updates").
 */
export async function guardedUpdate(
  collection: mongo.Collection,
  id: string,
  version: number,
  update: { $set: Record<string, unknown>; $push?: Record<string, unknown> },
): Promise<boolean> {
  // Write only when the relay has nothing pending on this document: its next claim then reads a
  // copy that already contains this write, so its rewrites cannot undo it.
  await waitUntilReleased(collection, id, 2000, true);
  const writeId = uuidv7();
  const result = await collection.updateOne({ _id: id, version } as never, { ...update, $set: { ...update.$set, version: version + 1, writeId } } as never);
  if (result.matchedCount !== 1) return false;
  const after = await collection.findOne({ _id: id } as never, { projection: { version: 1, writeId: 1 } });
  if (!after) return false;
  if (after.writeId === writeId) return true;
  // A later versioned write built on ours (version moved past ours): ours was applied.
  return typeof after.version === 'number' && after.version > version + 1;
}

/** Waits (bounded) while the outbox relay holds a claim on the document (or, with `drained`, until its outbox is published). */
export async function waitUntilReleased(collection: mongo.Collection, id: string, timeoutMs = 3000, drained = false): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const doc = await collection.findOne({ _id: id } as never, { projection: { outboxClaimedBy: 1, outboxDueAt: 1 } });
    const busy = !!doc?.outboxClaimedBy || (drained && !!doc?.outboxDueAt);
    if (!busy || Date.now() > deadline) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
