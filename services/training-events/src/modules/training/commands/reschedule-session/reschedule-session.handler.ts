import { Injectable } from '@nestjs/common';
import type { Principal } from '@sangathan/auth';
import { TrainingSessionRescheduledV1 } from '@sangathan/contracts';
import { ConflictError, ValidationError } from '@sangathan/kernel';
import { OutboxRelay, outboxUpdate } from '@sangathan/messaging';
import { isInsideWindow } from '../../domain/programme.entity';
import { cleanText } from '../../domain/training-text';
import { assertOrganiser, TrainingStore } from '../../infrastructure/training.store';
import { toSessionView, type SessionView } from '../../infrastructure/training.views';
import { iso, outboxEvent } from '../../training-integration-events';
import type { RescheduleSessionDto } from './reschedule-session.dto';

@Injectable()
export class RescheduleSessionHandler {
  constructor(
    private readonly store: TrainingStore,
    private readonly outbox: OutboxRelay,
  ) {}

  async execute(
    sessionId: string,
    body: RescheduleSessionDto,
    principal: Principal,
    correlationId: string,
  ): Promise<SessionView> {
    const session = await this.store.session(sessionId);
    assertOrganiser(principal, session);
    if (session.status !== 'scheduled') {
      throw new ConflictError('SESSION_NOT_OPEN', `a ${session.status} session cannot be rescheduled`, [
        { field: 'sessionId', message: session.status },
      ]);
    }
    const programme = await this.store.programme(session.programmeId);
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
    const { $push, $set } = outboxUpdate([event]);
    // Conditional on the state we validated against: a concurrent change makes this a clear 409.
    const updated = await this.store.sessions
      .findOneAndUpdate(
        { _id: sessionId, status: 'scheduled', startsAt: session.startsAt },
        { $set: { ...$set, startsAt, endsAt, venue }, $push },
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
