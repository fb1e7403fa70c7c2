import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { Digest, DigestPort } from '../application/ports/digest.port';
import { DigestDocument } from './digest.schema';

const isDuplicateKey = (error: unknown): boolean => (error as { code?: number }).code === 11000;

@Injectable()
export class DigestRepository implements DigestPort {
  constructor(@InjectModel(DigestDocument.name) private readonly model: Model<DigestDocument>) {}

  async add(digest: Omit<Digest, 'eventIds' | 'state'>, eventId: string): Promise<number> {
    const { id, ...fields } = digest;
    const write = () =>
      this.model
        .findOneAndUpdate(
          { _id: id },
          { $setOnInsert: { ...fields, state: 'open' }, $addToSet: { eventIds: eventId } },
          { upsert: true, new: true, lean: true },
        )
        .exec();
    let written: DigestDocument | null;
    try {
      written = await write();
    } catch (error) {
      // Two first events of a window upserting at once: the loser applies to the winner's document.
      if (!isDuplicateKey(error)) throw error;
      written = await write();
    }
    return written!.eventIds.indexOf(eventId);
  }

  async due(now: Date, limit: number): Promise<Digest[]> {
    const docs = await this.model
      .find({ state: 'open', dueAt: { $lte: now } })
      .limit(limit)
      .lean<DigestDocument[]>()
      .exec();
    return docs.map(({ _id, ...rest }) => ({ ...rest, id: _id, state: 'open' as const }));
  }

  async markFlushed(id: string): Promise<void> {
    await this.model.updateOne({ _id: id }, { $set: { state: 'flushed' } }).exec();
  }
}
