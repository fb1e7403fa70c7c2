import { Inject, Injectable } from '@nestjs/common';
import { assertCan, type Principal } from '@sangathan/auth';
import { TrainingFeedbackGivenV1 } from '@sangathan/contracts';
import { ConflictError } from '@sangathan/kernel';
import { toParticipantView, type ParticipantView } from '../../application/participant.view';
import {
  PARTICIPANT_REPOSITORY,
  type ParticipantRepositoryPort,
} from '../../application/ports/participant-repository.port';
import { participantFacts, TrainingAccess } from '../../application/training-access';
import { iso, outboxEvent, type RequestContext } from '../../application/training.integration-events';
import { validateFeedback } from '../../domain/participant.entity';

/** An attendee's own rating and comment, once per session. */
@Injectable()
export class GiveFeedbackHandler {
  constructor(
    private readonly access: TrainingAccess,
    @Inject(PARTICIPANT_REPOSITORY) private readonly participants: ParticipantRepositoryPort,
  ) {}

  async execute(
    sessionId: string,
    rating: number,
    rawComment: string | null,
    principal: Principal,
    ctx: RequestContext,
  ): Promise<ParticipantView> {
    assertCan(principal, 'training:read');
    const session = await this.access.session(sessionId);
    const memberId = principal.sub;
    const participant = await this.participants.find(sessionId, memberId);
    const feedback = validateFeedback(participantFacts(participant), rating, rawComment);
    const now = new Date();
    const event = outboxEvent(
      TrainingFeedbackGivenV1,
      {
        programmeId: session.programmeId,
        sessionId,
        areaId: session.areaId,
        participantId: participant!._id,
        memberId,
        rating: feedback.rating,
        comment: feedback.comment,
        givenAt: iso(now),
      },
      participant!._id,
      session,
      ctx,
      now,
    );
    const updated = await this.participants.save(
      participant!,
      { attended: true, feedbackGiven: false },
      { rating: feedback.rating, comment: feedback.comment, feedbackAt: now },
      [event],
    );
    if (!updated)
      throw new ConflictError('FEEDBACK_ALREADY_GIVEN', 'feedback for this session was already given', [
        { field: 'memberId', message: 'already given' },
      ]);
    return toParticipantView(updated);
  }
}
