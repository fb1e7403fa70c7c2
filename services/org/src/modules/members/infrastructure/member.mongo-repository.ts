import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ConflictError, ConcurrentChangeError } from '@sangathan/kernel';
import { outboxFieldsForInsert, outboxUpdate, type OutboxEntry } from '@sangathan/messaging';
import type { Model } from 'mongoose';
import type { Member } from '../domain/member.entity';
import type { Position } from '../domain/position.entity';
import { MemberMapper, PositionMapper, type MemberRow, type PositionRow } from './member.mapper';
import type { Loaded, MemberRepository, PositionRepository } from './member.repository.port';
import { MemberDocument, PositionDocument } from './member.schema';

const NO_OUTBOX = { outbox: 0, outboxDueAt: 0 } as const;

function duplicatePhone(error: unknown, phone: string): never {
  if ((error as { code?: number }).code === 11000) {
    throw new ConflictError('PHONE_TAKEN', `phone ${phone} already belongs to another member`, [
      { field: 'phone', message: 'already registered' },
    ]);
  }
  throw error;
}

function versionFilter(version: number): unknown {
  return version === 0 ? { $in: [0, null] } : version;
}

@Injectable()
export class MemberMongoRepository implements MemberRepository {
  constructor(@InjectModel(MemberDocument.name) private readonly members: Model<MemberDocument>) {}

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
    await this.members.collection
      .insertOne({
        ...row,
        version: 0,
        ...outboxFieldsForInsert(events),
        createdAt: now,
        updatedAt: now,
      } as never)
      .catch((error) => duplicatePhone(error, row.phone));
  }

  async update(member: Member, version: number, events: OutboxEntry[]): Promise<void> {
    const { _id, lastActiveAt: _activity, ...fields } = MemberMapper.toPersistence(member);
    const withOutbox = outboxUpdate(events);
    // lastActiveAt is left out: the activity consumer owns it and may write it concurrently.
    const result = await this.members.collection
      .updateOne(
        { _id: _id as never, version: versionFilter(version) } as never,
        {
          $set: { ...fields, ...withOutbox.$set, updatedAt: new Date(), version: version + 1 },
          $push: withOutbox.$push,
        } as never,
      )
      .catch((error) => duplicatePhone(error, fields.phone));
    if (result.matchedCount === 0) {
      throw new ConcurrentChangeError('MEMBER_CHANGED', `member ${_id} changed meanwhile; reload and retry`, [
        { field: 'id', message: 'concurrent update' },
      ]);
    }
  }

  async list(filter: Record<string, unknown>, limit: number): Promise<MemberRow[]> {
    return (await this.members.collection
      .find(filter, { projection: NO_OUTBOX })
      .sort({ _id: 1 })
      .limit(limit)
      .toArray()) as unknown as MemberRow[];
  }
}

@Injectable()
export class PositionMongoRepository implements PositionRepository {
  constructor(@InjectModel(PositionDocument.name) private readonly positions: Model<PositionDocument>) {}

  async load(id: string): Promise<Loaded<Position> | null> {
    const doc = await this.positions.collection.findOne({ _id: id as never }, { projection: NO_OUTBOX });
    return doc
      ? {
          value: PositionMapper.toDomain(doc as unknown as PositionRow),
          version: (doc.version as number | undefined) ?? 0,
        }
      : null;
  }

  async save(position: Position, version: number | null, events: OutboxEntry[]): Promise<void> {
    const { _id, ...fields } = PositionMapper.toPersistence(position);
    const conflict = (): never => {
      throw new ConcurrentChangeError(
        'POSITION_CHANGED',
        `position ${_id} changed meanwhile; reload and retry`,
        [{ field: 'positionId', message: 'concurrent update' }],
      );
    };
    const now = new Date();
    if (version === null) {
      await this.positions.collection
        .insertOne({
          _id,
          ...fields,
          version: 0,
          ...outboxFieldsForInsert(events),
          createdAt: now,
          updatedAt: now,
        } as never)
        .catch((error) => ((error as { code?: number }).code === 11000 ? conflict() : Promise.reject(error)));
      return;
    }
    const withOutbox = outboxUpdate(events);
    const result = await this.positions.collection.updateOne(
      { _id: _id as never, version: versionFilter(version) } as never,
      {
        $set: { ...fields, ...withOutbox.$set, updatedAt: now, version: version + 1 },
        $push: withOutbox.$push,
      } as never,
    );
    if (result.matchedCount === 0) conflict();
  }

  async heldBy(memberId: string): Promise<Loaded<Position>[]> {
    const docs = await this.positions.collection
      .find({ holderId: memberId }, { projection: NO_OUTBOX })
      .toArray();
    return docs.map((doc) => ({
      value: PositionMapper.toDomain(doc as unknown as PositionRow),
      version: (doc.version as number | undefined) ?? 0,
    }));
  }

  async list(filter: Record<string, unknown>, limit: number): Promise<PositionRow[]> {
    return (await this.positions.collection
      .find(filter, { projection: NO_OUTBOX })
      .sort({ _id: 1 })
      .limit(limit)
      .toArray()) as unknown as PositionRow[];
  }
}
