import type { Readable, Writable } from 'node:stream';

/** A blob being written: pipe bytes in, then either it finishes (stored) or `abort()` removes what was written. */
export type BlobUpload = { stream: Writable; abort(): Promise<void> };

/**
 * Durable storage of photo bytes, streamed both ways (never held whole in memory). GridFS on the
 * service's own database today; an S3-compatible store can implement the same port.
 *
 * Every upload is recorded as started before its first byte and stays "unsettled" until the photo
 * record that refers to it exists (`settle`) or the blob is deleted: a crash mid-stream, or between
 * the blob and its record, leaves an unsettled upload that the orphan sweep finds without reading
 * the stored bytes.
 */
export interface PhotoBlobStoragePort {
  /** Records the upload as started, then opens it. */
  openUpload(id: string, filename: string, metadata: Record<string, unknown>): Promise<BlobUpload>;
  openDownload(id: string): Readable;
  /** Removes the blob (whole or partial) and its upload record. */
  delete(id: string): Promise<void>;
  /** These blobs now have their photo records: their uploads are complete. */
  settle(ids: readonly string[]): Promise<void>;
  /** Uploads started before `cutoff` and never settled (for the orphan sweep). */
  unsettledBefore(cutoff: Date): Promise<string[]>;
}

export const PHOTO_BLOB_STORAGE = Symbol('PhotoBlobStoragePort');
