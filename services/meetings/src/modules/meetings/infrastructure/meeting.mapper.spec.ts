import { Meeting } from '../domain/meeting.entity';
import { groupAttendees, MeetingMapper, namedCountOf, ungroupAttendees } from './meeting.mapper';
import type { MeetingDocument } from './meeting.schema';

const at = new Date('2026-11-25T10:00:00Z');
const later = new Date('2026-11-25T11:00:00Z');

function heldMeeting(): Meeting {
  const meeting = Meeting.schedule(
    {
      id: 'm-1',
      kind: 'daily-small',
      title: 'Booth workers',
      agenda: null,
      area: { areaId: 'AC-173', ancestors: ['IN', 'UP'] },
      organiserId: 'org-1',
      scheduledStart: new Date('2026-11-25T08:00:00Z'),
      scheduledEnd: new Date('2026-11-25T09:00:00Z'),
      expectedMemberIds: [],
      expectedPositionTypes: [],
      expectedAttendeeCount: 0,
      linkedAreas: [],
      socialGroup: null,
      createdBy: 'org-1',
    },
    at,
  );
  meeting.hold(
    {
      start: new Date('2026-11-25T08:05:00Z'),
      end: new Date('2026-11-25T08:55:00Z'),
      attendees: [
        { memberId: 'w-1', areaId: 'AC-173', ancestors: ['IN', 'UP'] },
        { memberId: 'w-2', areaId: 'M-1', ancestors: ['IN', 'UP', 'AC-173'] },
        { memberId: 'w-3', areaId: 'AC-173', ancestors: ['IN', 'UP'] },
      ],
      headcount: 4,
      districtHeadcounts: [],
      minutes: null,
    },
    at,
  );
  meeting.pullEvents();
  return meeting;
}

describe('MeetingMapper', () => {
  it('groups attendees recorded together from one area and restores every one of them', () => {
    const attendees = [
      { memberId: 'a', areaId: 'AC-173', method: 'organiser' as const, recordedAt: at, districtId: null },
      { memberId: 'b', areaId: 'M-1', method: 'organiser' as const, recordedAt: at, districtId: null },
      { memberId: 'c', areaId: 'AC-173', method: 'organiser' as const, recordedAt: at, districtId: null },
      { memberId: 'd', areaId: 'AC-173', method: 'qr' as const, recordedAt: later, districtId: null },
      {
        memberId: 'e',
        areaId: 'D-LKO',
        method: 'late-addition' as const,
        recordedAt: later,
        districtId: 'D-LKO',
      },
    ];
    const groups = groupAttendees(attendees);
    expect(groups.map((g) => g.memberIds)).toEqual([['a', 'c'], ['b'], ['d'], ['e']]);
    expect(groups[3]).toEqual({
      method: 'late-addition',
      recordedAt: later,
      districtId: 'D-LKO',
      areaId: 'D-LKO',
      memberIds: ['e'],
    });
    const restored = ungroupAttendees(groups);
    expect(restored).toHaveLength(5);
    expect(restored).toEqual(expect.arrayContaining(attendees));
    expect(namedCountOf({ attendance: groups })).toBe(5);
  });

  it('stores no null fields or empty lists, removes them on update, and reads the meeting back whole', () => {
    const meeting = heldMeeting();
    const state = MeetingMapper.toPersistence(meeting, at);
    const { set, unset } = MeetingMapper.toStorage(state);
    expect(set).not.toHaveProperty('agenda');
    expect(set).not.toHaveProperty('linkedAreas');
    expect(set).not.toHaveProperty('cancelledAt');
    expect(unset).toMatchObject({ agenda: '', linkedAreas: '', cancelledAt: '', qr: '', attendees: '' });
    expect(set.attendance).toHaveLength(2);
    expect(set.headcount).toBe(4);
    // Stored even when empty: its absence marks a document from before meetings listed their photos.
    expect(set.photoIds).toEqual([]);
    expect(unset).not.toHaveProperty('photoIds');

    const restored = MeetingMapper.toDomain(set as unknown as MeetingDocument);
    const original = meeting.snapshot();
    expect(restored.snapshot()).toEqual({
      ...original,
      attendees: expect.arrayContaining(original.attendees),
    });
    expect(restored.namedCount).toBe(3);
    expect(restored.snapshot().agenda).toBeNull();
    expect(restored.snapshot().linkedAreas).toEqual([]);
  });

  it('reads documents stored before grouping, with their attendees as objects', () => {
    const { set } = MeetingMapper.toStorage(MeetingMapper.toPersistence(heldMeeting(), at));
    const { attendance: _grouped, ...rest } = set;
    const legacy = {
      ...rest,
      attendees: [
        { memberId: 'old-1', areaId: 'AC-173', method: 'organiser', recordedAt: at, districtId: null },
      ],
    };
    const restored = MeetingMapper.toDomain(legacy as unknown as MeetingDocument);
    expect(restored.snapshot().attendees.map((a) => a.memberId)).toEqual(['old-1']);
    expect(namedCountOf(legacy as never)).toBe(1);
  });
});
