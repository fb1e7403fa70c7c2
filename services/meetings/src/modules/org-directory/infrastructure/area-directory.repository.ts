import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { repathDescendants, upsertIfNewer } from '@sangathan/persistence';
import type { Model } from 'mongoose';
import type { AreaDirectoryPort, AreaFields, KnownArea } from '../application/ports/area-directory.port';
import { AreaGeo } from '../domain/area-geo.value-object';
import { KnownAreaDocument } from './known-area.schema';

const toKnownArea = (doc: KnownAreaDocument): KnownArea => ({
  id: doc._id,
  level: doc.level,
  parentId: doc.parentId,
  ancestors: doc.ancestors ?? [],
  nameEn: doc.nameEn,
  nameHi: doc.nameHi,
  geo: doc.geo ? AreaGeo.of(doc.geo) : null,
});

@Injectable()
export class AreaDirectoryRepository implements AreaDirectoryPort {
  constructor(@InjectModel(KnownAreaDocument.name) private readonly areas: Model<KnownAreaDocument>) {}

  async findById(id: string): Promise<KnownArea | null> {
    const doc = await this.areas.findById(id.trim().toUpperCase()).lean<KnownAreaDocument>().exec();
    return doc ? toKnownArea(doc) : null;
  }

  async findMany(ids: readonly string[]): Promise<Map<string, KnownArea>> {
    const unique = [...new Set(ids.map((id) => id.trim().toUpperCase()))];
    if (unique.length === 0) return new Map();
    // The driver directly (no mongoose query): this read is on the path of every request that names attendees.
    const docs = await this.areas.collection
      .find<KnownAreaDocument>({ _id: { $in: unique } } as never)
      .toArray();
    return new Map(docs.map((doc) => [doc._id, toKnownArea(doc)]));
  }

  async geoFor(area: KnownArea): Promise<{ geo: AreaGeo; fromAreaId: string } | null> {
    if (area.geo) return { geo: area.geo, fromAreaId: area.id };
    if (area.ancestors.length === 0) return null;
    const docs = await this.areas
      .find({ _id: { $in: area.ancestors }, geo: { $ne: null } }, { geo: 1 })
      .lean<Pick<KnownAreaDocument, '_id' | 'geo'>[]>()
      .exec();
    const byId = new Map(docs.filter((d) => d.geo).map((d) => [d._id, d.geo!]));
    for (const id of [...area.ancestors].reverse()) {
      const geo = byId.get(id);
      if (geo) return { geo: AreaGeo.of(geo), fromAreaId: id };
    }
    return null;
  }

  async setGeo(id: string, geo: AreaGeo | null): Promise<boolean> {
    const result = await this.areas.updateOne({ _id: id }, { $set: { geo: geo ? geo.props : null } }).exec();
    return result.matchedCount === 1;
  }

  applySnapshot(areaId: string, eventId: string, fields: AreaFields): Promise<boolean> {
    // `geo` is this service's own data: set when the area is first known, never overwritten by org's events.
    return upsertIfNewer(this.areas, areaId, eventId, fields, { geo: null });
  }

  async repathDescendants(
    movedId: string,
    newAncestors: readonly string[],
    previousAncestors: readonly string[],
  ): Promise<void> {
    await repathDescendants(this.areas, movedId, newAncestors, previousAncestors);
  }
}
