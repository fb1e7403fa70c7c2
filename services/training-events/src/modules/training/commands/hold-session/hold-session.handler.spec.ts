import {
  anInvitee,
  aSession,
  aStartedSession,
  STATE_ORGANISER,
  trainingFakes,
} from '../../../../../test/in-memory/training-fakes';
import { HoldSessionHandler } from './hold-session.handler';

describe('HoldSessionHandler', () => {
  const setup = (session = aStartedSession()) => {
    const fakes = trainingFakes();
    fakes.sessions.add(session);
    const now = new Date();
    fakes.participants.add(
      anInvitee(session, 'm1', { status: 'registered', attendedAt: now, completedAt: now }),
    );
    fakes.participants.add(anInvitee(session, 'm2', { status: 'registered' }));
    fakes.participants.add(anInvitee(session, 'm3', { status: 'declined' }));
    fakes.participants.add(
      anInvitee(session, 'w1', { status: 'walk-in', walkIn: true, attendedAt: now, invitedAt: null }),
    );
    return {
      ...fakes,
      handler: new HoldSessionHandler(fakes.access, fakes.sessions, fakes.participants),
    };
  };

  it('holds a started session, freezes its turnout and publishes session.held with the counts', async () => {
    const { handler, sessions } = setup();

    const view = await handler.execute('P1.LS-1', STATE_ORGANISER, 'corr');

    const turnout = {
      invitedCount: 3,
      registeredCount: 2,
      attendedCount: 2,
      walkInCount: 1,
      completedCount: 1,
      turnoutRatio: 0.2,
    };
    expect(view).toMatchObject({ status: 'held', turnout });
    expect(sessions.items.get('P1.LS-1')).toMatchObject({ status: 'held', turnout });
    expect(sessions.events).toEqual([
      expect.objectContaining({
        type: 'training.session.held',
        key: 'P1.LS-1',
        payload: expect.objectContaining({ ...turnout, target: 10, areaLevel: 'lok-sabha' }),
      }),
    ]);
  });

  it('refuses to hold a session two days ahead, and a session held already, writing nothing', async () => {
    const { handler, sessions } = setup(aSession());
    await expect(handler.execute('P1.LS-1', STATE_ORGANISER, 'corr')).rejects.toMatchObject({
      code: 'SESSION_NOT_STARTED',
    });
    sessions.items.get('P1.LS-1')!.status = 'held';
    await expect(handler.execute('P1.LS-1', STATE_ORGANISER, 'corr')).rejects.toMatchObject({
      code: 'SESSION_NOT_OPEN',
    });
    expect(sessions.events).toEqual([]);
  });
});
