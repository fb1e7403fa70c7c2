import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@sangathan/auth';
import { TrainingSessionHeldV1 } from '@sangathan/contracts';
import { ConflictError } from '@sangathan/kernel';
import {
  PARTICIPANT_REPOSITORY,
  type ParticipantRepositoryPort,
} from '../../application/ports/participant-repository.port';
import {
  SESSION_REPOSITORY,
  type SessionRepositoryPort,
} from '../../application/ports/session-repository.port';
import { toSessionView, type SessionView } from '../../application/session.view';
import { assertOrganiser, sessionFacts, TrainingAccess } from '../../application/training-access';
import { iso, outboxEvent } from '../../application/training.integration-events';
import { assertHoldable } from '../../domain/session-rules';

/**
 * Closes a session as held: counts its participants (reads), then one conditional write sets the
 * status, the turnout figures and the `session.held` event. Check-ins stop from then on.
 */
@Injectable()
export class HoldSessionHandler {
  constructor(
    private readonly access: TrainingAccess,
    @Inject(SESSION_REPOSITORY) private readonly sessions: SessionRepositoryPort,
    @Inject(PARTICIPANT_REPOSITORY) private readonly participants: ParticipantRepositoryPort,
  ) {}

  async execute(sessionId: string, principal: Principal, correlationId: string): Promise<SessionView> {
    const session = await this.access.session(sessionId);
    assertOrganiser(principal, session);
    assertHoldable(sessionFacts(session), new Date());
    const turnout = await this.participants.turnout(sessionId);
    const now = new Date();
    const turnoutRatio =
      session.target > 0 ? Math.round((turnout.attendedCount / session.target) * 10_000) / 10_000 : 0;
    const event = outboxEvent(
      TrainingSessionHeldV1,
      {
        programmeId: session.programmeId,
        sessionId,
        areaId: session.areaId,
        areaLevel: session.areaLevel,
        ancestors: session.ancestors,
        startsAt: iso(session.startsAt),
        endsAt: iso(session.endsAt),
        heldAt: iso(now),
        target: session.target,
        ...turnout,
        turnoutRatio,
      },
      sessionId,
      session,
      { actorId: principal.sub, correlationId },
      now,
    );
    const updated = await this.sessions.save(
      sessionId,
      { status: 'scheduled' },
      { status: 'held', heldAt: now, turnout: { ...turnout, turnoutRatio } },
      [event],
    );
    if (!updated)
      throw new ConflictError('SESSION_CHANGED', 'the session changed meanwhile; reload and retry', []);
    return toSessionView(updated);
  }
}
