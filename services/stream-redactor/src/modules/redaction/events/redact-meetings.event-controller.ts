import { Controller } from '@nestjs/common';
import {
  MeetingAttendanceRecordedV1,
  MeetingCancelledV1,
  MeetingHeldV1,
  MeetingScheduledV1,
  QuotaMissedV1,
  type EventOf,
} from '@sangathan/contracts';
import { OnEvent } from '@sangathan/messaging';
import { AnalystPublisher } from '../application/analyst-publisher';
import { Pseudonymiser } from '../domain/pseudonymiser';
import {
  redactMeetingAttendanceRecorded,
  redactMeetingCancelled,
  redactMeetingHeld,
  redactMeetingScheduled,
  redactQuotaMissed,
} from '../domain/redact-meeting-events';

/** meetings' events, for analysts (photos are not forwarded: their uploader and hashes are the point of them). */
@Controller()
export class RedactMeetingsEventController {
  constructor(
    private readonly publisher: AnalystPublisher,
    private readonly pseudonyms: Pseudonymiser,
  ) {}

  @OnEvent(MeetingScheduledV1)
  async onScheduled(event: EventOf<typeof MeetingScheduledV1>): Promise<void> {
    await this.publisher.publish(event, redactMeetingScheduled(event, this.pseudonyms));
  }

  @OnEvent(MeetingCancelledV1)
  async onCancelled(event: EventOf<typeof MeetingCancelledV1>): Promise<void> {
    await this.publisher.publish(event, redactMeetingCancelled(event, this.pseudonyms));
  }

  @OnEvent(MeetingHeldV1)
  async onHeld(event: EventOf<typeof MeetingHeldV1>): Promise<void> {
    await this.publisher.publish(event, redactMeetingHeld(event, this.pseudonyms));
  }

  @OnEvent(MeetingAttendanceRecordedV1)
  async onAttendanceRecorded(event: EventOf<typeof MeetingAttendanceRecordedV1>): Promise<void> {
    await this.publisher.publish(event, redactMeetingAttendanceRecorded(event, this.pseudonyms));
  }

  @OnEvent(QuotaMissedV1)
  async onQuotaMissed(event: EventOf<typeof QuotaMissedV1>): Promise<void> {
    await this.publisher.publish(event, redactQuotaMissed(event, this.pseudonyms));
  }
}
