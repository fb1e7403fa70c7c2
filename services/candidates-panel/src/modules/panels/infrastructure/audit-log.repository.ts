import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FilterQuery, Model } from 'mongoose';
import type { AuditEntry, AuditLogPort, AuditQuery } from '../application/ports/audit-log.port';
import { AuditEntryDocument } from './audit-entry.schema';

/**
 * The append-only audit log: `insertOne` and `find` only. Nothing in this service updates, replaces or deletes
 * an audit entry (test/audit-append-only.spec.ts scans the sources to keep it so).
 */
@Injectable()
export class AuditLogRepository implements AuditLogPort {
  constructor(@InjectModel(AuditEntryDocument.name) private readonly model: Model<AuditEntryDocument>) {}

  async append(entry: AuditEntry): Promise<void> {
    const { id, ...fields } = entry;
    await this.model.collection.insertOne({ _id: id, ...fields } as never);
  }

  async list(query: AuditQuery): Promise<AuditEntry[]> {
    const filter: FilterQuery<AuditEntryDocument> = {};
    if (query.panelId) filter.panelId = query.panelId;
    if (query.actorId) filter.actorId = query.actorId;
    if (query.outcome) filter.outcome = query.outcome;
    if (query.after) filter._id = { $gt: query.after };
    const docs = await this.model
      .find(filter)
      .sort({ _id: 1 })
      .limit(query.limit)
      .lean<AuditEntryDocument[]>()
      .exec();
    return docs.map(({ _id, ...doc }) => ({
      ...doc,
      id: _id,
      at: new Date(doc.at),
      outcome: doc.outcome as AuditEntry['outcome'],
    }));
  }
}
