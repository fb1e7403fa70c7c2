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
import {
  ORG_DIRECTORY_WRITER_PORT,
  type OrgDirectoryWriterPort,
} from '../application/ports/org-directory-writer.port';

const area = (a: AreaSnapshot) => ({
  areaId: a.areaId,
  level: a.level,
  ancestors: a.ancestors,
  nameEn: a.nameEn,
  nameHi: a.nameHi,
});
const member = (m: MemberSnapshot) => ({
  memberId: m.memberId,
  name: m.name,
  nameAlt: m.nameAlt,
  status: m.status,
  areaId: m.areaId,
  ancestors: m.ancestors,
});

/**
 * Keeps org-directory: areas (names, ancestors), members (name, status) and position holders. Each write
 * applies only if its event is newer than the last one applied to that document, so redelivery and
 * out-of-order partitions are harmless.
 */
@Controller()
export class OrgDirectoryEventController {
  constructor(@Inject(ORG_DIRECTORY_WRITER_PORT) private readonly directory: OrgDirectoryWriterPort) {}

  @OnEvent(AreaCreatedV1)
  async onAreaCreated(event: EventOf<typeof AreaCreatedV1>): Promise<void> {
    await this.directory.upsertArea(event.eventId, area(event.payload));
  }

  @OnEvent(AreaUpdatedV1)
  async onAreaUpdated(event: EventOf<typeof AreaUpdatedV1>): Promise<void> {
    await this.directory.upsertArea(event.eventId, area(event.payload));
  }

  @OnEvent(AreaReclassifiedV1)
  async onAreaReclassified(event: EventOf<typeof AreaReclassifiedV1>): Promise<void> {
    await this.directory.upsertArea(event.eventId, area(event.payload));
  }

  @OnEvent(AreaMovedV1)
  async onAreaMoved(event: EventOf<typeof AreaMovedV1>): Promise<void> {
    await this.directory.moveArea(event.eventId, area(event.payload));
  }

  @OnEvent(MemberJoinedV1)
  async onMemberJoined(event: EventOf<typeof MemberJoinedV1>): Promise<void> {
    await this.directory.upsertMember(event.eventId, member(event.payload));
  }

  @OnEvent(MemberUpdatedV1)
  async onMemberUpdated(event: EventOf<typeof MemberUpdatedV1>): Promise<void> {
    await this.directory.upsertMember(event.eventId, member(event.payload));
  }

  @OnEvent(MemberDeactivatedV1)
  async onMemberDeactivated(event: EventOf<typeof MemberDeactivatedV1>): Promise<void> {
    await this.directory.upsertMember(event.eventId, member(event.payload));
  }

  @OnEvent(MemberReactivatedV1)
  async onMemberReactivated(event: EventOf<typeof MemberReactivatedV1>): Promise<void> {
    await this.directory.upsertMember(event.eventId, member(event.payload));
  }

  @OnEvent(PositionAssignedV1)
  async onPositionAssigned(event: EventOf<typeof PositionAssignedV1>): Promise<void> {
    const p = event.payload;
    await this.directory.upsertPosition(event.eventId, {
      positionId: p.positionId,
      type: p.type,
      areaId: p.areaId,
      ancestors: p.ancestors,
      memberId: p.memberId,
    });
  }

  @OnEvent(PositionVacatedV1)
  async onPositionVacated(event: EventOf<typeof PositionVacatedV1>): Promise<void> {
    const p = event.payload;
    // Vacant, unless the successor's newer assignment was applied already (the guard keeps it).
    await this.directory.upsertPosition(event.eventId, {
      positionId: p.positionId,
      type: p.type,
      areaId: p.areaId,
      ancestors: p.ancestors,
      memberId: null,
    });
  }
}
