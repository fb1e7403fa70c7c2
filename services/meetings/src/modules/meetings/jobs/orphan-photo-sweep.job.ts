import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { PHOTO_BLOB_STORAGE, type PhotoBlobStorage } from '../infrastructure/photo-blob-storage.port';
import { PhotoStore } from '../infrastructure/photo.store';

const BATCH = 500;

/**
 * Removes photo blobs that no photo record refers to. An upload streams its bytes first and inserts
 * the record after; a refused upload removes its blobs at once, but a crash (or a lost database
 * connection) between the blob and its record leaves the blob behind. Once an hour, blobs older than
 * the grace period (`PHOTO_ORPHAN_GRACE_MS`, default 1 h: far longer than any upload takes between
 * blob and record) without a record are deleted. `PHOTO_ORPHAN_SWEEP=off` disables the timer.
 * Safe on several replicas: deleting a blob twice is a no-op.
 */
@Injectable()
export class OrphanPhotoSweepJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('OrphanPhotoSweep');
  private timer?: NodeJS.Timeout;
  private first?: NodeJS.Timeout;

  constructor(
    @Inject(PHOTO_BLOB_STORAGE) private readonly blobs: PhotoBlobStorage,
    private readonly photos: PhotoStore,
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

  /** Deletes the blobs stored before `now - grace` that have no photo record; returns their ids. */
  async sweep(now = new Date(), graceMs = Number(process.env.PHOTO_ORPHAN_GRACE_MS ?? 3600_000)): Promise<string[]> {
    const candidates = await this.blobs.storedBefore(new Date(now.getTime() - graceMs));
    const removed: string[] = [];
    for (let i = 0; i < candidates.length; i += BATCH) {
      const batch = candidates.slice(i, i + BATCH);
      const recorded = await this.photos.existing(batch);
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
      if (removed.length) this.logger.warn(`removed ${removed.length} orphan photo blob(s): ${removed.slice(0, 10).join(', ')}${removed.length > 10 ? ', …' : ''}`);
    } catch (error) {
      this.logger.warn(`orphan photo sweep failed, will retry in an hour: ${(error as Error).message}`);
    }
  }
}
