import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ConcurrentChangeError, ConflictError } from '@sangathan/kernel';
import { OutboxWriter, type OutboxEntry } from '@sangathan/messaging';
import type { FilterQuery, Model } from 'mongoose';
import type {
  PanelOverviewFilter,
  PanelOverviewRow,
  PanelRepositoryPort,
} from '../application/ports/panel.repository.port';
import type { Panel, PanelStatus } from '../domain/panel.entity';
import { FIELD_CIPHER, type FieldCipher } from './field-cipher';
import { PanelMapper } from './panel.mapper';
import { PanelDocument } from './panel.schema';

const isDuplicateKey = (error: unknown): boolean => (error as { code?: number }).code === 11000;

@Injectable()
export class PanelRepository implements PanelRepositoryPort {
  constructor(
    @InjectModel(PanelDocument.name) private readonly model: Model<PanelDocument>,
    private readonly outbox: OutboxWriter,
    @Inject(FIELD_CIPHER) private readonly cipher: FieldCipher,
  ) {}

  async load(id: string): Promise<{ panel: Panel; version: number } | null> {
    const doc = await this.model.findById(id, { outbox: 0 }).lean<PanelDocument>().exec();
    return doc ? { panel: PanelMapper.toDomain(doc, this.cipher), version: doc.version } : null;
  }

  async findBySeat(cycleId: string, seatId: string): Promise<string | null> {
    const doc = await this.model.findOne({ cycleId, seatId }, { _id: 1 }).lean().exec();
    return doc ? String(doc._id) : null;
  }

  async insert(panel: Panel, events: readonly OutboxEntry[]): Promise<void> {
    try {
      await this.outbox.insert(this.model, PanelMapper.toDocument(panel, this.cipher, 1), events);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      throw new ConflictError(
        'PANEL_EXISTS',
        `seat ${panel.snapshot.seatId} already has a panel for ${panel.snapshot.cycleId}`,
        [{ field: 'seatId', message: 'one panel per seat and cycle' }],
      );
    }
  }

  async save(panel: Panel, version: number, events: readonly OutboxEntry[]): Promise<void> {
    const { _id, ...fields } = PanelMapper.toDocument(panel, this.cipher, version + 1);
    const written = await this.outbox.update(this.model, { _id, version }, { $set: fields }, events);
    if (!written) throw new ConcurrentChangeError('CONCURRENT_CHANGE', `panel ${_id} changed meanwhile`, []);
  }

  async overview(filter: PanelOverviewFilter): Promise<PanelOverviewRow[]> {
    const query: FilterQuery<PanelDocument> = {
      $or: [{ areaId: filter.underAreaId }, { ancestors: filter.underAreaId }],
    };
    if (filter.cycleId) query.cycleId = filter.cycleId;
    if (filter.status) query.status = filter.status;
    if (filter.after) query._id = { $gt: filter.after };
    const docs = await this.model
      .find(query, {
        cycleId: 1,
        seatId: 1,
        seatLevel: 1,
        areaId: 1,
        status: 1,
        deadline: 1,
        submittedAt: 1,
        submittedOnTime: 1,
        returnCount: 1,
        deadlineMissedAt: 1,
      })
      .sort({ _id: 1 })
      .limit(filter.limit)
      .lean<PanelDocument[]>()
      .exec();
    return docs.map((doc) => ({
      panelId: doc._id,
      cycleId: doc.cycleId,
      seatId: doc.seatId,
      seatLevel: doc.seatLevel as PanelOverviewRow['seatLevel'],
      zoneId: doc.areaId,
      status: doc.status as PanelStatus,
      deadline: new Date(doc.deadline),
      submittedAt: doc.submittedAt ? new Date(doc.submittedAt) : null,
      submittedOnTime: doc.submittedOnTime ?? null,
      returnCount: doc.returnCount ?? 0,
      deadlineMissedAt: doc.deadlineMissedAt ? new Date(doc.deadlineMissedAt) : null,
    }));
  }

  async missedDeadlines(now: Date, limit: number): Promise<string[]> {
    const docs = await this.model
      .find(
        {
          deadlineMissedAt: null,
          status: { $in: ['open', 'collecting', 'proposed', 'returned'] },
          deadline: { $lt: now },
        },
        { _id: 1 },
      )
      .limit(limit)
      .lean()
      .exec();
    return docs.map((doc) => String(doc._id));
  }
}
