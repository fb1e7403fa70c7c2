import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { AreaLevel } from '@sangathan/contracts';
import { ConcurrentChangeError, ConflictError } from '@sangathan/kernel';
import { OutboxWriter, type OutboxEntry } from '@sangathan/messaging';
import type { Document } from 'mongodb';
import type { Model } from 'mongoose';
import { namePrefixFilter } from '../../../common/subtree';
import type {
  AreaListFilter,
  AreaRepositoryPort,
  LoadedArea,
} from '../application/ports/area.repository.port';
import type { Area } from '../domain/area.entity';
import { AreaMapper, type AreaRow } from './area.mapper';
import { AreaDocument } from './area.schema';
import { SubtreeRepathRepository } from './subtree-repath.repository';

const ROW_PROJECTION = { outbox: 0, outboxDueAt: 0, booth: 0 } as const;

/**
 * The query of a subtree list page: served by the `{ancestors, level, _id}` index (with `nameKeys`,
 * `lokSabhaId` or `seatClass` the planner may pick those indexes instead); `_id > afterId` is the cursor.
 */
export function areaListQuery(rootId: string, filter: AreaListFilter, afterId: string | undefined): Document {
  return {
    ancestors: rootId,
    ...(filter.level ? { level: filter.level } : {}),
    ...(filter.lokSabhaId ? { lokSabhaId: filter.lokSabhaId } : {}),
    ...(filter.seatClass ? { seatClass: filter.seatClass } : {}),
    ...namePrefixFilter(filter.q),
    ...(afterId !== undefined ? { _id: { $gt: afterId } } : {}),
  };
}

/** Areas per level under `rootId`: one group over the `{ancestors, level, _id}` index. */
export function countByLevelPipeline(rootId: string): Document[] {
  return [{ $match: { ancestors: rootId } }, { $group: { _id: '$level', count: { $sum: 1 } } }];
}

@Injectable()
export class AreaRepository implements AreaRepositoryPort {
  constructor(
    @InjectModel(AreaDocument.name) private readonly areas: Model<AreaDocument>,
    private readonly repather: SubtreeRepathRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async findById(id: string): Promise<Area | null> {
    return (await this.load(id))?.area ?? null;
  }

  async load(id: string): Promise<LoadedArea | null> {
    const doc = await this.areas.collection.findOne({ _id: id as never }, { projection: ROW_PROJECTION });
    return doc
      ? {
          area: AreaMapper.toDomain(doc as unknown as AreaRow),
          version: (doc.version as number | undefined) ?? 0,
        }
      : null;
  }

  async insert(area: Area, events: OutboxEntry[]): Promise<void> {
    try {
      const now = new Date();
      await this.outbox.insert(
        this.areas,
        { ...AreaMapper.toPersistence(area), version: 0, createdAt: now, updatedAt: now },
        events,
      );
    } catch (error) {
      if ((error as { code?: number }).code === 11000) {
        throw new ConflictError('AREA_EXISTS', `area ${area.id} already exists`, [
          { field: 'code', message: 'already used' },
        ]);
      }
      throw error;
    }
  }

  async update(area: Area, version: number, events: OutboxEntry[]): Promise<void> {
    await this.conditionalSave(area, version, events, {});
  }

  async move(
    area: Area,
    version: number,
    previousAncestors: string[],
    events: OutboxEntry[],
  ): Promise<number> {
    await this.conditionalSave(area, version, events, {
      repath: { from: previousAncestors, to: area.ancestors },
    });
    return this.repather.repath(area, previousAncestors, area.ancestors, area.lokSabhaId);
  }

  countDescendants(id: string): Promise<number> {
    return this.areas.collection.countDocuments({ ancestors: id });
  }

  async listSubtree(
    rootId: string,
    filter: AreaListFilter,
    afterId: string | undefined,
    limit: number,
  ): Promise<Area[]> {
    const rows = await this.areas.collection
      .find(areaListQuery(rootId, filter, afterId), { projection: ROW_PROJECTION })
      .sort({ _id: 1 })
      .limit(limit)
      .toArray();
    return rows.map((row) => AreaMapper.toDomain(row as unknown as AreaRow));
  }

  async countByLevel(rootId: string): Promise<Partial<Record<AreaLevel, number>>> {
    const groups = await this.areas.collection
      .aggregate<{ _id: AreaLevel; count: number }>(countByLevelPipeline(rootId))
      .toArray();
    return Object.fromEntries(groups.map((g) => [g._id, g.count]));
  }

  private async conditionalSave(
    area: Area,
    version: number,
    events: OutboxEntry[],
    extra: Record<string, unknown>,
  ): Promise<void> {
    const { _id, ...fields } = AreaMapper.toPersistence(area);
    const written = await this.outbox.update(
      this.areas,
      // Documents written before versions existed have none; `null` matches a missing field.
      { _id, version: version === 0 ? { $in: [0, null] } : version },
      { $set: { ...fields, ...extra, version: version + 1 } },
      events,
    );
    if (written === null) {
      throw new ConcurrentChangeError('AREA_CHANGED', `area ${_id} changed meanwhile; reload and retry`, [
        { field: 'id', message: 'concurrent update' },
      ]);
    }
  }
}
