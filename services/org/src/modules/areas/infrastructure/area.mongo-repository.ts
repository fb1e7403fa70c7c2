import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ConflictError } from '@sangathan/kernel';
import { outboxFieldsForInsert, type OutboxEntry } from '@sangathan/messaging';
import type { Model } from 'mongoose';
import type { Area } from '../domain/area.entity';
import { AreaMapper } from './area.mapper';
import type { AreaRepository } from './area.repository.port';
import { AreaDocument } from './area.schema';

@Injectable()
export class AreaMongoRepository implements AreaRepository {
  constructor(@InjectModel(AreaDocument.name) private readonly areas: Model<AreaDocument>) {}

  async findById(id: string): Promise<Area | null> {
    const doc = await this.areas.findById(id).lean<AreaDocument>().exec();
    return doc ? AreaMapper.toDomain(doc) : null;
  }

  async insert(area: Area, events: OutboxEntry[]): Promise<void> {
    try {
      await this.areas.collection.insertOne({ ...AreaMapper.toPersistence(area), ...outboxFieldsForInsert(events), createdAt: new Date(), updatedAt: new Date() } as never);
    } catch (error) {
      if ((error as { code?: number }).code === 11000) {
        throw new ConflictError('AREA_EXISTS', `area ${area.id} already exists`, [{ field: 'code', message: 'already used' }]);
      }
      throw error;
    }
  }
}
