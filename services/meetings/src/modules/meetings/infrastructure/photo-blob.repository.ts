import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { mongo, type Connection } from 'mongoose';
import type { Readable } from 'node:stream';
import type { BlobUpload, PhotoBlobStoragePort } from '../application/ports/photo-blob-storage.port';

/** One small document per upload in progress (or interrupted): `_id` = photo id. */
const UPLOADS = 'photo_uploads';
type UploadRecord = { _id: string; startedAt: Date };

/**
 * GridFS bucket `photos` (collections photos.files / photos.chunks) in the service's database.
 * Chunks of 255 KiB stream in and out; ids are strings (UUIDv7).
 *
 * GridFS writes the chunks first and the `photos.files` document last, so an interrupted upload
 * leaves chunks that no files document names; finding them would mean reading every chunk. Each
 * upload is therefore recorded in `photo_uploads` before its first chunk and removed once settled:
 * that collection holds only uploads in flight or interrupted, so the sweep's scan of it stays small.
 */
@Injectable()
export class PhotoBlobRepository implements PhotoBlobStoragePort {
  private cached?: { db: mongo.Db; bucket: mongo.GridFSBucket };

  constructor(@InjectConnection() private readonly connection: Connection) {}

  /** One bucket per connection: a fresh bucket re-checks the GridFS indexes before its first write. */
  private get bucket(): mongo.GridFSBucket {
    const db = this.connection.db!;
    if (this.cached?.db !== db)
      this.cached = { db, bucket: new mongo.GridFSBucket(db, { bucketName: 'photos' }) };
    return this.cached.bucket;
  }

  private get uploads(): mongo.Collection<UploadRecord> {
    return this.connection.db!.collection<UploadRecord>(UPLOADS);
  }

  async openUpload(id: string, filename: string, metadata: Record<string, unknown>): Promise<BlobUpload> {
    await this.uploads.insertOne({ _id: id, startedAt: new Date() });
    const stream = this.bucket.openUploadStreamWithId(id as never, filename, { metadata });
    return {
      stream,
      abort: async () => {
        // abort() removes the chunks written so far; if the stream already ended, delete the file.
        await stream.abort().catch(() => undefined);
        // A chunk insert already sent when the upload was cut off lands after abort()'s delete: wait for it.
        for (let waited = 0; stream.state.outstandingRequests > 0 && waited < 5000; waited += 10)
          await new Promise((resolve) => setTimeout(resolve, 10));
        await this.delete(id);
      },
    };
  }

  openDownload(id: string): Readable {
    return this.bucket.openDownloadStream(id as never);
  }

  async delete(id: string): Promise<void> {
    const db = this.connection.db!;
    await db.collection('photos.chunks').deleteMany({ files_id: id } as never);
    await db.collection('photos.files').deleteOne({ _id: id } as never);
    await this.uploads.deleteOne({ _id: id });
  }

  async settle(ids: readonly string[]): Promise<void> {
    if (ids.length) await this.uploads.deleteMany({ _id: { $in: [...ids] } });
  }

  async unsettledBefore(cutoff: Date): Promise<string[]> {
    const docs = await this.uploads
      .find({ startedAt: { $lt: cutoff } }, { projection: { _id: 1 } })
      .toArray();
    return docs.map((d) => d._id);
  }
}
