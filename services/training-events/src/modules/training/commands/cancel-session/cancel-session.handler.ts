import { Injectable } from '@nestjs/common';
import type { Principal } from '@sangathan/auth';
import { TrainingSessionCancelledV1 } from '@sangathan/contracts';
import { ConflictError, ValidationError } from '@sangathan/kernel';
import { OutboxRelay, outboxUpdate } from '@sangathan/messaging';
import { cleanText } from '../../domain/training-text';
import { assertOrganiser, TrainingStore } from '../../infrastructure/training.store';
import { toSessionView, type SessionView } from '../../infrastructure/training.views';
import { iso, outboxEvent } from '../../training-integration-events';

@Injectable()
export class CancelSessionHandler {
  constructor(
    private readonly store: TrainingStore,
    private readonly outbox: OutboxRelay,
  ) {}

  async execute(
    sessionId: string,
    rawReason: string,
    principal: Principal,
    correlationId: string,
  ): Promise<SessionView> {
    const session = await this.store.session(sessionId);
    assertOrganiser(principal, session);
    if (session.status !== 'scheduled') {
      throw new ConflictError('SESSION_NOT_OPEN', `a ${session.status} session cannot be cancelled`, [
        { field: 'sessionId', message: session.status },
      ]);
    }
    const reason = cleanText(rawReason, 'reason', 500);
    if (!reason)
      throw new ValidationError('REASON_REQUIRED', 'give a reason', [
        { field: 'reason', message: 'required' },
      ]);
    const now = new Date();
    const event = outboxEvent(
      TrainingSessionCancelledV1,
      { programmeId: session.programmeId, sessionId, areaId: session.areaId, reason, cancelledAt: iso(now) },
      sessionId,
      session,
      { actorId: principal.sub, correlationId },
      now,
    );
    const { $push, $set } = outboxUpdate([event]);
    const updated = await this.store.sessions
      .findOneAndUpdate(
        { _id: sessionId, status: 'scheduled' },
        { $set: { ...$set, status: 'cancelled', cancelledAt: now, cancelReason: reason }, $push },
        { new: true },
      )
      .lean()
      .exec();
    if (!updated)
      throw new ConflictError('SESSION_CHANGED', 'the session changed meanwhile; reload and retry', []);
    this.outbox.notify(this.store.sessions.collection.collectionName, sessionId);
    return toSessionView(updated as never);
  }
}
