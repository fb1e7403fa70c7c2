import { createEvent, MeetingAttendanceRecordedV1 } from '@sangathan/contracts';
import { activitiesOf } from './activity-mapping';

const HELD_START = '2026-03-14T05:00:00.000Z';

function attendanceRecorded(
  payload: Partial<Parameters<typeof MeetingAttendanceRecordedV1.payload.parse>[0]>,
) {
  return createEvent(
    MeetingAttendanceRecordedV1,
    {
      meetingId: 'm-1',
      kind: 'vc-review',
      areaId: 'UP',
      ancestors: ['IN'],
      organiserId: 'inc-1',
      addedMemberIds: ['w-2'],
      method: 'late-addition',
      namedCount: 2,
      headcount: 3,
      totalAttendance: 5,
      districtId: null,
      recordedAt: '2026-03-15T05:00:00.000Z',
      addedAttendance: 4,
      heldStart: HELD_START,
      ...payload,
    },
    {
      producer: 'meetings',
      areaId: 'UP',
      areaPath: ['IN'],
      actorId: null,
      correlationId: 'c',
      occurredAt: new Date('2026-03-15T05:00:00.000Z'),
    },
  );
}

describe('late meeting attendance in momentum', () => {
  it('counts what a late addition added as attendance on the day the meeting was held', () => {
    expect(activitiesOf(attendanceRecorded({}))).toEqual([
      { areaId: 'UP', at: Date.parse(HELD_START), flows: { attendance: 4 } },
    ]);
  });

  it("counts a vc-review district's late addition for that district", () => {
    expect(activitiesOf(attendanceRecorded({ districtId: 'UP-D-LUCKNOW' }))).toEqual([
      { areaId: 'UP-D-LUCKNOW', at: Date.parse(HELD_START), flows: { attendance: 4 } },
    ]);
  });

  it('ignores recordings made before the meeting was held (the held event counts them) and older events without the figures', () => {
    expect(activitiesOf(attendanceRecorded({ method: 'organiser', heldStart: undefined }))).toEqual([]);
    expect(activitiesOf(attendanceRecorded({ addedAttendance: undefined, heldStart: undefined }))).toEqual(
      [],
    );
  });
});
