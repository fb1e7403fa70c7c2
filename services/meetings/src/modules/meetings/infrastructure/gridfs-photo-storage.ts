import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { mongo, type Connection } from 'mongoose';
import type { Readable } from 'node:stream';
import type { BlobUpload, PhotoBlobStorage } from './photo-blob-storage.port';

/**
 * GridFS bucket `photos` (collections photos.files / photos.chunks) in the service's database.
 * Works on FerretDB 1.24 (proved by test/photos.int-spec.ts): only plain inserts, finds, a
 * compound index and deletes are used. Chunks of 255 KiB stream in and out. Ids are strings
 * (UUIDv7), so `files_id` lookups are top-level string equality, which our patched FerretDB
 * evaluates in SQLite rather than by decoding every chunk.
 */
@Injectable()
export class GridFsPhotoStorage implements PhotoBlobStorage {
  private cached?: { db: mongo.Db; bucket: mongo.GridFSBucket };

  constructor(@InjectConnection() private readonly connection: Connection) {}

  /** One bucket per connection: a fresh bucket re-checks the GridFS indexes before its first write. */
  private get bucket(): mongo.GridFSBucket {
    const db = this.connection.db!;
    if (this.cached?.db !== db) this.cached = { db, bucket: new mongo.GridFSBucket(db, { bucketName: 'photos' }) };
    return this.cached.bucket;
  }

  openUpload(id: string, filename: string, metadata: Record<string, unknown>): BlobUpload {
    const stream = this.bucket.openUploadStreamWithId(id as never, filename, { metadata });
    return {
      stream,
      abort: async () => {
        // abort() removes the chunks written so far; if the stream already ended, delete the file.
        await stream.abort().catch(() => undefined);
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
  }

  async exists(id: string): Promise<boolean> {
    return (await this.connection.db!.collection('photos.files').countDocuments({ _id: id } as never)) === 1;
  }

  async storedBefore(cutoff: Date): Promise<string[]> {
    // A date range over photos.files (one small document per photo, never the chunks): on FerretDB
    // a scan of that collection, acceptable for an hourly job.
    const docs = await this.connection.db!.collection('photos.files').find({ uploadDate: { $lt: cutoff } }, { projection: { _id: 1 } }).toArray();
    return docs.map((d) => String(d._id));
  }
}
