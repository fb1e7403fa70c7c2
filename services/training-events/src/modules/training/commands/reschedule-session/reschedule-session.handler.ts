import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@sangathan/auth';
import { TrainingSessionRescheduledV1 } from '@sangathan/contracts';
import { ConflictError, ValidationError } from '@sangathan/kernel';
import {
  SESSION_REPOSITORY,
  type SessionRepositoryPort,
} from '../../application/ports/session-repository.port';
import { toSessionView, type SessionView } from '../../application/session.view';
import { assertOrganiser, TrainingAccess } from '../../application/training-access';
import { iso, outboxEvent } from '../../application/training.integration-events';
import { isInsideWindow } from '../../domain/programme.entity';
import { cleanText } from '../../domain/training-text';
import type { RescheduleSessionDto } from './reschedule-session.dto';

@Injectable()
export class RescheduleSessionHandler {
  constructor(
    private readonly access: TrainingAccess,
    @Inject(SESSION_REPOSITORY) private readonly sessions: SessionRepositoryPort,
  ) {}

  async execute(
    sessionId: string,
    body: RescheduleSessionDto,
    principal: Principal,
    correlationId: string,
  ): Promise<SessionView> {
    const session = await this.access.session(sessionId);
    assertOrganiser(principal, session);
    if (session.status !== 'scheduled') {
      throw new ConflictError('SESSION_NOT_OPEN', `a ${session.status} session cannot be rescheduled`, [
        { field: 'sessionId', message: session.status },
      ]);
    }
    const programme = await this.access.programme(session.programmeId);
    const startsAt = new Date(body.startsAt);
    const endsAt = new Date(body.endsAt);
    if (!isInsideWindow(programme, startsAt, endsAt)) {
      throw new ValidationError(
        'SESSION_OUTSIDE_WINDOW',
        `the session must start and end inside the programme window ${iso(programme.windowStart)} – ${iso(programme.windowEnd)} (and end after it starts)`,
        [{ field: 'startsAt', message: 'outside the programme window' }],
      );
    }
    const venue = body.venue === undefined ? session.venue : cleanText(body.venue, 'venue', 300);
    const event = outboxEvent(
      TrainingSessionRescheduledV1,
      {
        programmeId: session.programmeId,
        sessionId,
        areaId: session.areaId,
        previousStartsAt: iso(session.startsAt),
        startsAt: iso(startsAt),
        endsAt: iso(endsAt),
        venue,
      },
      sessionId,
      session,
      { actorId: principal.sub, correlationId },
    );
    // Conditional on the state we validated against: a concurrent change makes this a clear 409.
    const updated = await this.sessions.save(
      sessionId,
      { status: 'scheduled', startsAt: session.startsAt },
      { startsAt, endsAt, venue },
      [event],
    );
    if (!updated)
      throw new ConflictError('SESSION_CHANGED', 'the session changed meanwhile; reload and retry', []);
    return toSessionView(updated);
  }
}
