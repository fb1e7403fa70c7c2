import {
  anInvitee,
  aSession,
  ctx,
  member,
  trainingFakes,
} from '../../../../../test/in-memory/training-fakes';
import { DeclineHandler } from './decline.handler';

describe('DeclineHandler', () => {
  const setup = () => {
    const fakes = trainingFakes();
    const session = aSession({ capacity: 1 });
    fakes.sessions.add(session, ['m1']);
    const now = Date.now();
    fakes.participants.add(anInvitee(session, 'm1', { status: 'registered', registeredAt: new Date(now) }));
    // m3 waits longer than m2, so the freed seat goes to m3.
    fakes.participants.add(
      anInvitee(session, 'm2', { status: 'waitlisted', waitlistedAt: new Date(now - 1000) }),
    );
    fakes.participants.add(
      anInvitee(session, 'm3', { status: 'waitlisted', waitlistedAt: new Date(now - 5000) }),
    );
    return { ...fakes, handler: new DeclineHandler(fakes.rsvp, fakes.sessions, fakes.participants) };
  };

  it('gives the freed seat to the longest-waiting member, promoted', async () => {
    const { handler, sessions, participants } = setup();

    const view = await handler.execute('P1.LS-1', 'm1', member('m1'), ctx);

    expect(view).toMatchObject({ status: 'declined', declinedAt: expect.any(String) });
    expect(sessions.seats.get('P1.LS-1')).toEqual(['m3']);
    expect(participants.get('P1.LS-1', 'm3')?.status).toBe('registered');
    expect(participants.get('P1.LS-1', 'm2')?.status).toBe('waitlisted');
    expect(participants.events.map((e) => [e.type, e.key])).toEqual([
      ['training.participant.declined', 'P1.LS-1~m1'],
      ['training.participant.registered', 'P1.LS-1~m3'],
    ]);
    expect(participants.events[0].payload.previousStatus).toBe('registered');
    expect(participants.events[1].payload).toMatchObject({ status: 'registered', promoted: true });
  });

  it('declines an invitation without a seat and promotes nobody; a second decline changes nothing', async () => {
    const { handler, sessions, participants } = setup();

    await handler.execute('P1.LS-1', 'm2', member('m2'), ctx);
    const again = await handler.execute('P1.LS-1', 'm2', member('m2'), ctx);

    expect(again.status).toBe('declined');
    expect(sessions.seats.get('P1.LS-1')).toEqual(['m1']);
    expect(participants.events.map((e) => [e.type, e.payload.previousStatus])).toEqual([
      ['training.participant.declined', 'waitlisted'],
    ]);
  });
});
