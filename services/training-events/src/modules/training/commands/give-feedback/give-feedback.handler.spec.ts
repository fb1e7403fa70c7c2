import {
  anInvitee,
  aStartedSession,
  ctx,
  member,
  trainingFakes,
} from '../../../../../test/in-memory/training-fakes';
import { GiveFeedbackHandler } from './give-feedback.handler';

describe('GiveFeedbackHandler', () => {
  const setup = () => {
    const fakes = trainingFakes();
    const session = aStartedSession();
    fakes.sessions.add(session);
    fakes.participants.add(anInvitee(session, 'm1', { attendedAt: new Date() }));
    fakes.participants.add(anInvitee(session, 'absent'));
    return { ...fakes, handler: new GiveFeedbackHandler(fakes.access, fakes.participants) };
  };

  it('stores the attendee’s Devanagari comment NFC-normalised, once', async () => {
    const { handler, participants } = setup();
    const comment = 'बहुत अच्छा प्रशिक्षण';

    const view = await handler.execute('P1.LS-1', 5, comment.normalize('NFD'), member('m1'), ctx);

    expect(view).toMatchObject({ rating: 5, comment: comment.normalize('NFC') });
    expect(participants.get('P1.LS-1', 'm1')).toMatchObject({ rating: 5, feedbackAt: expect.any(Date) });
    expect(participants.events).toEqual([
      expect.objectContaining({
        type: 'training.feedback.given',
        key: 'P1.LS-1~m1',
        payload: expect.objectContaining({ rating: 5, comment: comment.normalize('NFC') }),
      }),
    ]);
    await expect(handler.execute('P1.LS-1', 4, null, member('m1'), ctx)).rejects.toMatchObject({
      code: 'FEEDBACK_ALREADY_GIVEN',
    });
    expect(participants.events).toHaveLength(1);
  });

  it('refuses feedback from a member who did not attend, and a rating outside 1-5', async () => {
    const { handler, participants } = setup();
    await expect(handler.execute('P1.LS-1', 4, null, member('absent'), ctx)).rejects.toMatchObject({
      code: 'NOT_ATTENDED',
    });
    await expect(handler.execute('P1.LS-1', 6, null, member('m1'), ctx)).rejects.toMatchObject({
      code: 'INVALID_RATING',
    });
    expect(participants.events).toEqual([]);
  });
});
