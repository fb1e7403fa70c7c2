import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ConflictError, ConcurrentChangeError } from '@sangathan/kernel';
import { OutboxWriter, type OutboxEntry } from '@sangathan/messaging';
import type { Model } from 'mongoose';
import type { Loaded, MemberRepositoryPort } from '../application/ports/member.repository.port';
import type { Member } from '../domain/member.entity';
import { MemberMapper, type MemberRow } from './member.mapper';
import { MemberDocument } from './member.schema';

export const NO_OUTBOX = { outbox: 0, outboxDueAt: 0 } as const;

function duplicatePhone(error: unknown, phone: string): never {
  if ((error as { code?: number }).code === 11000) {
    throw new ConflictError('PHONE_TAKEN', `phone ${phone} already belongs to another member`, [
      { field: 'phone', message: 'already registered' },
    ]);
  }
  throw error;
}

/** Documents written before versions existed have none; `null` matches a missing field. */
export function versionFilter(version: number): unknown {
  return version === 0 ? { $in: [0, null] } : version;
}

@Injectable()
export class MemberRepository implements MemberRepositoryPort {
  constructor(
    @InjectModel(MemberDocument.name) private readonly members: Model<MemberDocument>,
    private readonly outbox: OutboxWriter,
  ) {}

  async load(id: string): Promise<Loaded<Member> | null> {
    const doc = await this.members.collection.findOne({ _id: id as never }, { projection: NO_OUTBOX });
    return doc
      ? {
          value: MemberMapper.toDomain(doc as unknown as MemberRow),
          version: (doc.version as number | undefined) ?? 0,
        }
      : null;
  }

  async findByPhone(phone: string): Promise<Member | null> {
    const doc = await this.members.collection.findOne({ phone }, { projection: NO_OUTBOX });
    return doc ? MemberMapper.toDomain(doc as unknown as MemberRow) : null;
  }

  async insert(member: Member, events: OutboxEntry[]): Promise<void> {
    const now = new Date();
    const row = MemberMapper.toPersistence(member);
    await this.outbox
      .insert(this.members, { ...row, version: 0, createdAt: now, updatedAt: now }, events)
      .catch((error) => duplicatePhone(error, row.phone));
  }

  async update(member: Member, version: number, events: OutboxEntry[]): Promise<void> {
    // lastActiveAt is left out: the activity consumer owns it and may write it concurrently.
    const { _id, lastActiveAt: _activity, ...fields } = MemberMapper.toPersistence(member);
    const written = await this.outbox
      .update(
        this.members,
        { _id, version: versionFilter(version) } as never,
        { $set: { ...fields, version: version + 1 } },
        events,
      )
      .catch((error) => duplicatePhone(error, fields.phone));
    if (written === null) {
      throw new ConcurrentChangeError('MEMBER_CHANGED', `member ${_id} changed meanwhile; reload and retry`, [
        { field: 'id', message: 'concurrent update' },
      ]);
    }
  }

  async list(filter: Record<string, unknown>, limit: number): Promise<Member[]> {
    const rows = await this.members.collection
      .find(filter, { projection: NO_OUTBOX })
      .sort({ _id: 1 })
      .limit(limit)
      .toArray();
    return rows.map((row) => MemberMapper.toDomain(row as unknown as MemberRow));
  }
}
