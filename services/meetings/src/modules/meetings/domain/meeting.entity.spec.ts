import { ConflictError, ValidationError } from '@sangathan/kernel';
import { Meeting } from './meeting.entity';
import type { ScheduleInput } from './meeting.types';
import { MEETING_RULES } from './meeting-time-rules';

const NOW = new Date('2026-01-05T06:00:00.000Z'); // 11:30 IST
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
const area = { areaId: 'AC-173', ancestors: ['IN', 'UP', 'Z-LKO', 'D-LKO'] };

function input(overrides: Partial<ScheduleInput> = {}): ScheduleInput {
  return {
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
    ...overrides,
  };
}

const member = (memberId: string, areaId = 'M-1', ancestors = [...area.ancestors, 'AC-173']) => ({
  memberId,
  areaId,
  ancestors,
});

describe('Meeting', () => {
  it('is scheduled with a scheduled event', () => {
    const meeting = Meeting.schedule(input(), NOW);
    expect(meeting.status).toBe('scheduled');
    expect(meeting.pullEvents().map((e) => e.kind)).toEqual(['scheduled']);
  });

  it('refuses an end before the start', () => {
    expect(() => Meeting.schedule(input({ scheduledEnd: at(-70) }), NOW)).toThrow(
      expect.objectContaining({ code: 'END_BEFORE_START' }),
    );
  });

  it('needs linked districts under the host for a vc-review', () => {
    expect(() => Meeting.schedule(input({ kind: 'vc-review' }), NOW)).toThrow(
      expect.objectContaining({ code: 'LINKED_AREAS_REQUIRED' }),
    );
    const sibling = { areaId: 'D-AGRA', ancestors: ['IN', 'UP', 'Z-AGRA'], roomId: null };
    expect(() => Meeting.schedule(input({ kind: 'vc-review', linkedAreas: [sibling] }), NOW)).toThrow(
      expect.objectContaining({ code: 'LINKED_AREA_OUTSIDE' }),
    );
  });

  it('holds once with attendance; a second hold is a conflict', () => {
    const meeting = Meeting.schedule(input(), NOW);
    meeting.pullEvents();
    meeting.hold(
      {
        start: at(-55),
        end: at(-15),
        attendees: [member('w-1'), member('w-2'), member('w-1')],
        headcount: 10,
        districtHeadcounts: [],
        minutes: null,
      },
      NOW,
    );
    expect(meeting.namedCount).toBe(2);
    expect(meeting.totalAttendance).toBe(12);
    expect(meeting.pullEvents().map((e) => e.kind)).toEqual(['held']);
    expect(() =>
      meeting.hold(
        { start: at(-55), end: at(-15), attendees: [], headcount: 0, districtHeadcounts: [], minutes: null },
        NOW,
      ),
    ).toThrow(ConflictError);
  });

  it('cannot hold a cancelled meeting', () => {
    const meeting = Meeting.schedule(input({ scheduledStart: at(60), scheduledEnd: at(120) }), NOW);
    meeting.cancel('rain', NOW);
    expect(() =>
      meeting.hold(
        { start: at(-5), end: at(-1), attendees: [], headcount: 0, districtHeadcounts: [], minutes: null },
        NOW,
      ),
    ).toThrow(expect.objectContaining({ code: 'MEETING_CANCELLED' }));
  });

  it('refuses an attendee outside the area and adds none of the batch', () => {
    const meeting = Meeting.schedule(input(), NOW);
    const outsider = member('x-1', 'D-AGRA', ['IN', 'UP', 'Z-AGRA']);
    expect(() =>
      meeting.hold(
        {
          start: at(-55),
          end: at(-15),
          attendees: [member('w-1'), outsider],
          headcount: 0,
          districtHeadcounts: [],
          minutes: null,
        },
        NOW,
      ),
    ).toThrow(expect.objectContaining({ code: 'ATTENDEE_OUTSIDE_AREA' }));
    expect(meeting.namedCount).toBe(0);
    expect(meeting.status).toBe('scheduled');
  });

  it('takes late additions for 48 hours after the end, then locks', () => {
    const meeting = Meeting.schedule(input(), NOW);
    meeting.hold(
      {
        start: at(-55),
        end: at(-15),
        attendees: [member('w-1')],
        headcount: 0,
        districtHeadcounts: [],
        minutes: null,
      },
      NOW,
    );
    meeting.pullEvents();
    const justBefore = new Date(at(-15).getTime() + MEETING_RULES.lateAdditionMs - 1000);
    expect(
      meeting.recordAttendance(
        { attendees: [member('w-2')], headcount: 3, districtId: null, method: 'organiser' },
        justBefore,
      ),
    ).toEqual({ added: ['w-2'] });
    expect(meeting.pullEvents()).toEqual([
      expect.objectContaining({
        kind: 'attendance-recorded',
        method: 'late-addition',
        addedMemberIds: ['w-2'],
      }),
    ]);
    const after = new Date(at(-15).getTime() + MEETING_RULES.lateAdditionMs + 1000);
    expect(() =>
      meeting.recordAttendance(
        { attendees: [member('w-3')], headcount: 0, districtId: null, method: 'organiser' },
        after,
      ),
    ).toThrow(expect.objectContaining({ code: 'ATTENDANCE_LOCKED' }));
  });

  it('ignores a repeated check-in without an event', () => {
    const meeting = Meeting.schedule(input({ scheduledStart: at(-10), scheduledEnd: at(50) }), NOW);
    meeting.pullEvents();
    meeting.recordAttendance(
      { attendees: [member('w-1')], headcount: 0, districtId: null, method: 'qr' },
      NOW,
    );
    expect(
      meeting.recordAttendance(
        { attendees: [member('w-1')], headcount: 0, districtId: null, method: 'qr' },
        NOW,
      ),
    ).toEqual({ added: [] });
    expect(meeting.pullEvents()).toHaveLength(1);
  });

  it('takes no check-in more than an hour before a meeting planned ten days ahead', () => {
    const meeting = Meeting.schedule(
      input({ scheduledStart: at(10 * 24 * 60), scheduledEnd: at(10 * 24 * 60 + 60) }),
      NOW,
    );
    meeting.pullEvents();
    expect(() =>
      meeting.recordAttendance(
        { attendees: [member('w-1')], headcount: 3, districtId: null, method: 'organiser' },
        NOW,
      ),
    ).toThrow(expect.objectContaining({ code: 'CHECK_IN_NOT_OPEN' }));
    expect(meeting.namedCount).toBe(0);
    expect(meeting.pullEvents()).toHaveLength(0);
  });

  it('is not recorded held with a start beyond the clock-skew tolerance', () => {
    const meeting = Meeting.schedule(
      input({ scheduledStart: at(10 * 24 * 60), scheduledEnd: at(10 * 24 * 60 + 60) }),
      NOW,
    );
    const hold = (start: Date) =>
      meeting.hold(
        {
          start,
          end: new Date(start.getTime() + 3600_000),
          attendees: [],
          headcount: 5,
          districtHeadcounts: [],
          minutes: null,
        },
        NOW,
      );
    expect(() => hold(at(10 * 24 * 60))).toThrow(expect.objectContaining({ code: 'HELD_IN_FUTURE' }));
    expect(() => hold(new Date(NOW.getTime() + MEETING_RULES.clockSkewMs + 1))).toThrow(
      expect.objectContaining({ code: 'HELD_IN_FUTURE' }),
    );
    expect(meeting.status).toBe('scheduled');
    hold(new Date(NOW.getTime() + MEETING_RULES.clockSkewMs));
    expect(meeting.status).toBe('held');
  });

  it('opens QR check-in an hour before the start and accepts only the right token', () => {
    const meeting = Meeting.schedule(input({ scheduledStart: at(30), scheduledEnd: at(90) }), NOW);
    const qr = meeting.issueQr('hash-1', NOW);
    expect(qr.validFrom).toEqual(at(-30));
    expect(meeting.acceptsQr('hash-1', NOW)).toBe(true);
    expect(meeting.acceptsQr('hash-2', NOW)).toBe(false);
    expect(meeting.acceptsQr('hash-1', new Date(at(90).getTime() + MEETING_RULES.qrClosesAfterMs + 1))).toBe(
      false,
    );
  });

  it('records per-district headcounts of a vc-review and keeps them visible under each district', () => {
    const lko = { areaId: 'D-LKO', ancestors: ['IN', 'UP', 'Z-LKO'], roomId: 'D-LKO' };
    const agra = { areaId: 'D-AGRA', ancestors: ['IN', 'UP', 'Z-AGRA'], roomId: 'D-AGRA' };
    const meeting = Meeting.schedule(
      input({ kind: 'vc-review', area: { areaId: 'UP', ancestors: ['IN'] }, linkedAreas: [lko, agra] }),
      NOW,
    );
    meeting.hold(
      {
        start: at(-55),
        end: at(-15),
        attendees: [member('w-1', 'D-LKO', ['IN', 'UP', 'Z-LKO'])],
        headcount: 2,
        districtHeadcounts: [{ areaId: 'D-AGRA', headcount: 7 }],
        minutes: null,
      },
      NOW,
    );
    const snapshot = meeting.snapshot();
    expect(snapshot.attendees[0].districtId).toBe('D-LKO');
    expect(snapshot.linkedAreas.find((l) => l.areaId === 'D-AGRA')!.headcount).toBe(7);
    expect(meeting.totalAttendance).toBe(10);
    expect(meeting.scopeKeys).toEqual(expect.arrayContaining(['UP', 'D-LKO', 'D-AGRA', 'Z-AGRA']));
    expect(() =>
      meeting.recordAttendance(
        { attendees: [], headcount: 1, districtId: 'D-KANPUR', method: 'organiser' },
        NOW,
      ),
    ).toThrow(ValidationError);
  });

  it('refuses to reschedule a held meeting but lets its minutes be edited', () => {
    const meeting = Meeting.schedule(input(), NOW);
    meeting.hold(
      { start: at(-55), end: at(-15), attendees: [], headcount: 1, districtHeadcounts: [], minutes: null },
      NOW,
    );
    expect(() => meeting.update({ scheduledStart: at(100), scheduledEnd: at(160) }, NOW)).toThrow(
      expect.objectContaining({ code: 'MEETING_ALREADY_HELD' }),
    );
    meeting.update({ minutes: 'Discussed booth lists' }, NOW);
    expect(meeting.snapshot().minutes).toBe('Discussed booth lists');
  });
  it('lists attached photos once each, without an event, and refuses photos for a cancelled meeting', () => {
    const meeting = Meeting.schedule(input(), NOW);
    meeting.pullEvents();
    meeting.attachPhotos(['p-1', 'p-2']);
    meeting.attachPhotos(['p-2', 'p-3']);
    expect(meeting.photoIds).toEqual(['p-1', 'p-2', 'p-3']);
    expect(meeting.pullEvents()).toEqual([]);
    meeting.cancel('rain', NOW);
    expect(() => meeting.attachPhotos(['p-4'])).toThrow(
      expect.objectContaining({ code: 'MEETING_CANCELLED' }),
    );
    expect(meeting.photoIds).toEqual(['p-1', 'p-2', 'p-3']);
  });
});
