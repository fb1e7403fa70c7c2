import { Injectable } from '@nestjs/common';
import type { Principal } from '@sangathan/auth';
import { TrainingCompletedV1 } from '@sangathan/contracts';
import { decideCompletion } from '../../domain/participant.entity';
import { ParticipantOutbox } from '../../infrastructure/participant-outbox';
import type { ParticipantDocument } from '../../infrastructure/training.schemas';
import {
  assertOrganiser,
  participantFacts,
  sessionFacts,
  TrainingStore,
} from '../../infrastructure/training.store';
import { toParticipantView, type ParticipantView } from '../../infrastructure/training.views';
import { iso, outboxEvent, type RequestContext } from '../../training-integration-events';

@Injectable()
export class CompleteHandler {
  constructor(
    private readonly store: TrainingStore,
    private readonly events: ParticipantOutbox,
  ) {}

  async execute(
    sessionId: string,
    memberId: string,
    score: number | null,
    principal: Principal,
    ctx: RequestContext,
  ): Promise<ParticipantView> {
    const session = await this.store.session(sessionId);
    assertOrganiser(principal, session);
    const participant = await this.store.participant(sessionId, memberId);
    if (decideCompletion(sessionFacts(session), participantFacts(participant), score) === 'already')
      return toParticipantView(participant!);
    const now = new Date();
    const event = outboxEvent(
      TrainingCompletedV1,
      {
        programmeId: session.programmeId,
        sessionId,
        areaId: session.areaId,
        participantId: participant!._id,
        memberId,
        score,
        completedAt: iso(now),
      },
      participant!._id,
      session,
      ctx,
      now,
    );
    const { $push, $set } = await this.events.append(participant!, [event]);
    const updated = await this.store.participants
      .findOneAndUpdate(
        { _id: participant!._id, attendedAt: { $ne: null }, completedAt: null },
        { $set: { ...$set, completedAt: now, score }, $push },
        { new: true },
      )
      .lean<ParticipantDocument>()
      .exec();
    if (updated) this.events.announce(participant!._id);
    return toParticipantView(updated ?? (await this.store.participant(sessionId, memberId))!);
  }
}
