import { createEvent } from '../envelope/create-event';
import { EventRegistry } from '../catalog/event-registry';
import {
  MeetingHeldV1,
  MEETINGS_MEETING_TOPIC,
  MEETINGS_TOPICS,
  MEETINGS_EVENTS,
  PhotoFlaggedV1,
} from './meetings.contracts';

const context = {
  producer: 'meetings',
  areaId: 'UP-D-LUCKNOW',
  areaPath: ['IN', 'UP'],
  actorId: 'm-1',
  correlationId: 'c-1',
};
const ref = {
  meetingId: 'mtg-1',
  kind: 'daily-small' as const,
  areaId: 'UP-D-LUCKNOW',
  ancestors: ['IN', 'UP'],
  organiserId: 'm-1',
};

describe('meetings contracts', () => {
  it('puts every meetings event on a meetings topic', () => {
    const topics = new Set(MEETINGS_TOPICS.map((t) => t.name));
    for (const definition of MEETINGS_EVENTS) expect(topics.has(definition.topic)).toBe(true);
  });

  it('round-trips a held event through the registry', () => {
    const event = createEvent(
      MeetingHeldV1,
      {
        ...ref,
        heldStart: '2026-01-05T05:00:00.000Z',
        heldEnd: '2026-01-05T06:00:00.000Z',
        recordedAt: '2026-01-05T06:05:00.000Z',
        attendanceLocksAt: '2026-01-07T06:05:00.000Z',
        namedCount: 12,
        headcount: 8,
        totalAttendance: 20,
        expectedAttendeeCount: 15,
        photoCount: 1,
        verifiedPhotoCount: 1,
        districts: [],
      },
      context,
    );
    const outcome = new EventRegistry().validate(JSON.stringify(event), MEETINGS_MEETING_TOPIC.name);
    expect(outcome.ok).toBe(true);
  });

  it('refuses a flagged photo event without a reason', () => {
    expect(() =>
      createEvent(
        PhotoFlaggedV1,
        {
          ...ref,
          photoId: 'p-1',
          meetingStart: '2026-01-05T05:00:00.000Z',
          verified: false,
          verdict: 'no-metadata',
          reasons: [],
          duplicateOfMeetingIds: [],
          takenAt: null,
          flaggedAt: '2026-01-05T06:00:00.000Z',
        },
        context,
      ),
    ).toThrow();
  });
});
