import type { Connection } from 'mongoose';
import { feedbackTextAad } from './feedback.repository';
import type { FieldCipher, Sealed } from './field-cipher';
import { PanelMapper } from './panel.mapper';
import type { PanelDocument } from './panel.schema';
import type { ProspectDocument } from './prospect.schema';
import { ProspectRepository } from './prospect.repository';

export type RotationProgress = { collection: string; resealed: number; skipped: number };

/**
 * Re-seals every confidential value with the current key. Each document records the key its values use
 * (`sealedWith`), so the rotation only visits documents still on an old key: stopping it (or a crash) loses
 * nothing, and running it again resumes where it stopped. Each write is guarded by the key it read, so a
 * document the service rewrote meanwhile (with the current key already) is left alone.
 */
export class KeyRotation {
  constructor(
    private readonly connection: Connection,
    private readonly cipher: FieldCipher,
    private readonly batchSize = 200,
  ) {}

  /** Rotates up to `limit` documents per collection (all when omitted). */
  async run(limit = Number.POSITIVE_INFINITY): Promise<RotationProgress[]> {
    return [
      await this.rotate<PanelDocument>('panels', limit, (doc) => PanelMapper.reseal(doc, this.cipher)),
      await this.rotate<ProspectDocument>('prospects', limit, (doc) => {
        const { _id, ...sealed } = ProspectRepository.seal(
          doc._id,
          ProspectRepository.openState(doc, this.cipher),
          this.cipher,
          doc.personKey,
        );
        void _id;
        return {
          memberRef: sealed.memberRef,
          name: sealed.name,
          phone: sealed.phone,
          profile: sealed.profile,
          pastResults: sealed.pastResults,
        };
      }),
      await this.rotate<{ _id: string; text: Sealed | null }>('feedback', limit, (doc) => ({
        text: this.cipher.sealNullable(
          this.cipher.openNullable(doc.text, feedbackTextAad(doc._id)),
          feedbackTextAad(doc._id),
        ),
      })),
    ];
  }

  /** How many documents still use another key than the current one. */
  async remaining(): Promise<number> {
    let total = 0;
    for (const name of ['panels', 'prospects', 'feedback'])
      total += await this.connection
        .collection(name)
        .countDocuments({ sealedWith: { $ne: this.cipher.currentKeyId } });
    return total;
  }

  private async rotate<T extends { _id: string }>(
    name: string,
    limit: number,
    reseal: (doc: T & { sealedWith: string }) => Record<string, unknown>,
  ): Promise<RotationProgress> {
    const collection = this.connection.collection(name);
    const current = this.cipher.currentKeyId;
    const progress: RotationProgress = { collection: name, resealed: 0, skipped: 0 };
    let after = '';
    while (progress.resealed + progress.skipped < limit) {
      const batch = (await collection
        .find({ sealedWith: { $ne: current }, _id: { $gt: after } as never }, { projection: { outbox: 0 } })
        .sort({ _id: 1 })
        .limit(Math.min(this.batchSize, limit - progress.resealed - progress.skipped))
        .toArray()) as unknown as (T & { sealedWith: string })[];
      if (batch.length === 0) break;
      for (const doc of batch) {
        const result = await collection.updateOne(
          { _id: doc._id as never, sealedWith: doc.sealedWith },
          { $set: { ...reseal(doc), sealedWith: current } },
        );
        if (result.modifiedCount === 1) progress.resealed++;
        else progress.skipped++;
      }
      after = batch[batch.length - 1]._id;
    }
    return progress;
  }
}
