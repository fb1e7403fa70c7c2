import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@sangathan/auth';
import { TrainingCompletedV1 } from '@sangathan/contracts';
import { toParticipantView, type ParticipantView } from '../../application/participant.view';
import {
  PARTICIPANT_REPOSITORY,
  type ParticipantRepositoryPort,
} from '../../application/ports/participant-repository.port';
import {
  assertOrganiser,
  participantFacts,
  sessionFacts,
  TrainingAccess,
} from '../../application/training-access';
import { iso, outboxEvent, type RequestContext } from '../../application/training.integration-events';
import { decideCompletion } from '../../domain/participant.entity';

@Injectable()
export class CompleteHandler {
  constructor(
    private readonly access: TrainingAccess,
    @Inject(PARTICIPANT_REPOSITORY) private readonly participants: ParticipantRepositoryPort,
  ) {}

  async execute(
    sessionId: string,
    memberId: string,
    score: number | null,
    principal: Principal,
    ctx: RequestContext,
  ): Promise<ParticipantView> {
    const session = await this.access.session(sessionId);
    assertOrganiser(principal, session);
    const participant = await this.participants.find(sessionId, memberId);
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
    const updated = await this.participants.save(
      participant!,
      { attended: true, completed: false },
      { completedAt: now, score },
      [event],
    );
    return toParticipantView(updated ?? (await this.participants.find(sessionId, memberId))!);
  }
}
