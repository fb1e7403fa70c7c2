import {
  anInvitee,
  aSession,
  aStartedSession,
  ctx,
  member,
  STATE_ORGANISER,
  trainingFakes,
} from '../../../../../test/in-memory/training-fakes';
import { RegisterHandler } from './register.handler';

describe('RegisterHandler', () => {
  const setup = (session = aSession({ capacity: 1 })) => {
    const fakes = trainingFakes();
    fakes.sessions.add(session);
    for (const id of ['m1', 'm2']) fakes.participants.add(anInvitee(session, id));
    return { ...fakes, handler: new RegisterHandler(fakes.rsvp, fakes.sessions, fakes.participants) };
  };

  it('seats members up to capacity and waitlists the rest instead of failing', async () => {
    const { handler, sessions, participants } = setup();

    const first = await handler.execute('P1.LS-1', 'm1', member('m1'), ctx);
    const second = await handler.execute('P1.LS-1', 'm2', member('m2'), ctx);

    expect(first).toMatchObject({ status: 'registered', registeredAt: expect.any(String) });
    expect(second).toMatchObject({ status: 'waitlisted', waitlistedAt: expect.any(String) });
    expect(sessions.seats.get('P1.LS-1')).toEqual(['m1']);
    expect(sessions.items.get('P1.LS-1')?.registeredCount).toBe(1);
    expect(participants.events.map((e) => [e.type, e.key, e.payload.status, e.payload.promoted])).toEqual([
      ['training.participant.registered', 'P1.LS-1~m1', 'registered', false],
      ['training.participant.registered', 'P1.LS-1~m2', 'waitlisted', false],
    ]);
  });

  it('answers a repeated registration with the registration as it is, without a second event', async () => {
    const { handler, participants } = setup();
    await handler.execute('P1.LS-1', 'm1', member('m1'), ctx);

    const again = await handler.execute('P1.LS-1', 'm1', member('m1'), ctx);

    expect(again.status).toBe('registered');
    expect(participants.events).toHaveLength(1);
  });

  it('lets an organiser register a member, but not one member another', async () => {
    const { handler, participants } = setup();
    await expect(handler.execute('P1.LS-1', 'm1', STATE_ORGANISER, ctx)).resolves.toMatchObject({
      status: 'registered',
    });
    await expect(handler.execute('P1.LS-1', 'm2', member('m1'), ctx)).rejects.toMatchObject({
      code: 'NOT_YOUR_INVITATION',
    });
    expect(participants.get('P1.LS-1', 'm2')?.status).toBe('invited');
  });

  it('refuses someone not invited, and registration once the session has started', async () => {
    const { handler, participants } = setup();
    await expect(handler.execute('P1.LS-1', 'stranger', member('stranger'), ctx)).rejects.toMatchObject({
      code: 'NOT_INVITED',
    });
    const started = setup(aStartedSession());
    await expect(started.handler.execute('P1.LS-1', 'm1', member('m1'), ctx)).rejects.toMatchObject({
      code: 'REGISTRATION_CLOSED',
    });
    expect(started.sessions.seats.get('P1.LS-1')).toEqual([]);
    expect([...participants.events, ...started.participants.events]).toEqual([]);
  });
});
