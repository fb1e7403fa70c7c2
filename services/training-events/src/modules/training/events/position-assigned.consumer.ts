import { Injectable } from '@nestjs/common';
import { PositionAssignedV1, type EventEnvelope, type PayloadOf } from '@sangathan/contracts';
import type { IntegrationEventHandler } from '@sangathan/messaging';
import { DirectoryReader } from '../../directory/infrastructure/directory.reader';
import { participantIdOf } from '../domain/participant.entity';
import { InvitationWriter } from '../infrastructure/invitation-writer';
import type { SessionDocument } from '../infrastructure/training.schemas';
import { TrainingStore } from '../infrastructure/training.store';

type Assigned = PayloadOf<typeof PositionAssignedV1>;

/**
 * Someone who takes up an audience position after a programme was materialised is invited to the
 * upcoming sessions covering their position's area, through the same InvitationWriter as the
 * materialiser. Idempotent: the participant id is derived from (session, member) and the batch id
 * from the participant, so a redelivered event inserts nothing and emits nothing.
 * Sessions still being materialised are left to the materialiser, which reads the roster later.
 */
@Injectable()
export class PositionAssignedConsumer implements IntegrationEventHandler {
  readonly subscribesTo = [PositionAssignedV1];

  constructor(
    private readonly store: TrainingStore,
    private readonly directory: DirectoryReader,
    private readonly invitations: InvitationWriter,
  ) {}

  async handle(event: EventEnvelope): Promise<void> {
    const position = event.payload as Assigned;
    const programmes = await this.store.programmes
      .find({ audienceTypes: position.type }, { _id: 1 })
      .lean()
      .exec();
    if (programmes.length === 0) return;
    const member = await this.directory.findMember(position.memberId);
    if (member && member.status !== 'active') return;
    // Areas a covering session can sit at: the position's own area, its ancestors, and its Lok Sabha
    // seat, taken from any known area on its path (its assembly seat carries the cross-link even if
    // the position's own area has not reached us yet: area and member events travel on different topics).
    const covering = [position.areaId, ...position.ancestors];
    for (const known of await this.directory.findAreas(covering))
      if (known.lokSabhaId) covering.push(known.lokSabhaId);
    const now = new Date();
    const sessions = await this.store.sessions
      .find(
        {
          programmeId: { $in: programmes.map((p) => String(p._id)) },
          status: 'scheduled',
          invitations: 'done',
          startsAt: { $gt: now },
          areaId: { $in: covering },
        },
        { _id: 1, programmeId: 1, areaId: 1, ancestors: 1, startsAt: 1 },
      )
      .lean<SessionDocument[]>()
      .exec();
    const ctx = { actorId: null, correlationId: event.correlationId, causationId: event.eventId };
    const invitee = {
      memberId: position.memberId,
      name: member?.name ?? position.memberId,
      nameAlt: member?.nameAlt ?? null,
      positionId: position.positionId,
      memberAreaId: position.areaId,
    };
    for (const session of sessions) {
      await this.invitations.invite(
        session,
        [invitee],
        `${participantIdOf(session._id, position.memberId)}#late`,
        ctx,
      );
    }
  }
}
