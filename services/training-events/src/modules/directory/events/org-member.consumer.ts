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
  type MemberSnapshot,
  type PayloadOf,
} from '@sangathan/contracts';
import type { IntegrationEventHandler } from '@sangathan/messaging';
import type { Model } from 'mongoose';
import { KnownMemberDocument, KnownPositionDocument } from '../infrastructure/directory.schemas';
import { upsertIfNewer } from '../infrastructure/upsert-if-newer';

type Assigned = PayloadOf<typeof PositionAssignedV1>;
type Vacated = PayloadOf<typeof PositionVacatedV1>;

/**
 * Keeps the local roster training invites from: members (name, status) and who holds each
 * position. Vacating and assigning a position come keyed by different members (possibly different
 * partitions), so each write is guarded by event time: an older event never overwrites a newer one.
 */
@Injectable()
export class OrgMemberConsumer implements IntegrationEventHandler {
  readonly subscribesTo = [
    MemberJoinedV1,
    MemberUpdatedV1,
    MemberDeactivatedV1,
    MemberReactivatedV1,
    PositionAssignedV1,
    PositionVacatedV1,
  ];

  constructor(
    @InjectModel(KnownMemberDocument.name) private readonly members: Model<KnownMemberDocument>,
    @InjectModel(KnownPositionDocument.name) private readonly positions: Model<KnownPositionDocument>,
  ) {}

  async handle(event: EventEnvelope): Promise<void> {
    switch (event.type) {
      case PositionAssignedV1.type: {
        const p = event.payload as Assigned;
        await upsertIfNewer(this.positions, p.positionId, event.eventId, {
          type: p.type,
          areaId: p.areaId,
          ancestors: p.ancestors,
          memberId: p.memberId,
        });
        return;
      }
      case PositionVacatedV1.type: {
        const p = event.payload as Vacated;
        // Vacant, unless a newer assignment (to the successor) was applied already.
        await upsertIfNewer(this.positions, p.positionId, event.eventId, {
          type: p.type,
          areaId: p.areaId,
          ancestors: p.ancestors,
          memberId: null,
        });
        return;
      }
      default: {
        const m = event.payload as MemberSnapshot;
        await upsertIfNewer(this.members, m.memberId, event.eventId, {
          name: m.name,
          nameAlt: m.nameAlt,
          status: m.status,
          areaId: m.areaId,
          ancestors: m.ancestors,
        });
      }
    }
  }
}
