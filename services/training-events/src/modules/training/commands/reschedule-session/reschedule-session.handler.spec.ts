import {
  aProgramme,
  aSession,
  DAY,
  STATE_ORGANISER,
  trainingFakes,
} from '../../../../../test/in-memory/training-fakes';
import { RescheduleSessionHandler } from './reschedule-session.handler';

describe('RescheduleSessionHandler', () => {
  const setup = () => {
    const fakes = trainingFakes();
    fakes.programmes.items.set('P1', aProgramme());
    const session = aSession();
    fakes.sessions.add(session);
    return { ...fakes, session, handler: new RescheduleSessionHandler(fakes.access, fakes.sessions) };
  };
  const at = (days: number) => new Date(Date.now() + days * DAY);

  it('moves the session inside the window and announces the previous start', async () => {
    const { handler, sessions, session } = setup();
    const startsAt = at(5);
    const endsAt = at(5.1);

    const view = await handler.execute(
      'P1.LS-1',
      { startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), venue: 'Lucknow' },
      STATE_ORGANISER,
      'corr',
    );

    expect(view).toMatchObject({
      startsAt: startsAt.toISOString(),
      endsAt: endsAt.toISOString(),
      venue: 'Lucknow',
    });
    expect(sessions.items.get('P1.LS-1')).toMatchObject({ startsAt, endsAt, venue: 'Lucknow' });
    const [event] = sessions.events;
    expect(sessions.events).toHaveLength(1);
    expect(event).toMatchObject({
      type: 'training.session.rescheduled',
      payload: {
        previousStartsAt: session.startsAt.toISOString(),
        startsAt: startsAt.toISOString(),
        venue: 'Lucknow',
      },
    });
  });

  it('refuses a new time outside the programme window and writes nothing', async () => {
    const { handler, sessions, session } = setup();
    await expect(
      handler.execute(
        'P1.LS-1',
        { startsAt: at(40).toISOString(), endsAt: at(40.1).toISOString() },
        STATE_ORGANISER,
        'corr',
      ),
    ).rejects.toMatchObject({ code: 'SESSION_OUTSIDE_WINDOW' });
    expect(sessions.items.get('P1.LS-1')?.startsAt).toEqual(session.startsAt);
    expect(sessions.events).toEqual([]);
  });

  it('answers SESSION_CHANGED when the session moved between reading and writing', async () => {
    const { handler, sessions } = setup();
    // Someone else rescheduled it after this request read it.
    const stale = structuredClone(sessions.items.get('P1.LS-1')!);
    const movedTo = at(3);
    sessions.items.get('P1.LS-1')!.startsAt = movedTo;
    jest.spyOn(sessions, 'findById').mockResolvedValueOnce(stale);

    await expect(
      handler.execute(
        'P1.LS-1',
        { startsAt: at(5).toISOString(), endsAt: at(5.1).toISOString() },
        STATE_ORGANISER,
        'corr',
      ),
    ).rejects.toMatchObject({ code: 'SESSION_CHANGED' });
    expect(sessions.items.get('P1.LS-1')?.startsAt).toEqual(movedTo);
    expect(sessions.events).toEqual([]);
  });
});
