import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { DecisionClaimsPort } from '../application/ports/decision-claims.port';
import { DecisionClaimDocument } from './decision-claim.schema';

const isDuplicateKey = (error: unknown): boolean => (error as { code?: number }).code === 11000;

@Injectable()
export class DecisionClaimRepository implements DecisionClaimsPort {
  constructor(
    @InjectModel(DecisionClaimDocument.name) private readonly model: Model<DecisionClaimDocument>,
  ) {}

  async claim(cycleId: string, personKey: string, panelId: string): Promise<string> {
    const _id = `${cycleId}:${personKey}`;
    try {
      await this.model.collection.insertOne({ _id, panelId, at: new Date() } as never);
      return panelId;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const held = await this.model.findById(_id, { panelId: 1 }).lean().exec();
      return held?.panelId ?? panelId;
    }
  }

  async release(cycleId: string, personKey: string, panelId: string): Promise<void> {
    await this.model.deleteOne({ _id: `${cycleId}:${personKey}`, panelId }).exec();
  }
}
