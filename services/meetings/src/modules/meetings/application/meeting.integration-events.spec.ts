import { MeetingAttendanceRecordedV1, type EventEnvelope } from '@sangathan/contracts';
import { Meeting } from '../domain/meeting.entity';
import type { ScheduleInput } from '../domain/meeting.types';
import { toIntegrationEvents } from './meeting.integration-events';

const NOW = new Date('2026-01-05T06:00:00.000Z');
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
const area = { areaId: 'AC-173', ancestors: ['IN', 'UP', 'Z-LKO', 'D-LKO'] };
const member = (memberId: string) => ({ memberId, areaId: 'M-1', ancestors: [...area.ancestors, 'AC-173'] });
const ctx = { actorId: 'inc-1', correlationId: 'c-1' };

const input: ScheduleInput = {
  id: 'm-1',
  kind: 'daily-small',
  title: 'Booth workers',
  agenda: null,
  area,
  organiserId: 'inc-1',
  scheduledStart: at(-60),
  scheduledEnd: at(-10),
  expectedMemberIds: [],
  expectedPositionTypes: [],
  expectedAttendeeCount: 0,
  linkedAreas: [],
  socialGroup: null,
  createdBy: 'inc-1',
};

function attendancePayloads(meeting: Meeting) {
  return toIntegrationEvents(meeting, meeting.pullEvents(), ctx)
    .map((entry) => JSON.parse(entry.value) as EventEnvelope<Record<string, unknown>>)
    .filter((event) => event.type === MeetingAttendanceRecordedV1.type)
    .map((event) => MeetingAttendanceRecordedV1.payload.parse(event.payload));
}

describe('attendance-recorded integration events', () => {
  it('carry what a late addition adds and the meeting start, which the held event did not count', () => {
    const meeting = Meeting.schedule(input, NOW);
    meeting.hold(
      {
        start: at(-55),
        end: at(-15),
        attendees: [member('w-1')],
        headcount: 2,
        districtHeadcounts: [],
        minutes: null,
      },
      NOW,
    );
    meeting.pullEvents();

    meeting.recordAttendance(
      { attendees: [member('w-2')], headcount: 3, districtId: null, method: 'organiser' },
      at(30),
    );

    expect(attendancePayloads(meeting)).toEqual([
      expect.objectContaining({
        method: 'late-addition',
        addedMemberIds: ['w-2'],
        addedAttendance: 4,
        totalAttendance: 7,
        heldStart: at(-55).toISOString(),
      }),
    ]);
  });

  it('carry no meeting start before the meeting is held: the held event counts those people', () => {
    const meeting = Meeting.schedule(input, NOW);
    meeting.pullEvents();

    meeting.recordAttendance(
      { attendees: [member('w-1')], headcount: 1, districtId: null, method: 'organiser' },
      at(-30),
    );

    const [payload] = attendancePayloads(meeting);
    expect(payload).toMatchObject({ method: 'organiser', addedAttendance: 2 });
    expect(payload.heldStart).toBeUndefined();
  });
});
