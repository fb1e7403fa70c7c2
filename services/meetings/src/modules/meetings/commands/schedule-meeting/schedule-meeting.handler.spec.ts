import type { Principal } from '@sangathan/auth';
import type { OutboxEntry } from '@sangathan/messaging';
import type {
  AreaDirectoryPort,
  KnownArea,
} from '../../../org-directory/application/ports/area-directory.port';
import type {
  PositionHolder,
  RosterMember,
  RosterPort,
} from '../../../org-directory/application/ports/roster.port';
import type {
  VcRoomRepositoryPort,
  VcRoomView,
} from '../../../vc-rooms/application/ports/vc-room.repository.port';
import { MemberReferences } from '../../application/member-references';
import type { MeetingRepositoryPort } from '../../application/ports/meeting.repository.port';
import type { Meeting } from '../../domain/meeting.entity';
import { ScheduleMeetingHandler } from './schedule-meeting.handler';

const area = (id: string, ancestors: string[], level = 'district'): KnownArea => ({
  id,
  level,
  parentId: ancestors.at(-1) ?? null,
  ancestors,
  nameEn: id,
  nameHi: null,
  geo: null,
});
const AREAS = [
  area('IN', [], 'national'),
  area('UP', ['IN'], 'state'),
  area('D-LKO', ['IN', 'UP']),
  area('D-AGRA', ['IN', 'UP']),
];

class FakeAreas implements Pick<AreaDirectoryPort, 'findById' | 'findMany' | 'geoFor' | 'setGeo'> {
  async findById(id: string) {
    return AREAS.find((a) => a.id === id) ?? null;
  }
  async findMany(ids: readonly string[]) {
    return new Map(AREAS.filter((a) => ids.includes(a.id)).map((a) => [a.id, a]));
  }
  async geoFor() {
    return null;
  }
  async setGeo() {
    return true;
  }
}

class FakeMeetings implements Pick<MeetingRepositoryPort, 'insert'> {
  readonly saved: { meeting: Meeting; events: OutboxEntry[] }[] = [];
  async insert(meeting: Meeting, events: OutboxEntry[]) {
    this.saved.push({ meeting, events });
  }
}

const member = (memberId: string, areaId: string, status = 'active'): RosterMember => ({
  memberId,
  areaId,
  ancestors: ['IN', 'UP'],
  status,
});
const MEMBERS = [
  member('m-1', 'D-LKO'),
  member('inc-lko', 'D-LKO'),
  member('inc-agra', 'D-AGRA'),
  member('gone', 'D-LKO', 'inactive'),
];
const roster: Pick<RosterPort, 'findMembers' | 'holders'> = {
  findMembers: async (ids) =>
    new Map(MEMBERS.filter((m) => ids.includes(m.memberId)).map((m) => [m.memberId, m])),
  holders: async (_areaId, types): Promise<PositionHolder[]> =>
    types.includes('district-incharge')
      ? [{ memberId: 'h-1', positionType: 'district-incharge', areaId: 'D-LKO', ancestors: ['IN', 'UP'] }]
      : [],
};
const room = (areaId: string, status: VcRoomView['status']): VcRoomView => ({
  id: areaId,
  areaId,
  ancestors: ['IN', 'UP'],
  name: areaId,
  status,
  connectedAt: null,
  note: null,
});
const rooms = {
  byAreas: async (ids: readonly string[]) =>
    new Map(ids.map((id) => [id, room(id, id === 'D-AGRA' ? 'planned' : 'connected')])),
} as unknown as VcRoomRepositoryPort;

const STATE: Principal = { sub: 'state-1', roles: ['state-leader'], areaId: 'UP', areaPath: ['IN'] };
const LKO: Principal = {
  sub: 'dp-lko',
  roles: ['district-president'],
  areaId: 'D-LKO',
  areaPath: ['IN', 'UP'],
};
const NOW = new Date('2026-01-05T06:00:00Z');
const base = {
  kind: 'review' as const,
  title: 'Review',
  agenda: null,
  scheduledStart: '2026-01-06T05:00:00.000Z',
  scheduledEnd: '2026-01-06T06:00:00.000Z',
  expectedMemberIds: ['m-1'],
  expectedPositionTypes: [],
  linkedAreaIds: [],
  socialGroup: null,
  correlationId: 'c-1',
};

