import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ConflictError } from '@sangathan/kernel';
import type { Model } from 'mongoose';
import type { ProspectRepositoryPort } from '../application/ports/prospect.repository.port';
import { Prospect, type PastResult } from '../domain/prospect.entity';
import { FIELD_CIPHER, type FieldCipher } from './field-cipher';
import { ProspectDocument } from './prospect.schema';

const aad = (id: string, field: string) => `prospects:${id}:${field}`;
const isDuplicateKey = (error: unknown): boolean => (error as { code?: number }).code === 11000;

@Injectable()
export class ProspectRepository implements ProspectRepositoryPort {
  constructor(
    @InjectModel(ProspectDocument.name) private readonly model: Model<ProspectDocument>,
    @Inject(FIELD_CIPHER) private readonly cipher: FieldCipher,
  ) {}

  personKeyOf(prospect: Prospect): string {
    return this.cipher.blindIndex(prospect.identity);
  }

  async add(prospect: Prospect): Promise<void> {
    const s = prospect.state;
    try {
      await this.model.collection.insertOne(
        ProspectRepository.seal(s.id, s, this.cipher, this.personKeyOf(prospect)) as never,
      );
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      throw new ConflictError('ALREADY_ON_PANEL', 'this person is already a prospect of the panel', [
        { field: s.memberId ? 'memberId' : 'phone', message: 'already on this panel' },
      ]);
    }
  }

  async get(id: string): Promise<Prospect | null> {
    const doc = await this.model.findById(id).lean<ProspectDocument>().exec();
    return doc ? this.open(doc) : null;
  }

  async listByPanel(panelId: string): Promise<Prospect[]> {
    const docs = await this.model.find({ panelId }).sort({ _id: 1 }).lean<ProspectDocument[]>().exec();
    return docs.map((doc) => this.open(doc));
  }

  /** The stored form of a prospect, every confidential field sealed with the current key. */
  static seal(id: string, s: Prospect['state'], cipher: FieldCipher, personKey: string): ProspectDocument {
    return {
      _id: id,
      panelId: s.panelId,
      kind: s.kind,
      personKey,
      memberRef: cipher.sealNullable(s.memberId, aad(id, 'memberRef')),
      name: cipher.seal(s.name, aad(id, 'name')),
      phone: cipher.sealNullable(s.phone, aad(id, 'phone')),
      profile: cipher.sealNullable(s.profile, aad(id, 'profile')),
      pastResults: cipher.seal(JSON.stringify(s.pastResults), aad(id, 'pastResults')),
      addedBy: s.addedBy,
      addedAt: s.addedAt,
      sealedWith: cipher.currentKeyId,
    };
  }

  static openState(doc: ProspectDocument, cipher: FieldCipher): Prospect['state'] {
    return {
      id: doc._id,
      panelId: doc.panelId,
      kind: doc.kind as 'member' | 'outsider',
      memberId: cipher.openNullable(doc.memberRef, aad(doc._id, 'memberRef')),
      name: cipher.open(doc.name, aad(doc._id, 'name')),
      phone: cipher.openNullable(doc.phone, aad(doc._id, 'phone')),
      profile: cipher.openNullable(doc.profile, aad(doc._id, 'profile')),
      pastResults: JSON.parse(cipher.open(doc.pastResults, aad(doc._id, 'pastResults'))) as PastResult[],
      addedBy: doc.addedBy,
      addedAt: new Date(doc.addedAt),
    };
  }

  private open(doc: ProspectDocument): Prospect {
    return Prospect.restore(ProspectRepository.openState(doc, this.cipher));
  }
}
