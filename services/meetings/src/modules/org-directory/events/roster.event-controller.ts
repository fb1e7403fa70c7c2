import { Controller, Inject } from '@nestjs/common';
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
import { OnEvent } from '@sangathan/messaging';
import { ROSTER, type HeldPosition, type RosterPort } from '../application/ports/roster.port';

/**
 * Keeps the org-directory's members from org.member.events: who belongs to which area (attendance checks) and
 * who holds which position (quota counting). Events of one member share a partition (key = memberId), so they
 * arrive in order; each write applies only if its event is newer than the last one applied, so a redelivered
 * or replayed event changes nothing.
 */
@Controller()
export class RosterEventController {
  constructor(@Inject(ROSTER) private readonly roster: RosterPort) {}

  @OnEvent(MemberJoinedV1)
  async onMemberJoined(event: EventOf<typeof MemberJoinedV1>): Promise<void> {
    await this.applyMember(event);
  }

  @OnEvent(MemberUpdatedV1)
  async onMemberUpdated(event: EventOf<typeof MemberUpdatedV1>): Promise<void> {
    await this.applyMember(event);
  }

  @OnEvent(MemberDeactivatedV1)
  async onMemberDeactivated(event: EventOf<typeof MemberDeactivatedV1>): Promise<void> {
    await this.applyMember(event);
  }

  @OnEvent(MemberReactivatedV1)
  async onMemberReactivated(event: EventOf<typeof MemberReactivatedV1>): Promise<void> {
    await this.applyMember(event);
  }

  @OnEvent(PositionAssignedV1)
  async onPositionAssigned(event: EventOf<typeof PositionAssignedV1>): Promise<void> {
    const p = event.payload;
    await this.applyPositions(event, (others) => [
      ...others,
      { positionId: p.positionId, type: p.type, areaId: p.areaId, ancestors: p.ancestors, since: p.since },
    ]);
  }

  @OnEvent(PositionVacatedV1)
  async onPositionVacated(event: EventOf<typeof PositionVacatedV1>): Promise<void> {
    await this.applyPositions(event, (others) => others);
  }

  private async applyMember(event: EventEnvelope<MemberSnapshot>): Promise<void> {
    const member = event.payload;
    await this.roster.applyMember(member.memberId, event.eventId, {
      name: member.name,
      areaId: member.areaId,
      ancestors: member.ancestors,
      status: member.status,
    });
  }

  /** `change` gets the member's other positions (all but this event's) and returns the positions after it. */
  private async applyPositions(
    event: EventEnvelope<{ memberId: string; positionId: string }>,
    change: (others: HeldPosition[]) => HeldPosition[],
  ): Promise<void> {
    const { memberId, positionId } = event.payload;
    const current = await this.roster.positionsOf(memberId);
    if (current && current.lastEventId >= event.eventId) return;
    const others = (current?.positions ?? []).filter((held) => held.positionId !== positionId);
    await this.roster.applyPositions(memberId, event.eventId, change(others));
  }
}
