import { Inject, Injectable } from '@nestjs/common';
import { MeetingHeldV1, MeetingRescheduledV1, type EventEnvelope } from '@sangathan/contracts';
import type { IntegrationEventHandler } from '@sangathan/messaging';
import { MEETING_REPOSITORY, type MeetingRepository } from '../infrastructure/meeting.repository.port';
import { PhotoReverifier } from '../photo-reverifier';

/**
 * Makes the photo re-check after a held or rescheduled write durable. The request re-judges the
 * meeting's photos right after its write, but a crash in between would leave them judged against the
 * old window. The write's own event (in the same single-document write, via the outbox) is the
 * durable marker: when it comes back from the broker, the photos are judged again against the
 * meeting's current window. Usually nothing changes (the request did it) and nothing is written; a
 * redelivery is as harmless. A held event that counted no photos needs nothing.
 */
@Injectable()
export class PhotoRecheckConsumer implements IntegrationEventHandler {
  readonly subscribesTo = [MeetingHeldV1, MeetingRescheduledV1];

  constructor(
    @Inject(MEETING_REPOSITORY) private readonly meetings: MeetingRepository,
    private readonly reverifier: PhotoReverifier,
  ) {}

  async handle(event: EventEnvelope): Promise<void> {
    const payload = event.payload as { meetingId: string; photoCount?: number };
    if (event.type === MeetingHeldV1.type && payload.photoCount === 0) return;
    const meeting = await this.meetings.findById(payload.meetingId);
    if (meeting)
      await this.reverifier.recheck(meeting, { actorId: event.actorId, correlationId: event.correlationId });
  }
}
