import {
  createEvent,
  MeetingHeldV1,
  MeetingRescheduledV1,
  type EventDefinition,
  type EventEnvelope,
} from '@sangathan/contracts';
import type { PhotoReverifier } from '../application/photo-reverifier';
import type { MeetingRepositoryPort } from '../application/ports/meeting.repository.port';
import type { Meeting } from '../domain/meeting.entity';
import { PhotoRecheckEventController } from './photo-recheck.event-controller';

const ctx = {
  producer: 'meetings',
  areaId: 'M-1',
  areaPath: ['IN'],
  actorId: 'dp-lko',
  correlationId: 'c-9',
};
const event = <P>(definition: EventDefinition<P>, payload: P): EventEnvelope<P> =>
  createEvent(definition, payload, ctx);
const ref = {
  meetingId: 'mt-1',
  kind: 'review' as const,
  areaId: 'M-1',
  ancestors: ['IN'],
  organiserId: 'dp-lko',
};
const held = (photoCount: number) =>
  event(MeetingHeldV1, {
    ...ref,
    heldStart: '2026-01-05T05:00:00.000Z',
    heldEnd: '2026-01-05T06:00:00.000Z',
    recordedAt: '2026-01-05T06:10:00.000Z',
    attendanceLocksAt: '2026-01-07T06:00:00.000Z',
    namedCount: 0,
    headcount: 4,
    totalAttendance: 4,
    expectedAttendeeCount: 0,
    photoCount,
    verifiedPhotoCount: 0,
    districts: [],
  });

describe('PhotoRecheckEventController', () => {
  const meeting = { id: 'mt-1' } as Meeting;
  let findById: jest.Mock;
  let recheck: jest.Mock;
  let controller: PhotoRecheckEventController;

  beforeEach(() => {
    findById = jest.fn().mockResolvedValue(meeting);
    recheck = jest.fn().mockResolvedValue(0);
    controller = new PhotoRecheckEventController(
      { findById } as unknown as MeetingRepositoryPort,
      { recheck } as unknown as PhotoReverifier,
    );
  });

  it('judges the photos of a held meeting again under the event’s actor and correlation', async () => {
    await controller.onMeetingHeld(held(2));
    expect(findById).toHaveBeenCalledWith('mt-1');
    expect(recheck).toHaveBeenCalledWith(meeting, { actorId: 'dp-lko', correlationId: 'c-9' });
  });

  it('reads nothing for a held meeting that counted no photos', async () => {
    await controller.onMeetingHeld(held(0));
    expect(findById).not.toHaveBeenCalled();
    expect(recheck).not.toHaveBeenCalled();
  });

  it('judges the photos again after a reschedule, and does nothing for a meeting it does not have', async () => {
    const rescheduled = event(MeetingRescheduledV1, {
      ...ref,
      previousStart: '2026-01-05T05:00:00.000Z',
      previousEnd: '2026-01-05T06:00:00.000Z',
      scheduledStart: '2026-01-06T05:00:00.000Z',
      scheduledEnd: '2026-01-06T06:00:00.000Z',
    });
    await controller.onMeetingRescheduled(rescheduled);
    expect(recheck).toHaveBeenCalledTimes(1);

    findById.mockResolvedValueOnce(null);
    await controller.onMeetingRescheduled(rescheduled);
    expect(recheck).toHaveBeenCalledTimes(1);
  });
});
