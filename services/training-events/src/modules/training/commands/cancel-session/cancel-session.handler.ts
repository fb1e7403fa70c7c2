import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@sangathan/auth';
import { TrainingSessionCancelledV1 } from '@sangathan/contracts';
import { ConflictError, ValidationError } from '@sangathan/kernel';
import {
  SESSION_REPOSITORY,
  type SessionRepositoryPort,
} from '../../application/ports/session-repository.port';
import { toSessionView, type SessionView } from '../../application/session.view';
import { assertOrganiser, TrainingAccess } from '../../application/training-access';
import { iso, outboxEvent } from '../../application/training.integration-events';
import { cleanText } from '../../domain/training-text';

@Injectable()
export class CancelSessionHandler {
  constructor(
    private readonly access: TrainingAccess,
    @Inject(SESSION_REPOSITORY) private readonly sessions: SessionRepositoryPort,
  ) {}

  async execute(
    sessionId: string,
    rawReason: string,
    principal: Principal,
    correlationId: string,
  ): Promise<SessionView> {
    const session = await this.access.session(sessionId);
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
    const updated = await this.sessions.save(
      sessionId,
      { status: 'scheduled' },
      { status: 'cancelled', cancelledAt: now, cancelReason: reason },
      [event],
    );
    if (!updated)
      throw new ConflictError('SESSION_CHANGED', 'the session changed meanwhile; reload and retry', []);
    return toSessionView(updated);
  }
}
