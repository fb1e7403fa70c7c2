import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { Channel } from '../domain/notification-message.entity';
import type { MemberPreferences, PreferencePort } from '../application/ports/preference.port';
import { MemberPreferenceDocument } from './member-preference.schema';

@Injectable()
export class MemberPreferenceRepository implements PreferencePort {
  constructor(
    @InjectModel(MemberPreferenceDocument.name) private readonly model: Model<MemberPreferenceDocument>,
  ) {}

  async find(memberIds: readonly string[]): Promise<Map<string, MemberPreferences>> {
    const docs = await this.model
      .find({ _id: { $in: [...memberIds] } })
      .lean<MemberPreferenceDocument[]>()
      .exec();
    return new Map(
      docs.map((d) => [
        d._id,
        {
          memberId: d._id,
          language: d.language ?? null,
          phone: d.phone ?? null,
          email: d.email ?? null,
          mutedChannels: (d.mutedChannels ?? []) as Channel[],
          mutedRules: d.mutedRules ?? [],
          updatedAt: d.updatedAt,
        },
      ]),
    );
  }

  async save(preferences: MemberPreferences): Promise<void> {
    const { memberId, ...fields } = preferences;
    await this.model.updateOne({ _id: memberId }, { $set: fields }, { upsert: true }).exec();
  }
}
