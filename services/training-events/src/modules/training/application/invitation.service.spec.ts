import { aProgramme, aSession, ctx, trainingFakes } from '../../../../test/in-memory/training-fakes';
import { InvitationService } from './invitation.service';

describe('InvitationService', () => {
  const setup = () => {
    const fakes = trainingFakes();
    fakes.programmes.items.set('P1', aProgramme({ invitedCount: 0 }));
    const session = aSession({ invitedCount: 0 });
    fakes.sessions.add(session);
    const service = new InvitationService(
      fakes.participants,
      fakes.batches,
      fakes.sessions,
      fakes.programmes,
    );
    return { ...fakes, session, service };
  };
  const invitee = (memberId: string) => ({
    memberId,
    name: `वर्कर ${memberId}`,
    nameAlt: null,
    positionId: `it-cell-sector:S-${memberId}`,
    memberAreaId: 'S-1',
  });

  it('adds the participants with no events of their own and carries their invited events on one batch', async () => {
    const { service, session, participants, batches, sessions, programmes } = setup();

    expect(await service.invite(session, [invitee('r1'), invitee('r2')], 'P1.LS-1#0', ctx)).toBe(2);

    expect(participants.get('P1.LS-1', 'r1')).toMatchObject({
      status: 'invited',
      invitationBatchId: 'P1.LS-1#0',
    });
    expect(participants.events).toEqual([]);
    expect(batches.items.get('P1.LS-1#0')?.eventCount).toBe(2);
    expect(batches.eventsOf('P1.LS-1#0').map((e) => [e.type, e.key])).toEqual([
      ['training.participant.invited', 'P1.LS-1~r1'],
      ['training.participant.invited', 'P1.LS-1~r2'],
    ]);
    expect(sessions.items.get('P1.LS-1')?.invitedCount).toBe(2);
    expect(programmes.items.get('P1')?.invitedCount).toBe(2);
  });

  it('re-running a chunk adds nothing, and completes a chunk whose batch an interrupted run never wrote', async () => {
    const { service, session, batches, sessions } = setup();
    await service.invite(session, [invitee('r1'), invitee('r2')], 'P1.LS-1#0', ctx);
    // As if the run had stopped after adding r1 and r2 but before writing their batch.
    batches.items.delete('P1.LS-1#0');

    expect(
      await service.invite(session, [invitee('r1'), invitee('r2'), invitee('r3')], 'P1.LS-1#0', ctx),
    ).toBe(1);
    expect(batches.eventsOf('P1.LS-1#0').map((e) => e.key)).toEqual([
      'P1.LS-1~r1',
      'P1.LS-1~r2',
      'P1.LS-1~r3',
    ]);
    expect(
      await service.invite(session, [invitee('r1'), invitee('r2'), invitee('r3')], 'P1.LS-1#0', ctx),
    ).toBe(0);
    expect(batches.items.get('P1.LS-1#0')?.eventCount).toBe(3);
    // r1 already belongs to batch #0: another batch does not announce it again.
    expect(await service.invite(session, [invitee('r1')], 'P1.LS-1#1', ctx)).toBe(0);
    expect(batches.items.has('P1.LS-1#1')).toBe(false);
    expect(sessions.items.get('P1.LS-1')?.invitedCount).toBe(3);
  });
});
