import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { LastActiveRepositoryPort } from '../application/ports/last-active.repository.port';
import { MemberDocument } from '../../members/infrastructure/member.schema';

/** Writes `lastActiveAt` forward only: each update is conditional on the stored value being older. */
@Injectable()
export class LastActiveRepository implements LastActiveRepositoryPort {
  constructor(@InjectModel(MemberDocument.name) private readonly members: Model<MemberDocument>) {}

  async advance(latest: Map<string, Date>): Promise<number> {
    if (latest.size === 0) return 0;
    const result = await this.members.collection.bulkWrite(
      [...latest].map(([memberId, at]) => ({
        updateOne: {
          filter: { _id: memberId as never, $or: [{ lastActiveAt: null }, { lastActiveAt: { $lt: at } }] },
          update: { $set: { lastActiveAt: at } },
        },
      })),
      { ordered: false },
    );
    return result.modifiedCount;
  }
}
