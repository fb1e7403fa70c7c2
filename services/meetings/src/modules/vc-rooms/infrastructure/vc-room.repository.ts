import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type {
  RoomRegistration,
  VcRoomList,
  VcRoomRepositoryPort,
  VcRoomView,
} from '../application/ports/vc-room.repository.port';
import type { VcRoomStatus } from '../domain/vc-room-status';
import { VcRoomDocument } from './vc-room.schema';

const toView = (d: VcRoomDocument): VcRoomView => ({
  id: d._id,
  areaId: d.areaId,
  ancestors: d.ancestors,
  name: d.name,
  status: d.status,
  connectedAt: d.connectedAt ? new Date(d.connectedAt).toISOString() : null,
  note: d.note,
});

@Injectable()
export class VcRoomRepository implements VcRoomRepositoryPort {
  constructor(@InjectModel(VcRoomDocument.name) private readonly rooms: Model<VcRoomDocument>) {}

  async byAreas(areaIds: readonly string[]): Promise<Map<string, VcRoomView>> {
    if (areaIds.length === 0) return new Map();
    const docs = await this.rooms
      .find({ areaId: { $in: [...areaIds] } })
      .lean<VcRoomDocument[]>()
      .exec();
    return new Map(docs.map((d) => [d.areaId, toView(d)]));
  }

  async upsert(room: RoomRegistration): Promise<VcRoomView> {
    const existing = await this.rooms.findById(room.areaId).lean<VcRoomDocument>().exec();
    const connectedAt =
      room.status === 'connected' ? (existing?.connectedAt ?? new Date()) : (existing?.connectedAt ?? null);
    const doc = await this.rooms
      .findOneAndUpdate(
        { _id: room.areaId },
        {
          $set: {
            areaId: room.areaId,
            ancestors: room.ancestors,
            name: room.name,
            status: room.status,
            note: room.note,
            connectedAt,
          },
        },
        { upsert: true, new: true },
      )
      .lean<VcRoomDocument>()
      .exec();
    return toView(doc!);
  }

  async list(
    scope: Record<string, unknown>,
    areaId: string | undefined,
    status: VcRoomStatus | undefined,
  ): Promise<VcRoomList> {
    const and: Record<string, unknown>[] = [scope];
    if (areaId) and.push({ $or: [{ areaId }, { ancestors: areaId }] });
    const docs = await this.rooms.find({ $and: and }).sort({ _id: 1 }).lean<VcRoomDocument[]>().exec();
    const summary = { total: docs.length, planned: 0, connected: 0, 'out-of-service': 0 } as Record<
      string,
      number
    >;
    for (const d of docs) summary[d.status] = (summary[d.status] ?? 0) + 1;
    return { summary, items: docs.filter((d) => !status || d.status === status).map(toView) };
  }
}
