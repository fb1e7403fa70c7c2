import {
  createEvent,
  MemberDeactivatedV1,
  MemberJoinedV1,
  PositionAssignedV1,
  PositionVacatedV1,
  type EventDefinition,
  type EventEnvelope,
} from '@sangathan/contracts';
import type {
  HeldPosition,
  MemberFields,
  PositionHolder,
  RosterMember,
  RosterPort,
} from '../application/ports/roster.port';
import { RosterEventController } from './roster.event-controller';

/** The roster's guard in memory: an event applies only when newer than the last one applied. */
class InMemoryRoster implements RosterPort {
  readonly members = new Map<
    string,
    { lastEventId: string; fields?: MemberFields; positions: HeldPosition[] }
  >();

  async findMembers(): Promise<Map<string, RosterMember>> {
    return new Map();
  }
  async holders(): Promise<PositionHolder[]> {
    return [];
  }
  async upsertPosition(): Promise<void> {}
  async positionsOf(memberId: string) {
    const member = this.members.get(memberId);
    return member ? { lastEventId: member.lastEventId, positions: member.positions } : null;
  }
  async applyMember(memberId: string, eventId: string, fields: MemberFields): Promise<boolean> {
    const member = this.members.get(memberId);
    if (member && member.lastEventId >= eventId) return false;
    this.members.set(memberId, { positions: [], ...member, lastEventId: eventId, fields });
    return true;
  }
  async applyPositions(memberId: string, eventId: string, positions: readonly HeldPosition[]) {
    const member = this.members.get(memberId);
    if (member && member.lastEventId >= eventId) return false;
    this.members.set(memberId, { ...member, lastEventId: eventId, positions: [...positions] });
    return true;
  }
}

const ctx = { producer: 'org', areaId: 'AC-173', areaPath: ['IN', 'UP'], actorId: 'a', correlationId: 'c' };
const event = <P>(definition: EventDefinition<P>, payload: P): EventEnvelope<P> =>
  createEvent(definition, payload, ctx);
const member = {
  memberId: 'w-1',
  name: 'रामू',
  nameAlt: null,
  kind: 'worker' as const,
  status: 'active' as const,
  areaId: 'AC-173',
  ancestors: ['IN', 'UP'],
  joinedAt: '2026-01-01T00:00:00.000Z',
};
const position = {
  positionId: 'sector-incharge:AC-173',
  type: 'sector-incharge' as const,
  areaId: 'AC-173',
  ancestors: ['IN', 'UP'],
  itTeam: null,
  memberId: 'w-1',
  since: '2026-01-02T00:00:00.000Z',
};

describe('RosterEventController', () => {
  let roster: InMemoryRoster;
  let controller: RosterEventController;

  beforeEach(() => {
    roster = new InMemoryRoster();
    controller = new RosterEventController(roster);
  });

  it('keeps what a member event says and ignores an older event that arrives again later', async () => {
    const joined = event(MemberJoinedV1, member);
    const deactivated = event(MemberDeactivatedV1, {
      ...member,
      status: 'inactive',
      reason: null,
      replacedBy: null,
    });

    await controller.onMemberJoined(joined);
    await controller.onMemberDeactivated(deactivated);
    await controller.onMemberJoined(joined);

    expect(roster.members.get('w-1')).toMatchObject({
      lastEventId: deactivated.eventId,
      fields: { name: 'रामू', areaId: 'AC-173', ancestors: ['IN', 'UP'], status: 'inactive' },
    });
  });

  it('adds an assigned position once and removes it when vacated', async () => {
    const assigned = event(PositionAssignedV1, { ...position, previousHolderId: null });

    await controller.onPositionAssigned(assigned);
    await controller.onPositionAssigned(assigned);
    expect(roster.members.get('w-1')!.positions).toEqual([
      {
        positionId: 'sector-incharge:AC-173',
        type: 'sector-incharge',
        areaId: 'AC-173',
        ancestors: ['IN', 'UP'],
        since: '2026-01-02T00:00:00.000Z',
      },
    ]);

    await controller.onPositionVacated(
      event(PositionVacatedV1, {
        ...position,
        reason: 'released',
        successorId: null,
        until: '2026-02-01T00:00:00.000Z',
      }),
    );
    expect(roster.members.get('w-1')!.positions).toEqual([]);
  });

  it('does not re-apply a redelivered assignment over a later vacancy', async () => {
    const assigned = event(PositionAssignedV1, { ...position, previousHolderId: null });
    const vacated = event(PositionVacatedV1, {
      ...position,
      reason: 'released',
      successorId: null,
      until: '2026-02-01T00:00:00.000Z',
    });

    await controller.onPositionAssigned(assigned);
    await controller.onPositionVacated(vacated);
    await controller.onPositionAssigned(assigned);

    expect(roster.members.get('w-1')).toMatchObject({ lastEventId: vacated.eventId, positions: [] });
  });
});
