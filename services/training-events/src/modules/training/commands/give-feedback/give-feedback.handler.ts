import { Injectable } from '@nestjs/common';
import { assertCan, type Principal } from '@sangathan/auth';
import { TrainingFeedbackGivenV1 } from '@sangathan/contracts';
import { ConflictError } from '@sangathan/kernel';
import { validateFeedback } from '../../domain/participant.entity';
import { ParticipantOutbox } from '../../infrastructure/participant-outbox';
import type { ParticipantDocument } from '../../infrastructure/training.schemas';
import { participantFacts, TrainingStore } from '../../infrastructure/training.store';
import { toParticipantView, type ParticipantView } from '../../infrastructure/training.views';
import { iso, outboxEvent, type RequestContext } from '../../training-integration-events';

/** An attendee's own rating and comment, once per session. */
@Injectable()
export class GiveFeedbackHandler {
  constructor(
    private readonly store: TrainingStore,
    private readonly events: ParticipantOutbox,
  ) {}

  async execute(
    sessionId: string,
    rating: number,
    rawComment: string | null,
    principal: Principal,
    ctx: RequestContext,
  ): Promise<ParticipantView> {
    assertCan(principal, 'training:read');
    const session = await this.store.session(sessionId);
    const memberId = principal.sub;
    const participant = await this.store.participant(sessionId, memberId);
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
    const { $push, $set } = await this.events.append(participant!, [event]);
    const updated = await this.store.participants
      .findOneAndUpdate(
        { _id: participant!._id, attendedAt: { $ne: null }, feedbackAt: null },
        { $set: { ...$set, rating: feedback.rating, comment: feedback.comment, feedbackAt: now }, $push },
        { new: true },
      )
      .lean<ParticipantDocument>()
      .exec();
    if (!updated)
      throw new ConflictError('FEEDBACK_ALREADY_GIVEN', 'feedback for this session was already given', [
        { field: 'memberId', message: 'already given' },
      ]);
    this.events.announce(participant!._id);
    return toParticipantView(updated);
  }
}
