import { Controller, Inject } from '@nestjs/common';
import {
  AreaCreatedV1,
  AreaMovedV1,
  AreaReclassifiedV1,
  AreaUpdatedV1,
  MemberDeactivatedV1,
  MemberJoinedV1,
  MemberReactivatedV1,
  MemberUpdatedV1,
  PositionAssignedV1,
  PositionVacatedV1,
  type AreaSnapshot,
  type EventOf,
  type MemberSnapshot,
} from '@sangathan/contracts';
import { OnEvent } from '@sangathan/messaging';
import { ORG_DIRECTORY_WRITER, type OrgDirectoryWriterPort } from '../application/ports/org-directory.port';

const area = (payload: AreaSnapshot) => ({
  areaId: payload.areaId,
  level: payload.level,
  parentId: payload.parentId,
  ancestors: payload.ancestors,
  lokSabhaId: payload.lokSabhaId ?? null,
  nameEn: payload.nameEn,
  nameHi: payload.nameHi,
});

const member = (payload: MemberSnapshot) => ({
  memberId: payload.memberId,
  name: payload.name,
  status: payload.status,
  areaId: payload.areaId,
  ancestors: payload.ancestors,
});

/** Keeps `org-directory` (areas, members, positions) current from org's events; every write is event-guarded. */
@Controller()
export class OrgDirectoryEventController {
  constructor(@Inject(ORG_DIRECTORY_WRITER) private readonly directory: OrgDirectoryWriterPort) {}

  @OnEvent(AreaCreatedV1)
  async onAreaCreated(event: EventOf<typeof AreaCreatedV1>): Promise<void> {
    await this.directory.applyArea(event.eventId, area(event.payload));
  }

  @OnEvent(AreaUpdatedV1)
  async onAreaUpdated(event: EventOf<typeof AreaUpdatedV1>): Promise<void> {
    await this.directory.applyArea(event.eventId, area(event.payload));
  }

  @OnEvent(AreaReclassifiedV1)
  async onAreaReclassified(event: EventOf<typeof AreaReclassifiedV1>): Promise<void> {
    await this.directory.applyArea(event.eventId, area(event.payload));
  }

  @OnEvent(AreaMovedV1)
  async onAreaMoved(event: EventOf<typeof AreaMovedV1>): Promise<void> {
    await this.directory.applyAreaMove(event.eventId, area(event.payload), event.payload.previousAncestors);
  }

  @OnEvent(MemberJoinedV1)
  async onMemberJoined(event: EventOf<typeof MemberJoinedV1>): Promise<void> {
    await this.directory.applyMember(event.eventId, member(event.payload));
  }

  @OnEvent(MemberUpdatedV1)
  async onMemberUpdated(event: EventOf<typeof MemberUpdatedV1>): Promise<void> {
    await this.directory.applyMember(event.eventId, member(event.payload));
  }

  @OnEvent(MemberDeactivatedV1)
  async onMemberDeactivated(event: EventOf<typeof MemberDeactivatedV1>): Promise<void> {
    await this.directory.applyMember(event.eventId, member(event.payload));
  }

  @OnEvent(MemberReactivatedV1)
  async onMemberReactivated(event: EventOf<typeof MemberReactivatedV1>): Promise<void> {
    await this.directory.applyMember(event.eventId, member(event.payload));
  }

  @OnEvent(PositionAssignedV1)
  async onPositionAssigned(event: EventOf<typeof PositionAssignedV1>): Promise<void> {
    const { positionId, type, areaId, memberId } = event.payload;
    await this.directory.applyPosition(event.eventId, { positionId, type, areaId, memberId });
  }

  @OnEvent(PositionVacatedV1)
  async onPositionVacated(event: EventOf<typeof PositionVacatedV1>): Promise<void> {
    const { positionId, type, areaId } = event.payload;
    await this.directory.applyPosition(event.eventId, { positionId, type, areaId, memberId: null });
  }
}