describe('ScheduleMeetingHandler', () => {
  let meetings: FakeMeetings;
  let handler: ScheduleMeetingHandler;

  beforeEach(() => {
    jest.clearAllMocks();
    meetings = new FakeMeetings();
    handler = new ScheduleMeetingHandler(
      meetings as unknown as MeetingRepositoryPort,
      new FakeAreas() as unknown as AreaDirectoryPort,
      roster as RosterPort,
      rooms,
      new MemberReferences(roster as RosterPort),
    );
  });

  it('stores the meeting with its scheduled event keyed by the meeting id, counting position holders as expected', async () => {
    const view = await handler.execute(
      { ...base, areaId: 'D-LKO', expectedPositionTypes: ['district-incharge'], principal: LKO },
      NOW,
    );
    expect(view).toMatchObject({
      status: 'scheduled',
      organiserId: 'dp-lko',
      expectedAttendeeCount: 2,
      ancestors: ['IN', 'UP'],
    });
    expect(meetings.saved).toHaveLength(1);
    expect(meetings.saved[0].events).toEqual([
      expect.objectContaining({
        type: 'meetings.meeting.scheduled',
        key: view.id,
        topic: 'meetings.meeting.events',
      }),
    ]);
  });

  it('refuses an area outside the caller’s subtree and stores nothing', async () => {
    await expect(handler.execute({ ...base, areaId: 'D-AGRA', principal: LKO }, NOW)).rejects.toMatchObject({
      code: 'OUT_OF_SCOPE',
    });
    expect(meetings.saved).toHaveLength(0);
  });

  it('refuses a vc-review linking a district whose room is not connected', async () => {
    await expect(
      handler.execute(
        { ...base, kind: 'vc-review', areaId: 'UP', linkedAreaIds: ['D-LKO', 'D-AGRA'], principal: STATE },
        NOW,
      ),
    ).rejects.toMatchObject({
      code: 'ROOM_NOT_CONNECTED',
      details: [expect.objectContaining({ message: 'D-AGRA: planned' })],
    });
    expect(meetings.saved).toHaveLength(0);
  });

  it('refuses an unknown area with a 400', async () => {
    await expect(
      handler.execute({ ...base, areaId: 'D-NOWHERE', principal: STATE }, NOW),
    ).rejects.toMatchObject({ code: 'UNKNOWN_AREA', status: 400 });
  });

  it('refuses an organiser from another district (403) and stores nothing', async () => {
    await expect(
      handler.execute({ ...base, areaId: 'D-LKO', organiserId: 'inc-agra', principal: LKO }, NOW),
    ).rejects.toMatchObject({ code: 'OUT_OF_SCOPE', status: 403 });
    expect(meetings.saved).toHaveLength(0);
  });

  it('refuses an organiser off the meeting’s line even for a caller who reaches both districts', async () => {
    await expect(
      handler.execute({ ...base, areaId: 'D-LKO', organiserId: 'inc-agra', principal: STATE }, NOW),
    ).rejects.toMatchObject({
      code: 'MEMBER_OUTSIDE_AREA',
      details: [expect.objectContaining({ field: 'organiserId' })],
    });
    expect(meetings.saved).toHaveLength(0);
  });

  it('refuses unknown and inactive members, naming each field', async () => {
    await expect(
      handler.execute(
        {
          ...base,
          areaId: 'D-LKO',
          organiserId: 'no-such-member',
          expectedMemberIds: ['m-1', 'gone'],
          principal: LKO,
        },
        NOW,
      ),
    ).rejects.toMatchObject({
      code: 'UNKNOWN_MEMBER',
      status: 400,
      details: [
        expect.objectContaining({ field: 'organiserId' }),
        expect.objectContaining({ field: 'expectedMemberIds.1' }),
      ],
    });
    expect(meetings.saved).toHaveLength(0);
  });

  it('accepts an organiser of the area and the caller as organiser without a roster entry', async () => {
    expect(
      await handler.execute({ ...base, areaId: 'D-LKO', organiserId: 'inc-lko', principal: LKO }, NOW),
    ).toMatchObject({ organiserId: 'inc-lko' });
    expect(
      await handler.execute({ ...base, areaId: 'D-LKO', organiserId: 'state-1', principal: STATE }, NOW),
    ).toMatchObject({ organiserId: 'state-1' });
  });

  it('refuses a linked district outside the caller’s subtree', async () => {
    await expect(
      handler.execute(
        {
          ...base,
          kind: 'vc-review',
          areaId: 'D-LKO',
          linkedAreaIds: ['D-AGRA'],
          expectedMemberIds: [],
          principal: LKO,
        },
        NOW,
      ),
    ).rejects.toMatchObject({
      code: 'OUT_OF_SCOPE',
    });
    expect(meetings.saved).toHaveLength(0);
  });
});
