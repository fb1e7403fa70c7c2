import { ValidationError } from '@sangathan/kernel';
import busboy from 'busboy';
import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { type Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sniffImageType, SNIFF_BYTES, type PhotoContentType } from '../../domain/image-type';
import { EXIF_HEAD_BYTES } from '../../application/exif-reader';
import type { PhotoBlobStoragePort } from '../../application/ports/photo-blob-storage.port';
import { PayloadTooLargeError, UnsupportedMediaTypeError } from './upload-errors';

/** A file streamed into blob storage: what was learnt on the way (the bytes are not kept). */
export type ReceivedBlob = {
  id: string;
  filename: string;
  contentType: PhotoContentType;
  sizeBytes: number;
  sha256: string;
  head: Buffer;
};

const notAnImage = (filename: string) =>
  new UnsupportedMediaTypeError('NOT_AN_IMAGE', `${filename} is not a JPEG, PNG or HEIC photo`, [
    { field: 'photo', message: 'unsupported or not an image' },
  ]);

/** Hashes, measures and sniffs bytes as they pass, keeping only the first EXIF_HEAD_BYTES. */
class Inspector extends Transform {
  readonly hash = createHash('sha256');
  size = 0;
  private readonly headParts: Buffer[] = [];
  private headLength = 0;
  type: PhotoContentType | null | undefined;

  constructor(private readonly filename: string) {
    super();
  }

  get head(): Buffer {
    return Buffer.concat(this.headParts);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.size += chunk.length;
    this.hash.update(chunk);
    if (this.headLength < EXIF_HEAD_BYTES) {
      const part = Buffer.from(chunk.subarray(0, EXIF_HEAD_BYTES - this.headLength));
      this.headParts.push(part);
      this.headLength += part.length;
    }
    if (this.type === undefined && this.headLength >= SNIFF_BYTES) {
      this.type = sniffImageType(this.head);
      if (!this.type) return callback(notAnImage(this.filename));
    }
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    if (this.type === undefined) this.type = sniffImageType(this.head);
    if (!this.type) return callback(notAnImage(this.filename));
    callback();
  }
}

/**
 * Streams every file part of a multipart request into blob storage, one after another, with
 * backpressure (memory stays flat whatever the size). If any part is refused (not an image, too
 * large, too many), the body is cut off or malformed, the client goes away or stops sending for
 * `idleMs`, every blob this request wrote is removed before the error is thrown. No stream here
 * is left without an error listener: one unhandled `'error'` event would end the process.
 */
