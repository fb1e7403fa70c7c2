import type { Readable, Writable } from 'node:stream';

/** A blob being written: pipe bytes in, then either it finishes (stored) or `abort()` removes what was written. */
export type BlobUpload = { stream: Writable; abort(): Promise<void> };

/**
 * Durable storage of photo bytes, streamed both ways (never held whole in memory). GridFS on the
 * service's own database today; an S3-compatible store can implement the same port.
 */
export interface PhotoBlobStorage {
  openUpload(id: string, filename: string, metadata: Record<string, unknown>): BlobUpload;
  openDownload(id: string): Readable;
  delete(id: string): Promise<void>;
  exists(id: string): Promise<boolean>;
  /** Ids of the blobs stored completely before `cutoff` (for the orphan sweep). */
  storedBefore(cutoff: Date): Promise<string[]>;
}

export const PHOTO_BLOB_STORAGE = Symbol('PhotoBlobStorage');
