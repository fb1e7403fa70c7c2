import {
  aSession,
  OTHER_DISTRICT_ORGANISER,
  STATE_ORGANISER,
  trainingFakes,
} from '../../../../../test/in-memory/training-fakes';
import { CancelSessionHandler } from './cancel-session.handler';

describe('CancelSessionHandler', () => {
  const setup = () => {
    const fakes = trainingFakes();
    fakes.sessions.add(aSession());
    return { ...fakes, handler: new CancelSessionHandler(fakes.access, fakes.sessions) };
  };

  it('cancels a scheduled session with its NFC reason and one session.cancelled event', async () => {
    const { handler, sessions } = setup();
    const reason = 'बाढ़ के कारण'.normalize('NFD');

    const view = await handler.execute('P1.LS-1', `  ${reason} `, STATE_ORGANISER, 'corr');

    expect(view).toMatchObject({ status: 'cancelled', cancelReason: 'बाढ़ के कारण'.normalize('NFC') });
    expect(sessions.items.get('P1.LS-1')).toMatchObject({ status: 'cancelled' });
    expect(sessions.events).toEqual([
      expect.objectContaining({
        type: 'training.session.cancelled',
        key: 'P1.LS-1',
        payload: expect.objectContaining({ sessionId: 'P1.LS-1', reason: 'बाढ़ के कारण'.normalize('NFC') }),
      }),
    ]);
  });

  it('refuses an organiser of another area and writes nothing', async () => {
    const { handler, sessions } = setup();
    await expect(handler.execute('P1.LS-1', 'rain', OTHER_DISTRICT_ORGANISER, 'corr')).rejects.toMatchObject({
      code: 'OUT_OF_SCOPE',
    });
    expect(sessions.items.get('P1.LS-1')?.status).toBe('scheduled');
    expect(sessions.events).toEqual([]);
  });

  it('refuses a blank reason and a session that is no longer scheduled', async () => {
    const { handler, sessions } = setup();
    await expect(handler.execute('P1.LS-1', '   ', STATE_ORGANISER, 'corr')).rejects.toMatchObject({
      code: 'REASON_REQUIRED',
    });
    sessions.items.get('P1.LS-1')!.status = 'held';
    await expect(handler.execute('P1.LS-1', 'rain', STATE_ORGANISER, 'corr')).rejects.toMatchObject({
      code: 'SESSION_NOT_OPEN',
    });
    expect(sessions.events).toEqual([]);
  });

  it('answers 404 for an unknown session', async () => {
    const { handler } = setup();
    await expect(handler.execute('nope', 'rain', STATE_ORGANISER, 'corr')).rejects.toMatchObject({
      code: 'SESSION_NOT_FOUND',
      status: 404,
    });
  });
});
