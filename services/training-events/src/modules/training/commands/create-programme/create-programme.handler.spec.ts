import {
  DAY,
  OTHER_DISTRICT_ORGANISER,
  STATE_ORGANISER,
  trainingFakes,
} from '../../../../../test/in-memory/training-fakes';
import { InvitationMaterialiser } from '../../application/invitation-materialiser';
import { InvitationService } from '../../application/invitation.service';
import { CreateProgrammeHandler, type CreateProgrammeCommand } from './create-programme.handler';

describe('CreateProgrammeHandler', () => {
  const setup = () => {
    const fakes = trainingFakes();
    const { programmes, sessions, participants, batches, directory } = fakes;
    const invitations = new InvitationService(participants, batches, sessions, programmes);
    const materialiser = new InvitationMaterialiser(programmes, sessions, directory, invitations);
    return {
      ...fakes,
      materialiser,
      handler: new CreateProgrammeHandler(programmes, directory, materialiser),
    };
  };
  const command = (overrides: Partial<CreateProgrammeCommand> = {}): CreateProgrammeCommand => ({
    title: 'IT-cell meetings in every Lok Sabha seat',
    titleHi: 'हर लोकसभा सीट में आईटी सेल बैठक',
    rootAreaId: 'UP',
    windowStart: new Date(Date.now() + DAY).toISOString(),
    windowEnd: new Date(Date.now() + 12 * DAY).toISOString(),
    audience: { positions: ['it-cell-mandal', 'it-cell-assembly'], areaLevels: ['mandal', 'assembly'] },
    sessionPlan: { kind: 'per-area', level: 'lok-sabha' },
    targetRule: { kind: 'scaled', basis: 'booths', min: 2500, max: 5000 },
    schedule: {
      firstSessionAt: new Date(Date.now() + 2 * DAY).toISOString(),
      durationMinutes: 180,
      sessionsPerDay: 1,
      capacity: null,
      allowWalkIns: false,
      venue: null,
    },
    passScore: null,
    principal: STATE_ORGANISER,
    correlationId: 'corr-create',
    ...overrides,
  });

  it('writes the programme and one session per Lok Sabha seat, each with its event, targets scaled by booths', async () => {
    const { handler, programmes, sessions } = setup();

    const view = await handler.execute(command());

    expect(view).toMatchObject({ rootAreaId: 'UP', sessionCount: 2, totalTarget: 7500 });
    expect(programmes.items.get(view.id)?.plannedSessions.map((s) => [s.sessionId, s.target])).toEqual([
      [`${view.id}.LS-1`, 2500],
      [`${view.id}.LS-2`, 5000],
    ]);
    expect(programmes.events).toEqual([
      expect.objectContaining({
        type: 'training.programme.created',
        key: view.id,
        payload: expect.objectContaining({ programmeId: view.id, sessionCount: 2, totalTarget: 7500 }),
      }),
    ]);
    expect(sessions.events.map((e) => [e.type, e.key, e.payload.target])).toEqual([
      ['training.session.scheduled', `${view.id}.LS-1`, 2500],
      ['training.session.scheduled', `${view.id}.LS-2`, 5000],
    ]);
  });

  it('invites the audience of each seat through the assembly cross-link, on one invitation batch per chunk', async () => {
    const { handler, materialiser, programmes, participants, batches } = setup();

    const { id } = await handler.execute(command());
    await materialiser.start(id, { actorId: null, correlationId: 'corr-create' });

    expect(programmes.items.get(id)).toMatchObject({
      materialisation: 'done',
      invitedCount: 3,
      sessionsInvited: 2,
    });
    expect([...participants.items.keys()].sort()).toEqual([
      `${id}.LS-1~m1`,
      `${id}.LS-1~m2`,
      `${id}.LS-2~m9`,
    ]);
    // The participants carry no events of their own: their invited events travel on the batches.
    expect(participants.events).toEqual([]);
    // In position id order: it-cell-assembly:AC-1 (m2) before it-cell-mandal:M-1 (m1).
    expect(batches.eventsOf(`${id}.LS-1#0`).map((e) => [e.type, e.key])).toEqual([
      ['training.participant.invited', `${id}.LS-1~m2`],
      ['training.participant.invited', `${id}.LS-1~m1`],
    ]);
    expect(batches.eventsOf(`${id}.LS-2#0`).map((e) => e.payload.memberId)).toEqual(['m9']);
  });

  it('refuses a root area above the caller’s and an audience nobody holds, writing nothing', async () => {
    const { handler, programmes, sessions } = setup();

    await expect(handler.execute(command({ principal: OTHER_DISTRICT_ORGANISER }))).rejects.toMatchObject({
      status: 403,
    });
    await expect(
      handler.execute(command({ audience: { positions: ['district-president'], areaLevels: ['district'] } })),
    ).rejects.toMatchObject({ code: 'AUDIENCE_MATCHES_NOBODY' });
    expect(programmes.items.size).toBe(0);
    expect(sessions.items.size).toBe(0);
    expect([...programmes.events, ...sessions.events]).toEqual([]);
  });
});
