import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ConflictError, decodeCursor, encodeCursor, ValidationError, type Page } from '@sangathan/kernel';
import { OutboxWriter, type OutboxEntry } from '@sangathan/messaging';
import type { FilterQuery, Model } from 'mongoose';
import type {
  HeldMeetingRow,
  MeetingListFilter,
  MeetingRepositoryPort,
  MeetingSummary,
} from '../application/ports/meeting.repository.port';
import type { Meeting } from '../domain/meeting.entity';
import { MeetingMapper, namedCountOf } from './meeting.mapper';
import { MeetingDocument } from './meeting.schema';
import { PhotoDocument } from './photo.schema';

const SUMMARY_FIELDS = {
  kind: 1,
  title: 1,
  areaId: 1,
  organiserId: 1,
  status: 1,
  scheduledStart: 1,
  scheduledEnd: 1,
  day: 1,
  headcount: 1,
  attendance: 1,
  attendees: 1,
  linkedAreas: 1,
} as const;

@Injectable()
export class MeetingRepository implements MeetingRepositoryPort {
  constructor(
    @InjectModel(MeetingDocument.name) private readonly meetings: Model<MeetingDocument>,
    @InjectModel(PhotoDocument.name) private readonly photos: Model<PhotoDocument>,
    private readonly outbox: OutboxWriter,
  ) {}

  async findById(id: string): Promise<Meeting | null> {
    // The driver directly (no mongoose query): this read is on every write's path; the outbox stays in the database.
    const doc = await this.meetings.collection.findOne<MeetingDocument>({ _id: id } as never, {
      projection: { outbox: 0 },
    });
    if (!doc) return null;
    // Stored before meetings listed their photos: find them once (the next save stores the list).
    doc.photoIds ??= (
      await this.photos.find({ meetingId: id }, { _id: 1 }).lean<{ _id: string }[]>().exec()
    ).map((p) => p._id);
    return MeetingMapper.toDomain(doc);
  }

  async versionOf(id: string): Promise<number | null> {
    const doc = await this.meetings
      .findById(id, { version: 1 })
      .lean<Pick<MeetingDocument, 'version'>>()
      .exec();
    return doc ? doc.version : null;
  }

  async insert(meeting: Meeting, events: OutboxEntry[]): Promise<void> {
    try {
      const { set } = MeetingMapper.toStorage(MeetingMapper.toPersistence(meeting, new Date()));
      await this.outbox.insert(this.meetings, { ...set, _id: meeting.id }, events);
    } catch (error) {
      if ((error as { code?: number }).code === 11000)
        throw new ConflictError('MEETING_EXISTS', `meeting ${meeting.id} already exists`, [
          { field: 'id', message: 'taken' },
        ]);
      throw error;
    }
  }

  async save(meeting: Meeting, events: OutboxEntry[]): Promise<boolean> {
    const { _id, version, ...state } = MeetingMapper.toPersistence(meeting, new Date());
    const { set, unset } = MeetingMapper.toStorage(state);
    // One conditional single-document write: it lands only if nobody saved a newer version since
    // this one was read.
    const written = await this.outbox.update(
      this.meetings,
      { _id, version },
      { $set: { ...set, version: version + 1 }, $unset: unset },
      events,
    );
    return written !== null;
  }

  async list(
    filter: MeetingListFilter,
    page: { cursor?: string; limit: number; order: 'asc' | 'desc' },
  ): Promise<Page<MeetingSummary>> {
    const and: FilterQuery<MeetingDocument>[] = [filter.scope as FilterQuery<MeetingDocument>];
    if (filter.areaId) and.push({ scopeKeys: filter.areaId });
    if (filter.from || filter.to) {
      and.push({
        scheduledStart: {
          ...(filter.from ? { $gte: filter.from } : {}),
          ...(filter.to ? { $lt: filter.to } : {}),
        },
      });
    }
    if (filter.kinds?.length) and.push({ kind: { $in: filter.kinds } });
    if (filter.statuses?.length) and.push({ status: { $in: filter.statuses } });
    if (filter.organiserId) and.push({ organiserId: filter.organiserId });
    const dir = page.order === 'asc' ? 1 : -1;
    if (page.cursor) {
      const cursor = decodeCursor(page.cursor);
      if (
        typeof cursor.s !== 'string' ||
        typeof cursor.id !== 'string' ||
        Number.isNaN(new Date(cursor.s).getTime())
      ) {
        throw new ValidationError('INVALID_CURSOR', 'cursor is not one this API issued', [
          { field: 'cursor', message: 'malformed cursor' },
        ]);
      }
      const at = new Date(cursor.s);
      const cmp = dir === 1 ? '$gt' : '$lt';
      and.push({
        $or: [{ scheduledStart: { [cmp]: at } }, { scheduledStart: at, _id: { [cmp]: cursor.id } }],
      });
    }
    const docs = await this.meetings
      .find({ $and: and }, SUMMARY_FIELDS)
      .sort({ scheduledStart: dir, _id: dir })
      .limit(page.limit + 1)
      .lean<MeetingDocument[]>()
      .exec();
    const items = docs.slice(0, page.limit).map(toSummary);
    const last = docs.length > page.limit ? docs[page.limit - 1] : null;
    return {
      items,
      nextCursor: last ? encodeCursor({ s: last.scheduledStart.toISOString(), id: last._id }) : null,
    };
  }

  async heldBy(organiserIds: string[], fromDay: string, toDay: string): Promise<HeldMeetingRow[]> {
    if (organiserIds.length === 0) return [];
    const docs = await this.meetings
      .find(
        { organiserId: { $in: organiserIds }, status: 'held', day: { $gte: fromDay, $lte: toDay } },
        { organiserId: 1, day: 1, kind: 1 },
      )
      .lean<Pick<MeetingDocument, '_id' | 'organiserId' | 'day' | 'kind'>[]>()
      .exec();
    return docs.map((d) => ({ id: d._id, organiserId: d.organiserId, day: d.day, kind: d.kind }));
  }
}

function toSummary(doc: MeetingDocument): MeetingSummary {
  return {
    id: doc._id,
    kind: doc.kind,
    title: doc.title,
    areaId: doc.areaId,
    organiserId: doc.organiserId,
    status: doc.status,
    scheduledStart: doc.scheduledStart.toISOString(),
    scheduledEnd: doc.scheduledEnd.toISOString(),
    day: doc.day,
    namedCount: namedCountOf(doc),
    headcount: (doc.headcount ?? 0) + (doc.linkedAreas ?? []).reduce((sum, l) => sum + l.headcount, 0),
    linkedAreaIds: (doc.linkedAreas ?? []).map((l) => l.areaId),
  };
}
