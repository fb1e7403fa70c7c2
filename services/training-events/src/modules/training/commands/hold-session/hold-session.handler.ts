import { Injectable } from '@nestjs/common';
import type { Principal } from '@sangathan/auth';
import { TrainingSessionHeldV1 } from '@sangathan/contracts';
import { ConflictError } from '@sangathan/kernel';
import { OutboxRelay, outboxUpdate } from '@sangathan/messaging';
import { assertHoldable } from '../../domain/session-rules';
import { assertOrganiser, sessionFacts, TrainingStore } from '../../infrastructure/training.store';
import { toSessionView, type SessionView } from '../../infrastructure/training.views';
import { iso, outboxEvent } from '../../training-integration-events';

/**
 * Closes a session as held: counts its participants (reads), then one conditional write sets the
 * status, the turnout figures and the `session.held` event. Check-ins stop from then on.
 */
@Injectable()
export class HoldSessionHandler {
  constructor(
    private readonly store: TrainingStore,
    private readonly outbox: OutboxRelay,
  ) {}

  async execute(sessionId: string, principal: Principal, correlationId: string): Promise<SessionView> {
    const session = await this.store.session(sessionId);
    assertOrganiser(principal, session);
    assertHoldable(sessionFacts(session), new Date());
    const count = (filter: Record<string, unknown>) =>
      this.store.participants.countDocuments({ sessionId, ...filter }).exec();
    const [invitedCount, registeredCount, attendedCount, walkInCount, completedCount] = await Promise.all([
      count({ walkIn: false }),
      count({ status: 'registered' }),
      count({ attendedAt: { $ne: null } }),
      count({ walkIn: true }),
      count({ completedAt: { $ne: null } }),
    ]);
    const turnout = { invitedCount, registeredCount, attendedCount, walkInCount, completedCount };
    const now = new Date();
    const turnoutRatio =
      session.target > 0 ? Math.round((attendedCount / session.target) * 10_000) / 10_000 : 0;
    const event = outboxEvent(
      TrainingSessionHeldV1,
      {
        programmeId: session.programmeId,
        sessionId,
        areaId: session.areaId,
        areaLevel: session.areaLevel as never,
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
    const { $push, $set } = outboxUpdate([event]);
    const updated = await this.store.sessions
      .findOneAndUpdate(
        { _id: sessionId, status: 'scheduled' },
        { $set: { ...$set, status: 'held', heldAt: now, turnout: { ...turnout, turnoutRatio } }, $push },
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
