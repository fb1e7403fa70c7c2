import { Controller, Inject } from '@nestjs/common';
import { MeetingHeldV1, MeetingRescheduledV1, type EventEnvelope, type EventOf } from '@sangathan/contracts';
import { OnEvent } from '@sangathan/messaging';
import { PhotoReverifier } from '../application/photo-reverifier';
import { MEETING_REPOSITORY, type MeetingRepositoryPort } from '../application/ports/meeting.repository.port';

/**
 * Makes the photo re-check after a held or rescheduled write durable. The request re-judges the
 * meeting's photos right after its write, but a crash in between would leave them judged against the
 * old window. The write's own event (in the same single-document write, via the outbox) is the
 * durable marker: when it comes back from the broker, the photos are judged again against the
 * meeting's current window. Usually nothing changes (the request did it) and nothing is written; a
 * redelivery is as harmless. A held event that counted no photos needs nothing.
 */
@Controller()
export class PhotoRecheckEventController {
  constructor(
    @Inject(MEETING_REPOSITORY) private readonly meetings: MeetingRepositoryPort,
    private readonly reverifier: PhotoReverifier,
  ) {}

  @OnEvent(MeetingHeldV1)
  async onMeetingHeld(event: EventOf<typeof MeetingHeldV1>): Promise<void> {
    if (event.payload.photoCount === 0) return;
    await this.recheck(event);
  }

  @OnEvent(MeetingRescheduledV1)
  async onMeetingRescheduled(event: EventOf<typeof MeetingRescheduledV1>): Promise<void> {
    await this.recheck(event);
  }

  private async recheck(event: EventEnvelope<{ meetingId: string }>): Promise<void> {
    const meeting = await this.meetings.findById(event.payload.meetingId);
    if (meeting)
      await this.reverifier.recheck(meeting, { actorId: event.actorId, correlationId: event.correlationId });
  }
}
