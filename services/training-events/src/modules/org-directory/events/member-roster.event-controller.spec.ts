import {
  createEvent,
  MemberDeactivatedV1,
  MemberJoinedV1,
  PositionAssignedV1,
  PositionVacatedV1,
} from '@sangathan/contracts';
import { InMemoryOrgDirectory } from '../../../../test/in-memory/in-memory-org-directory';
import { MemberRosterEventController } from './member-roster.event-controller';

const context = { producer: 'org', areaId: 'M-1', areaPath: [], actorId: null, correlationId: 'c' };
const position = (memberId: string) => ({
  positionId: 'it-cell-mandal:M-1',
  type: 'it-cell-mandal' as const,
  areaId: 'M-1',
  ancestors: ['IN', 'UP', 'D-1', 'AC-1'],
  itTeam: null,
  memberId,
  since: '2025-01-01T00:00:00.000Z',
});
const member = {
  memberId: 'm1',
  name: 'राम कुमार',
  nameAlt: 'Ram Kumar',
  kind: 'office-bearer' as const,
  areaId: 'M-1',
  ancestors: ['IN', 'UP'],
  joinedAt: '2025-01-01T00:00:00.000Z',
};

describe('MemberRosterEventController', () => {
  it('keeps the successor when the old holder’s vacancy arrives after the newer assignment', async () => {
    const directory = new InMemoryOrgDirectory();
    const controller = new MemberRosterEventController(directory);
    const vacated = createEvent(
      PositionVacatedV1,
      { ...position('m7'), reason: 'replaced', successorId: 'm8', until: '2025-02-01T00:00:00.000Z' },
      context,
    );
    const assigned = createEvent(PositionAssignedV1, { ...position('m8'), previousHolderId: 'm7' }, context);

    await controller.onPositionAssigned(assigned);
    await controller.onPositionVacated(vacated);

    expect(directory.positions.get('it-cell-mandal:M-1')?.memberId).toBe('m8');
  });

  it('marks a deactivated member inactive, and a redelivered join does not bring them back', async () => {
    const directory = new InMemoryOrgDirectory();
    const controller = new MemberRosterEventController(directory);
    const joined = createEvent(MemberJoinedV1, { ...member, status: 'active' }, context);
    const deactivated = createEvent(
      MemberDeactivatedV1,
      { ...member, status: 'inactive', reason: null, replacedBy: null },
      context,
    );

    await controller.onMemberJoined(joined);
    await controller.onMemberDeactivated(deactivated);
    await controller.onMemberJoined(joined);

    expect(await directory.findMember('m1')).toMatchObject({ name: 'राम कुमार', status: 'inactive' });
  });
});
