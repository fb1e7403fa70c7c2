import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { mongo, type Connection } from 'mongoose';
import type { Readable } from 'node:stream';
import type { BlobUpload, PhotoBlobStorage } from './photo-blob-storage.port';

/**
 * GridFS bucket `photos` (collections photos.files / photos.chunks) in the service's database.
 * Works on FerretDB 1.24 (proved by test/photos.int-spec.ts): only plain inserts, finds, a
 * compound index and deletes are used. Chunks of 255 KiB stream in and out.
 */
@Injectable()
export class GridFsPhotoStorage implements PhotoBlobStorage {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  private get bucket(): mongo.GridFSBucket {
    return new mongo.GridFSBucket(this.connection.db!, { bucketName: 'photos' });
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
}
