import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { PHOTO_BLOB_STORAGE, type PhotoBlobStoragePort } from '../application/ports/photo-blob-storage.port';
import { PHOTO_REPOSITORY, type PhotoRepositoryPort } from '../application/ports/photo.repository.port';

const BATCH = 500;

/**
 * Removes photo blobs that no photo record refers to. An upload streams its bytes first and inserts
 * the record after; a refused upload removes its blobs at once, but a crash (or a lost database
 * connection) in the middle of streaming, or between the blob and its record, leaves the blob (whole
 * or only some chunks) behind, its upload unsettled. Once an hour, uploads unsettled for longer than
 * the grace period (`PHOTO_ORPHAN_GRACE_MS`, default 1 h: far longer than any upload takes) are
 * resolved: with a record, the upload is settled; without one, the blob is deleted.
 * `PHOTO_ORPHAN_SWEEP=off` disables the timer. Safe on several replicas: deleting twice is a no-op.
 */
@Injectable()
export class OrphanPhotoSweepJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('OrphanPhotoSweep');
  private timer?: NodeJS.Timeout;
  private first?: NodeJS.Timeout;

  constructor(
    @Inject(PHOTO_BLOB_STORAGE) private readonly blobs: PhotoBlobStoragePort,
    @Inject(PHOTO_REPOSITORY) private readonly photos: PhotoRepositoryPort,
  ) {}

  onApplicationBootstrap(): void {
    if (process.env.PHOTO_ORPHAN_SWEEP === 'off') return;
    this.timer = setInterval(() => void this.tick(), 3600_000);
    this.timer.unref();
    this.first = setTimeout(() => void this.tick(), 60_000);
    this.first.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
    if (this.first) clearTimeout(this.first);
  }

  /** Deletes the blobs of uploads unsettled since before `now - grace` that have no photo record; returns their ids. */
  async sweep(
    now = new Date(),
    graceMs = Number(process.env.PHOTO_ORPHAN_GRACE_MS ?? 3600_000),
  ): Promise<string[]> {
    const candidates = await this.blobs.unsettledBefore(new Date(now.getTime() - graceMs));
    const removed: string[] = [];
    for (let i = 0; i < candidates.length; i += BATCH) {
      const batch = candidates.slice(i, i + BATCH);
      const recorded = await this.photos.existing(batch);
      // The process stopped after the record was written but before the upload was settled.
      await this.blobs.settle(batch.filter((b) => recorded.has(b)));
      for (const id of batch.filter((b) => !recorded.has(b))) {
        await this.blobs.delete(id);
        removed.push(id);
      }
    }
    return removed;
  }

  private async tick(): Promise<void> {
    try {
      const removed = await this.sweep();
      if (removed.length)
        this.logger.warn(
          `removed ${removed.length} orphan photo blob(s): ${removed.slice(0, 10).join(', ')}${removed.length > 10 ? ', …' : ''}`,
        );
    } catch (error) {
      this.logger.warn(`orphan photo sweep failed, will retry in an hour: ${(error as Error).message}`);
    }
  }
}
