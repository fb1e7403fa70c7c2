import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import {
  MemberDeactivatedV1,
  MemberJoinedV1,
  MemberReactivatedV1,
  MemberUpdatedV1,
  PositionAssignedV1,
  PositionVacatedV1,
  type EventEnvelope,
  type EventOf,
  type MemberSnapshot,
} from '@sangathan/contracts';
import type { IntegrationEventHandler } from '@sangathan/messaging';
import type { Model } from 'mongoose';
import { KnownMemberDocument, type HeldPosition } from '../infrastructure/known-member.schema';

type PositionEvent = EventOf<typeof PositionAssignedV1> | EventOf<typeof PositionVacatedV1>;

/**
 * Keeps the roster from org.member.events: who belongs to which area (attendance checks) and who
 * holds which position (quota counting). Events of one member share a partition (key = memberId),
 * so they arrive in order; each write is conditional on `lastEventId` being older, so a redelivered
 * or replayed event changes nothing.
 */
@Injectable()
export class RosterConsumer implements IntegrationEventHandler {
  readonly subscribesTo = [
    MemberJoinedV1,
    MemberUpdatedV1,
    MemberDeactivatedV1,
    MemberReactivatedV1,
    PositionAssignedV1,
    PositionVacatedV1,
  ];

  constructor(@InjectModel(KnownMemberDocument.name) private readonly members: Model<KnownMemberDocument>) {}

  async handle(event: EventEnvelope): Promise<void> {
    if (event.type === PositionAssignedV1.type || event.type === PositionVacatedV1.type)
      return this.applyPosition(event as PositionEvent);
    const member = event.payload as MemberSnapshot;
    await this.apply(member.memberId, event.eventId, {
      name: member.name,
      areaId: member.areaId,
      ancestors: member.ancestors,
      status: member.status,
    });
  }

  private async applyPosition(event: PositionEvent): Promise<void> {
    const p = event.payload;
    const doc = await this.members.findById(p.memberId).lean<KnownMemberDocument>().exec();
    if (doc && doc.seen?.[0] && doc.seen[0] >= event.eventId) return;
    const others = (doc?.positions ?? []).filter((held) => held.positionId !== p.positionId);
    const positions: HeldPosition[] =
      event.type === PositionAssignedV1.type
        ? [
            ...others,
            {
              positionId: p.positionId,
              type: p.type,
              areaId: p.areaId,
              ancestors: p.ancestors,
              since: (p as { since: string }).since,
            },
          ]
        : others;
    await this.apply(p.memberId, event.eventId, {
      positions,
      positionTypes: [...new Set(positions.map((x) => x.type))],
      positionScopeKeys: [...new Set(positions.flatMap((x) => [x.areaId, ...x.ancestors]))],
    });
  }

  /** Applies `fields` if this event is newer than the last one applied (`seen[0]` holds its id). */
  private async apply(
    memberId: string,
    eventId: string,
    fields: Partial<KnownMemberDocument>,
  ): Promise<void> {
    const updated = await this.members
      .updateOne(
        { _id: memberId, $or: [{ 'seen.0': { $lt: eventId } }, { 'seen.0': { $exists: false } }] },
        { $set: { ...fields, seen: [eventId] } },
      )
      .exec();
    if (updated.matchedCount > 0) return;
    await this.members.collection
      .insertOne({
        _id: memberId,
        name: null,
        areaId: null,
        ancestors: [],
        status: 'active',
        positions: [],
        positionTypes: [],
        positionScopeKeys: [],
        ...fields,
        seen: [eventId],
      } as never)
      .catch((error: { code?: number }) => {
        if (error.code !== 11000) throw error;
      });
  }
}
