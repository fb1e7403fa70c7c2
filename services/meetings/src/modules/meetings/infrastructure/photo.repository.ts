import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ConflictError } from '@sangathan/kernel';
import { OutboxWriter, type OutboxEntry } from '@sangathan/messaging';
import type { Model } from 'mongoose';
import type {
  PhotoRecord,
  PhotoRepositoryPort,
  PhotoReview,
} from '../application/ports/photo.repository.port';
import { PhotoDocument } from './photo.schema';

/** Photo records (the bytes are in PhotoBlobStoragePort under the same id), each write with its events. */
@Injectable()
export class PhotoRepository implements PhotoRepositoryPort {
  constructor(
    @InjectModel(PhotoDocument.name) private readonly photos: Model<PhotoDocument>,
    private readonly outbox: OutboxWriter,
  ) {}

  async insert(record: PhotoRecord, events: readonly OutboxEntry[]): Promise<void> {
    try {
      await this.outbox.insert(this.photos, record, events);
    } catch (error) {
      if ((error as { code?: number }).code === 11000) {
        throw new ConflictError('DUPLICATE_PHOTO', 'this photo was already uploaded for this meeting', [
          { field: 'photo', message: 'same content already attached' },
        ]);
      }
      throw error;
    }
  }

  async findById(id: string): Promise<PhotoRecord | null> {
    return this.photos.findById(id, { outbox: 0 }).lean<PhotoRecord>().exec();
  }

  /** Photo records by id (a meeting lists its photos' ids), in upload order; ids without a record are skipped. */
  async findByIds(ids: readonly string[]): Promise<PhotoRecord[]> {
    if (ids.length === 0) return [];
    return this.photos
      .find({ _id: { $in: [...ids] } }, { outbox: 0 })
      .sort({ _id: 1 })
      .lean<PhotoRecord[]>()
      .exec();
  }

  /** Which of these hashes the meeting already has a photo with. */
  async hashesAmong(meetingId: string, sha256s: readonly string[]): Promise<Set<string>> {
    const docs = await this.photos
      .find({ meetingId, sha256: { $in: [...sha256s] } }, { sha256: 1 })
      .lean<{ sha256: string }[]>()
      .exec();
    return new Set(docs.map((d) => d.sha256));
  }

  /** Meetings other than `meetingId` that already have a photo with these bytes. */
  async meetingsWithHash(sha256: string, exceptMeetingId: string): Promise<string[]> {
    const docs = await this.photos
      .find({ sha256, meetingId: { $ne: exceptMeetingId } }, { meetingId: 1 })
      .lean<{ meetingId: string }[]>()
      .exec();
    return [...new Set(docs.map((d) => d.meetingId))];
  }

  /** How many of these photos exist and how many count as evidence. */
  async countsOf(ids: readonly string[]): Promise<{ photoCount: number; verifiedPhotoCount: number }> {
    if (ids.length === 0) return { photoCount: 0, verifiedPhotoCount: 0 };
    const docs = await this.photos
      .find({ _id: { $in: [...ids] } }, { verified: 1 })
      .lean<{ verified: boolean }[]>()
      .exec();
    return { photoCount: docs.length, verifiedPhotoCount: docs.filter((d) => d.verified).length };
  }

  /** Ids among `ids` that have a photo record. */
  async existing(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const docs = await this.photos
      .find({ _id: { $in: [...ids] } }, { _id: 1 })
      .lean<{ _id: string }[]>()
      .exec();
    return new Set(docs.map((d) => d._id));
  }

  /** Photos and verified photos per meeting. */
  async statsByMeetings(meetingIds: string[]): Promise<Map<string, { photos: number; verified: number }>> {
    const stats = new Map<string, { photos: number; verified: number }>();
    for (let i = 0; i < meetingIds.length; i += 1000) {
      const groups = await this.photos
        .aggregate<{ _id: string; photos: number; verified: number }>([
          { $match: { meetingId: { $in: meetingIds.slice(i, i + 1000) } } },
          {
            $group: {
              _id: '$meetingId',
              photos: { $sum: 1 },
              verified: { $sum: { $cond: ['$verified', 1, 0] } },
            },
          },
        ])
        .exec();
      for (const g of groups) stats.set(g._id, { photos: g.photos, verified: g.verified });
    }
    return stats;
  }

  /** Applies a reviewer's decision if nobody changed the photo since `version`; false otherwise. */
  async saveReview(
    id: string,
    version: number,
    review: PhotoReview,
    verified: boolean,
    reasons: string[],
    events: readonly OutboxEntry[],
  ): Promise<boolean> {
    return this.saveIfVersion(id, version, { review, verified, reasons }, events);
  }

  /** Saves a new automatic verdict (the meeting's window moved) if nobody changed the photo since `version`. */
  async saveVerdict(
    id: string,
    version: number,
    judged: Pick<PhotoRecord, 'verdict' | 'reasons' | 'verified' | 'geoAreaId'>,
    events: readonly OutboxEntry[],
  ): Promise<boolean> {
    const { verdict, reasons, verified, geoAreaId } = judged;
    return this.saveIfVersion(id, version, { verdict, reasons, verified, geoAreaId }, events);
  }

  /** One conditional single-document write: the change, its events and the next version, or nothing. */
  private async saveIfVersion(
    id: string,
    version: number,
    change: Record<string, unknown>,
    events: readonly OutboxEntry[],
  ): Promise<boolean> {
    const written = await this.outbox.update(
      this.photos,
      { _id: id, version },
      { $set: { ...change, version: version + 1 } },
      events,
    );
    return written !== null;
  }
}
