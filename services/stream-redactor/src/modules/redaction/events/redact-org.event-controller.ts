import { Controller } from '@nestjs/common';
import {
  MemberDeactivatedV1,
  MemberJoinedV1,
  MemberReactivatedV1,
  PositionAssignedV1,
  PositionVacatedV1,
  type EventOf,
} from '@sangathan/contracts';
import { OnEvent } from '@sangathan/messaging';
import { AnalystPublisher } from '../application/analyst-publisher';
import { Pseudonymiser } from '../domain/pseudonymiser';
import {
  redactMemberDeactivated,
  redactMemberJoined,
  redactMemberReactivated,
  redactPositionAssigned,
  redactPositionVacated,
} from '../domain/redact-member-events';

/** org's member events, for analysts. Member updates are not forwarded: what changes is names and phones. */
@Controller()
export class RedactOrgEventController {
  constructor(
    private readonly publisher: AnalystPublisher,
    private readonly pseudonyms: Pseudonymiser,
  ) {}

  @OnEvent(MemberJoinedV1)
  async onMemberJoined(event: EventOf<typeof MemberJoinedV1>): Promise<void> {
    await this.publisher.publish(event, redactMemberJoined(event, this.pseudonyms));
  }

  @OnEvent(MemberDeactivatedV1)
  async onMemberDeactivated(event: EventOf<typeof MemberDeactivatedV1>): Promise<void> {
    await this.publisher.publish(event, redactMemberDeactivated(event, this.pseudonyms));
  }

  @OnEvent(MemberReactivatedV1)
  async onMemberReactivated(event: EventOf<typeof MemberReactivatedV1>): Promise<void> {
    await this.publisher.publish(event, redactMemberReactivated(event, this.pseudonyms));
  }

  @OnEvent(PositionAssignedV1)
  async onPositionAssigned(event: EventOf<typeof PositionAssignedV1>): Promise<void> {
    await this.publisher.publish(event, redactPositionAssigned(event, this.pseudonyms));
  }

  @OnEvent(PositionVacatedV1)
  async onPositionVacated(event: EventOf<typeof PositionVacatedV1>): Promise<void> {
    await this.publisher.publish(event, redactPositionVacated(event, this.pseudonyms));
  }
}