export async function receiveBlobs(
  request: Readable & { headers: IncomingHttpHeaders; complete?: boolean },
  storage: PhotoBlobStoragePort,
  options: {
    maxBytes: number;
    maxFiles: number;
    idleMs: number;
    newId: () => string;
    metadata: Record<string, unknown>;
  },
): Promise<ReceivedBlob[]> {
  const type = request.headers['content-type'] ?? '';
  if (!/^multipart\/form-data/i.test(type)) {
    throw new UnsupportedMediaTypeError(
      'NOT_MULTIPART',
      'upload photos as multipart/form-data (field "photo")',
      [{ field: 'content-type', message: 'expected multipart/form-data' }],
    );
  }
  const received: ReceivedBlob[] = [];
  const aborts: (() => Promise<void>)[] = [];
  const parts: Promise<void>[] = [];
  let failure: Error | null = null;
  const fail = (error: Error): void => {
    failure ??= error;
  };

  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: request.headers,
      limits: {
        fileSize: options.maxBytes,
        files: options.maxFiles,
        fields: 20,
        parts: options.maxFiles + 20,
      },
    });
  } catch (error) {
    throw new ValidationError(
      'MALFORMED_MULTIPART',
      `multipart body not readable: ${(error as Error).message}`,
      [{ field: 'content-type', message: 'bad boundary' }],
    );
  }

  let idle: NodeJS.Timeout | undefined;
  const done = new Promise<void>((resolve, reject) => {
    // Ends the reading for good: the parser is destroyed, which errors the file part in progress,
    // which errors its upload (see the part's 'error' listener), so every pipeline settles.
    const stop = (error: Error): void => {
      fail(error);
      reject(error);
      request.unpipe(parser);
      parser.destroy();
    };
    parser.on('file', (field, file, info) => {
      if (failure || field !== 'photo') {
        file.on('error', () => undefined);
        file.resume();
        if (!failure && field !== 'photo')
          fail(
            new ValidationError('UNEXPECTED_FIELD', `file field "${field}" is not accepted; use "photo"`, [
              { field, message: 'use "photo"' },
            ]),
          );
        return;
      }
      const id = options.newId();
      const filename = (info.filename || 'photo').slice(0, 200);
      const inspector = new Inspector(filename);
      const tooLarge = () =>
        new PayloadTooLargeError('PHOTO_TOO_LARGE', `${filename} is larger than ${options.maxBytes} bytes`, [
          { field: 'photo', message: `max ${options.maxBytes} bytes` },
        ]);
      // The part is piped (not handed to pipeline) so that, if it is refused, the rest of it can
      // still be drained and the parser reaches the end of the request. Until the upload is open
      // (its start recorded), the inspector's buffer fills and holds the part back; a refusal in
      // that time is kept on the inspector (`errored`) rather than thrown as an unhandled event.
      inspector.on('error', () => undefined);
      const stored = storage
        .openUpload(id, filename, { ...options.metadata, declaredType: info.mimeType })
        .then((upload) => {
          aborts.push(upload.abort);
          if (inspector.errored) throw inspector.errored;
          return pipeline(inspector, upload.stream);
        })
        .then(() => {
          received.push({
            id,
            filename,
            contentType: inspector.type!,
            sizeBytes: inspector.size,
            sha256: inspector.hash.digest('hex'),
            head: inspector.head,
          });
        });
      file.on('limit', () => inspector.destroy(tooLarge()));
      // Busboy errors the part when the body ends inside it (or the parser is destroyed): pipe()
      // does not pass that on, so the inspector is destroyed by hand and its upload with it.
      file.on('error', () => inspector.destroy(truncated()));
      file.pipe(inspector);
      stored.catch((error: Error) => {
        fail(error);
        file.unpipe(inspector);
        file.resume();
      });
      parts.push(stored.catch(() => undefined));
    });
    parser.on('filesLimit', () => {
      fail(
        new PayloadTooLargeError('TOO_MANY_PHOTOS', `at most ${options.maxFiles} photos per request`, [
          { field: 'photo', message: `max ${options.maxFiles}` },
        ]),
      );
    });
    parser.on('error', (error: Error) =>
      stop(
        new ValidationError('MALFORMED_MULTIPART', `multipart body not readable: ${error.message}`, [
          { field: 'body', message: 'malformed or cut off' },
        ]),
      ),
    );
    parser.on('close', () => resolve());
    request.on('error', () => stop(clientGone()));
    request.on('close', () => {
      if (!request.complete) stop(clientGone());
    });
    idle = setTimeout(() => stop(stalled(options.idleMs)), options.idleMs);
    request.on('data', refreshIdle);
  });
  function refreshIdle(): void {
    idle?.refresh();
  }
  request.pipe(parser);

  try {
    await done;
  } catch (error) {
    fail(error as Error);
  } finally {
    request.off('data', refreshIdle);
    clearTimeout(idle);
  }
  // Every part's upload has opened (its abort is known) and finished or failed before anything is removed.
  await Promise.all(parts);
  if (!failure && received.length === 0)
    failure = new ValidationError('NO_PHOTO', 'attach at least one photo in the "photo" field', [
      { field: 'photo', message: 'required' },
    ]);
  if (failure) {
    await Promise.all(aborts.map((abort) => abort()));
    throw failure;
  }
  return received;
}

const truncated = () =>
  new ValidationError('TRUNCATED_UPLOAD', 'the request body ended inside a photo', [
    { field: 'photo', message: 'incomplete file part' },
  ]);

const clientGone = () =>
  new ValidationError('UPLOAD_ABORTED', 'the client closed the connection before the upload was complete', [
    { field: 'body', message: 'incomplete' },
  ]);

const stalled = (idleMs: number) =>
  new ValidationError('UPLOAD_STALLED', `no bytes of the upload arrived for ${idleMs} ms`, [
    { field: 'body', message: 'stalled' },
  ]);
