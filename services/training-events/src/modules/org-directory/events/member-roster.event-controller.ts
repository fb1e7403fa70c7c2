import { Controller, Inject } from '@nestjs/common';
import {
  MemberDeactivatedV1,
  MemberJoinedV1,
  MemberReactivatedV1,
  MemberUpdatedV1,
  PositionAssignedV1,
  PositionVacatedV1,
  type EventOf,
  type MemberSnapshot,
} from '@sangathan/contracts';
import { OnEvent } from '@sangathan/messaging';
import { ORG_DIRECTORY, type OrgDirectoryPort } from '../application/ports/org-directory.port';

/**
 * Keeps the local roster training invites from: members (name, status) and who holds each
 * position. Vacating and assigning a position come keyed by different members (possibly different
 * partitions), so each write is guarded by event time: an older event never overwrites a newer one.
 */
@Controller()
export class MemberRosterEventController {
  constructor(@Inject(ORG_DIRECTORY) private readonly directory: OrgDirectoryPort) {}

  @OnEvent(PositionAssignedV1)
  async onPositionAssigned(event: EventOf<typeof PositionAssignedV1>): Promise<void> {
    const p = event.payload;
    await this.directory.applyPosition(p.positionId, event.eventId, {
      type: p.type,
      areaId: p.areaId,
      ancestors: p.ancestors,
      memberId: p.memberId,
    });
  }

  @OnEvent(PositionVacatedV1)
  async onPositionVacated(event: EventOf<typeof PositionVacatedV1>): Promise<void> {
    const p = event.payload;
    // Vacant, unless a newer assignment (to the successor) was applied already.
    await this.directory.applyPosition(p.positionId, event.eventId, {
      type: p.type,
      areaId: p.areaId,
      ancestors: p.ancestors,
      memberId: null,
    });
  }

  @OnEvent(MemberJoinedV1)
  async onMemberJoined(event: EventOf<typeof MemberJoinedV1>): Promise<void> {
    await this.applyMember(event.eventId, event.payload);
  }

  @OnEvent(MemberUpdatedV1)
  async onMemberUpdated(event: EventOf<typeof MemberUpdatedV1>): Promise<void> {
    await this.applyMember(event.eventId, event.payload);
  }

  @OnEvent(MemberDeactivatedV1)
  async onMemberDeactivated(event: EventOf<typeof MemberDeactivatedV1>): Promise<void> {
    await this.applyMember(event.eventId, event.payload);
  }

  @OnEvent(MemberReactivatedV1)
  async onMemberReactivated(event: EventOf<typeof MemberReactivatedV1>): Promise<void> {
    await this.applyMember(event.eventId, event.payload);
  }

  private async applyMember(eventId: string, m: MemberSnapshot): Promise<void> {
    await this.directory.applyMember(m.memberId, eventId, {
      name: m.name,
      nameAlt: m.nameAlt,
      status: m.status,
      areaId: m.areaId,
      ancestors: m.ancestors,
    });
  }
}
