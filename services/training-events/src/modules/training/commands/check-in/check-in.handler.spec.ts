import {
  anInvitee,
  aSession,
  aStartedSession,
  ctx,
  OTHER_DISTRICT_ORGANISER,
  STATE_ORGANISER,
  trainingFakes,
} from '../../../../../test/in-memory/training-fakes';
import { issueQrToken } from '../../application/qr-token';
import type { SessionState } from '../../domain/training-state';
import { CheckInHandler } from './check-in.handler';

describe('CheckInHandler', () => {
  beforeAll(() => {
    process.env.TRAINING_QR_SECRET = 'unit-test-qr-secret';
  });
  afterAll(() => {
    delete process.env.TRAINING_QR_SECRET;
  });

  const setup = (session: SessionState = aStartedSession()) => {
    const fakes = trainingFakes();
    fakes.sessions.add(session);
    fakes.participants.add(anInvitee(session, 'm1'));
    // Invited in a chunk whose batch may not be published yet: the handler reads it before writing.
    fakes.participants.add(anInvitee(session, 'm2', { invitationBatchId: `${session._id}#0` }));
    return {
      ...fakes,
      handler: new CheckInHandler(fakes.access, fakes.participants, fakes.directory),
    };
  };
  const attendance = (events: { type: string; key: string; payload: Record<string, unknown> }[]) =>
    events.map((e) => [e.type, e.key, e.payload.method, e.payload.walkIn]);

  it('checks in from the list and answers a double scan without a second event', async () => {
    const { handler, participants } = setup();

    const first = await handler.execute('P1.LS-1', { memberId: 'm1' }, STATE_ORGANISER, ctx);
    const again = await handler.execute('P1.LS-1', { memberId: 'm1' }, STATE_ORGANISER, ctx);

    expect(first).toMatchObject({ alreadyCheckedIn: false, participant: { checkInMethod: 'list' } });
    expect(again.alreadyCheckedIn).toBe(true);
    expect(participants.get('P1.LS-1', 'm1')?.attendedAt).toBeInstanceOf(Date);
    expect(attendance(participants.events)).toEqual([
      ['training.attendance.recorded', 'P1.LS-1~m1', 'list', false],
    ]);
  });

  it('checks in by QR an invitee whose invitation batch may be unpublished, clearing the batch link', async () => {
    const { handler, participants } = setup();

    const result = await handler.execute(
      'P1.LS-1',
      { qrToken: issueQrToken('P1.LS-1~m2') },
      STATE_ORGANISER,
      ctx,
    );

    expect(result).toMatchObject({ alreadyCheckedIn: false, participant: { checkInMethod: 'qr' } });
    expect(participants.get('P1.LS-1', 'm2')).toMatchObject({ checkInMethod: 'qr', invitationBatchId: null });
    expect(attendance(participants.events)).toEqual([
      ['training.attendance.recorded', 'P1.LS-1~m2', 'qr', false],
    ]);
  });

  it('refuses a QR code of another session and a forged one', async () => {
    const { handler, participants } = setup();
    await expect(
      handler.execute('P1.LS-1', { qrToken: issueQrToken('P1.LS-2~m1') }, STATE_ORGANISER, ctx),
    ).rejects.toMatchObject({ code: 'QR_FOR_OTHER_SESSION' });
    const forged = `${Buffer.from('P1.LS-1~m1').toString('base64url')}.AAAAAAAAAAAAAAAAAAAAAA`;
    await expect(handler.execute('P1.LS-1', { qrToken: forged }, STATE_ORGANISER, ctx)).rejects.toMatchObject(
      { status: 400 },
    );
    expect(participants.events).toEqual([]);
  });

  it('admits an active member living in the seat (through its assembly seat) as a walk-in where allowed', async () => {
    const { handler, participants } = setup(aStartedSession({ allowWalkIns: true }));
    participants.items.delete('P1.LS-1~m2');

    const admitted = await handler.execute('P1.LS-1', { memberId: 'm2' }, STATE_ORGANISER, ctx);

    expect(admitted).toMatchObject({
      alreadyCheckedIn: false,
      participant: { status: 'walk-in', walkIn: true, name: 'Sita Devi', checkInMethod: 'list' },
    });
    expect(participants.get('P1.LS-1', 'm2')).toMatchObject({ walkIn: true, memberAreaId: 'M-1' });
    expect(attendance(participants.events)).toEqual([
      ['training.attendance.recorded', 'P1.LS-1~m2', 'list', true],
    ]);
  });

  it('refuses walk-ins who are unknown, inactive or live outside the seat, writing nothing', async () => {
    const { handler, participants } = setup(aStartedSession({ allowWalkIns: true }));
    for (const [memberId, code] of [
      ['nobody', 'UNKNOWN_MEMBER'],
      ['gone', 'MEMBER_NOT_ACTIVE'],
      ['m9', 'MEMBER_OUTSIDE_SESSION_AREA'],
    ]) {
      await expect(handler.execute('P1.LS-1', { memberId }, STATE_ORGANISER, ctx)).rejects.toMatchObject({
        code,
      });
      expect(participants.items.has(`P1.LS-1~${memberId}`)).toBe(false);
    }
    expect(participants.events).toEqual([]);
  });

  it('refuses an uninvited member where walk-ins are not allowed, a check-in two days early, and another area’s organiser', async () => {
    const { handler, participants } = setup();
    await expect(handler.execute('P1.LS-1', { memberId: 'm9' }, STATE_ORGANISER, ctx)).rejects.toMatchObject({
      code: 'NOT_INVITED',
    });
    await expect(
      handler.execute('P1.LS-1', { memberId: 'm1' }, OTHER_DISTRICT_ORGANISER, ctx),
    ).rejects.toMatchObject({ code: 'OUT_OF_SCOPE' });
    const early = setup(aSession());
    await expect(
      early.handler.execute('P1.LS-1', { memberId: 'm1' }, STATE_ORGANISER, ctx),
    ).rejects.toMatchObject({ code: 'CHECK_IN_NOT_OPEN' });
    expect([...participants.events, ...early.participants.events]).toEqual([]);
    expect(participants.items.has('P1.LS-1~m9')).toBe(false);
  });
});
