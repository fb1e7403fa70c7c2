import {
  anInvitee,
  aStartedSession,
  ctx,
  STATE_ORGANISER,
  trainingFakes,
} from '../../../../../test/in-memory/training-fakes';
import { CompleteHandler } from './complete.handler';

describe('CompleteHandler', () => {
  const setup = () => {
    const fakes = trainingFakes();
    const session = aStartedSession({ passScore: 60 });
    fakes.sessions.add(session);
    fakes.participants.add(anInvitee(session, 'm1', { attendedAt: new Date() }));
    fakes.participants.add(anInvitee(session, 'absent'));
    return { ...fakes, handler: new CompleteHandler(fakes.access, fakes.participants) };
  };

  it('refuses a score below the pass score, then records a passing one with training.completed', async () => {
    const { handler, participants } = setup();

    await expect(handler.execute('P1.LS-1', 'm1', 40, STATE_ORGANISER, ctx)).rejects.toMatchObject({
      code: 'BELOW_PASS_SCORE',
    });
    expect(participants.events).toEqual([]);
    const view = await handler.execute('P1.LS-1', 'm1', 75, STATE_ORGANISER, ctx);

    expect(view).toMatchObject({ score: 75, completedAt: expect.any(String) });
    expect(participants.get('P1.LS-1', 'm1')).toMatchObject({ score: 75, completedAt: expect.any(Date) });
    expect(participants.events).toEqual([
      expect.objectContaining({
        type: 'training.participant.completed',
        key: 'P1.LS-1~m1',
        payload: expect.objectContaining({ memberId: 'm1', score: 75 }),
      }),
    ]);
  });

  it('answers a repeated completion with the first one and no second event', async () => {
    const { handler, participants } = setup();
    await handler.execute('P1.LS-1', 'm1', 75, STATE_ORGANISER, ctx);

    const again = await handler.execute('P1.LS-1', 'm1', 90, STATE_ORGANISER, ctx);

    expect(again.score).toBe(75);
    expect(participants.events).toHaveLength(1);
  });

  it('refuses a member who never checked in', async () => {
    const { handler, participants } = setup();
    await expect(handler.execute('P1.LS-1', 'absent', 80, STATE_ORGANISER, ctx)).rejects.toMatchObject({
      code: 'NOT_ATTENDED',
    });
    expect(participants.get('P1.LS-1', 'absent')?.completedAt).toBeNull();
    expect(participants.events).toEqual([]);
  });
});
