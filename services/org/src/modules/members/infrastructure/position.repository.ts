import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ConcurrentChangeError } from '@sangathan/kernel';
import { OutboxWriter, type OutboxEntry } from '@sangathan/messaging';
import type { Model } from 'mongoose';
import type { Loaded, PositionRepositoryPort } from '../application/ports/member.repository.port';
import type { Position } from '../domain/position.entity';
import { PositionMapper, type PositionRow } from './member.mapper';
import { NO_OUTBOX, versionFilter } from './member.repository';
import { PositionDocument } from './member.schema';

@Injectable()
export class PositionRepository implements PositionRepositoryPort {
  constructor(
    @InjectModel(PositionDocument.name) private readonly positions: Model<PositionDocument>,
    private readonly outbox: OutboxWriter,
  ) {}

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
    if (version === null) {
      const now = new Date();
      await this.outbox
        .insert(this.positions, { _id, ...fields, version: 0, createdAt: now, updatedAt: now }, events)
        .catch((error) => ((error as { code?: number }).code === 11000 ? conflict() : Promise.reject(error)));
      return;
    }
    const written = await this.outbox.update(
      this.positions,
      { _id, version: versionFilter(version) } as never,
      { $set: { ...fields, version: version + 1 } },
      events,
    );
    if (written === null) conflict();
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

  async list(filter: Record<string, unknown>, limit: number): Promise<Position[]> {
    const rows = await this.positions.collection
      .find(filter, { projection: NO_OUTBOX })
      .sort({ _id: 1 })
      .limit(limit)
      .toArray();
    return rows.map((row) => PositionMapper.toDomain(row as unknown as PositionRow));
  }
}
