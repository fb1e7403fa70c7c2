import { createEvent, TRAINING_PARTICIPANT_TOPIC, TrainingParticipantInvitedV1 } from '@sangathan/contracts';
import { toOutboxEntry } from '@sangathan/messaging';
import { waitFor } from '@sangathan/testing';
import { InvitationService } from '../src/modules/training/application/invitation.service';
import { admin, arranged, DAY, itCellProgramme, TrainingHarness } from './training-harness';

describe('training invitations: audience rules, invitation batches, late joiners, event order', () => {
  const h = new TrainingHarness('training-invitations');
  let programme: { id: string };
  let sessions: { id: string; areaId: string; target: number }[];

  beforeAll(async () => {
    await h.start();
    programme = await arranged<{ id: string }>(
      h.http.post('/programmes').set('Authorization', admin).send(itCellProgramme()),
      201,
    );
    sessions = (
      await arranged<{ items: { id: string; areaId: string; target: number }[] }>(
        h.http.get(`/programmes/${programme.id}/sessions`).set('Authorization', admin),
        200,
      )
    ).items;
  });
  afterAll(() => h.stop());

  describe('materialising a programme', () => {
    it('invites the audience of each seat through the assembly cross-link, skipping inactive and replaced holders', async () => {
      await waitFor(
        async () =>
          (await h.http.get(`/programmes/${programme.id}`).set('Authorization', admin)).body
            .materialisation === 'done',
        { what: 'materialisation' },
      );
      const invitees = async (sessionId: string) =>
        (
          (await h.http.get(`/sessions/${sessionId}/participants`).set('Authorization', admin).expect(200))
            .body.items as { memberId: string }[]
        )
          .map((p) => p.memberId)
          .sort();
      expect(await invitees(sessions[0].id)).toEqual(['m1', 'm2', 'm3']);
      expect(await invitees(sessions[1].id)).toEqual(['m4', 'm8']);
      expect(
        (await h.http.get(`/programmes/${programme.id}`).set('Authorization', admin)).body,
      ).toMatchObject({
        invitedCount: 5,
        sessionsInvited: 2,
      });
    });

    it('carries each chunk’s invited events on one invitation batch, emptied once published, not on the participants', async () => {
      const batches = h.db.collection<{ _id: string; eventCount: number }>('invitation_batches');
      const written = await batches.find({ programmeId: programme.id }).toArray();
      expect(written.map((b) => [b._id, b.eventCount]).sort()).toEqual([
        [`${sessions[0].id}#0`, 3],
        [`${sessions[1].id}#0`, 2],
      ]);
      await waitFor(
        async () =>
          (await batches.countDocuments({ programmeId: programme.id, 'outbox.0': { $exists: true } })) === 0,
        { what: 'batches published' },
      );
      const invitee = await h.db.collection('participants').findOne({ _id: `${sessions[1].id}~m4` as never });
      expect(invitee).toMatchObject({ outbox: [], invitationBatchId: `${sessions[1].id}#0` });
    });

    it('invites someone who takes up an audience position after the programme was created', async () => {
      await h.feed
        .area('S-1B', 'sector', 'M-1', { lokSabhaId: 'LS-1' })
        .member('m9', 'Late Joiner', null, 'S-1B')
        .assign('it-cell-sector', 'S-1B', 'm9')
        .flush();
      const joined = await waitFor(
        async () => {
          const res = await h.http
            .get(`/sessions/${sessions[0].id}/participants/m9`)
            .set('Authorization', admin);
          return res.status === 200 ? res.body : undefined;
        },
        { what: 'late invitation' },
      );
      expect(joined).toMatchObject({ status: 'invited', positionId: 'it-cell-sector:S-1B' });
      expect(
        (await h.http.get(`/sessions/${sessions[1].id}/participants/m9`).set('Authorization', admin)).status,
      ).toBe(404);
    });
  });

  describe('invitation batches', () => {
    const ctx = { actorId: null, correlationId: 'resume-test' };
    const place = {
      _id: 'RESUME-P.LS-2',
      programmeId: 'RESUME-P',
      areaId: 'LS-2',
      ancestors: ['IN', 'UP'],
      startsAt: new Date(Date.now() + 2 * DAY),
    };
    const invitee = (memberId: string) => ({
      memberId,
      name: `वर्कर ${memberId}`,
      nameAlt: null,
      positionId: `it-cell-sector:S-${memberId}`,
      memberAreaId: 'S-3',
    });
    const batch = (id: string) =>
      h.db.collection<{ _id: string; eventCount: number }>('invitation_batches').findOne({ _id: id });

    it('re-running a chunk adds nothing, and completes a chunk whose batch an interrupted run never wrote', async () => {
      const writer = h.app.get(InvitationService);
      expect(await writer.invite(place, [invitee('r1'), invitee('r2')], 'RESUME-P.LS-2#0', ctx)).toBe(2);
      expect((await batch('RESUME-P.LS-2#0'))?.eventCount).toBe(2);
      // As if the run had stopped after inserting r1 and r2 but before writing their batch.
      await h.db.collection('invitation_batches').deleteOne({ _id: 'RESUME-P.LS-2#0' as never });

      expect(
        await writer.invite(place, [invitee('r1'), invitee('r2'), invitee('r3')], 'RESUME-P.LS-2#0', ctx),
      ).toBe(1);
      expect((await batch('RESUME-P.LS-2#0'))?.eventCount).toBe(3);
      expect(
        await writer.invite(place, [invitee('r1'), invitee('r2'), invitee('r3')], 'RESUME-P.LS-2#0', ctx),
      ).toBe(0);
      expect((await batch('RESUME-P.LS-2#0'))?.eventCount).toBe(3);
      // r1 already belongs to batch #0: another batch does not announce it again.
      expect(await writer.invite(place, [invitee('r1')], 'RESUME-P.LS-2#1', ctx)).toBe(0);
      expect(await batch('RESUME-P.LS-2#1')).toBeNull();
      expect(await h.db.collection('participants').countDocuments({ sessionId: 'RESUME-P.LS-2' })).toBe(3);
    });

    it('publishes a participant’s invited event before its registration while its batch is still unpublished', async () => {
      const res = await h.http
        .post('/programmes')
        .set('Authorization', admin)
        .send(
          itCellProgramme({
            title: 'Order check LS-2',
            sessionPlan: { kind: 'central', areaId: 'LS-2' },
            targetRule: { kind: 'fixed', value: 2 },
          }),
        )
        .expect(201);
      await waitFor(
        async () =>
          (await h.http.get(`/programmes/${res.body.id}`).set('Authorization', admin)).body
            .materialisation === 'done',
        { what: 'materialisation' },
      );
      const sessionId = `${res.body.id}.LS-2`;
      const participantId = `${sessionId}~m4`;
      // A batch the relay has not reached yet: due only in an hour.
      const invited = createEvent(
        TrainingParticipantInvitedV1,
        {
          programmeId: res.body.id,
          sessionId,
          areaId: 'LS-2',
          participantId,
          memberId: 'm4',
          positionId: 'it-cell-sector:S-3',
          memberAreaId: 'S-3',
          startsAt: new Date(Date.now() + 2 * DAY).toISOString(),
          invitedAt: new Date().toISOString(),
        },
        {
          producer: 'training-events',
          areaId: 'LS-2',
          areaPath: ['IN', 'UP'],
          actorId: null,
          correlationId: 'order-test',
        },
      );
      await h.db.collection('invitation_batches').insertOne({
        _id: 'ORDER-TEST#0' as never,
        sessionId,
        programmeId: res.body.id,
        eventCount: 1,
        createdAt: new Date(),
        outbox: [toOutboxEntry(invited, TrainingParticipantInvitedV1.topic, participantId)],
        outboxDueAt: new Date(Date.now() + 3600_000),
      });
      await h.db
        .collection('participants')
        .updateOne({ _id: participantId as never }, { $set: { invitationBatchId: 'ORDER-TEST#0' } });

      await h.http
        .post(`/sessions/${sessionId}/registrations`)
        .set('Authorization', admin)
        .send({ memberId: 'm4' })
        .expect(200);

      const ofParticipant = () =>
        h.events(TRAINING_PARTICIPANT_TOPIC.name).filter((e) => e.payload.participantId === participantId);
      await waitFor(() => ofParticipant().some((e) => e.type === 'training.participant.registered'), {
        what: 'registered event',
      });
      const order = ofParticipant().map((e) => e.eventId);
      const registered = ofParticipant().find((e) => e.type === 'training.participant.registered')!;
      expect(order.indexOf(invited.eventId)).toBe(order.indexOf(registered.eventId) - 1);
      expect(await h.db.collection('participants').findOne({ _id: participantId as never })).toMatchObject({
        invitationBatchId: null,
        status: 'registered',
      });
    });
  });
});
