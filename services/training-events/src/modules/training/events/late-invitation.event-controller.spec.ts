import { createEvent, PositionAssignedV1 } from '@sangathan/contracts';
import { DirectorySeed } from '../../../../test/in-memory/in-memory-org-directory';
import { aProgramme, aSession, trainingFakes } from '../../../../test/in-memory/training-fakes';
import { InvitationService } from '../application/invitation.service';
import { LateInvitationEventController } from './late-invitation.event-controller';

describe('LateInvitationEventController', () => {
  const setup = () => {
    const fakes = trainingFakes();
    fakes.programmes.items.set('P1', aProgramme({ audienceTypes: ['it-cell-mandal'] }));
    fakes.sessions.add(aSession());
    fakes.sessions.add(aSession({ _id: 'P1.LS-2', areaId: 'LS-2' }));
    const invitations = new InvitationService(
      fakes.participants,
      fakes.batches,
      fakes.sessions,
      fakes.programmes,
    );
    const controller = new LateInvitationEventController(
      fakes.programmes,
      fakes.sessions,
      fakes.directory,
      invitations,
    );
    return { ...fakes, controller };
  };
  const assigned = (memberId: string) =>
    createEvent(
      PositionAssignedV1,
      {
        positionId: 'it-cell-mandal:M-1',
        type: 'it-cell-mandal',
        areaId: 'M-1',
        ancestors: ['IN', 'UP', 'D-1', 'AC-1'],
        itTeam: null,
        memberId,
        previousHolderId: null,
        since: '2025-01-01T00:00:00.000Z',
      },
      { producer: 'org', areaId: 'M-1', areaPath: [], actorId: null, correlationId: 'c' },
    );

  it('invites the new holder to the upcoming session of their Lok Sabha seat, once', async () => {
    const { controller, participants, batches, sessions, directory } = setup();
    new DirectorySeed(directory).member('newbie', 'New Holder', 'M-1');
    const event = assigned('newbie');

    await controller.onPositionAssigned(event);
    await controller.onPositionAssigned(event);

    expect([...participants.items.keys()]).toEqual(['P1.LS-1~newbie']);
    expect(participants.get('P1.LS-1', 'newbie')).toMatchObject({ name: 'New Holder', status: 'invited' });
    expect(batches.eventsOf('P1.LS-1~newbie#late')).toEqual([
      expect.objectContaining({
        type: 'training.participant.invited',
        key: 'P1.LS-1~newbie',
        payload: expect.objectContaining({ positionId: 'it-cell-mandal:M-1' }),
      }),
    ]);
    expect(sessions.items.get('P1.LS-1')?.invitedCount).toBe(1);
  });

  it('invites nobody who is inactive', async () => {
    const { controller, participants, batches } = setup();

    await controller.onPositionAssigned(assigned('gone'));

    expect(participants.items.size).toBe(0);
    expect(batches.items.size).toBe(0);
  });
});
