import { Controller, Inject } from '@nestjs/common';
import { PositionAssignedV1, type EventOf } from '@sangathan/contracts';
import { OnEvent } from '@sangathan/messaging';
import {
  ORG_DIRECTORY,
  type OrgDirectoryPort,
} from '../../org-directory/application/ports/org-directory.port';
import { InvitationService } from '../application/invitation.service';
import {
  PROGRAMME_REPOSITORY,
  type ProgrammeRepositoryPort,
} from '../application/ports/programme-repository.port';
import { SESSION_REPOSITORY, type SessionRepositoryPort } from '../application/ports/session-repository.port';
import { participantIdOf } from '../domain/participant.entity';

/**
 * Someone who takes up an audience position after a programme was materialised is invited to the
 * upcoming sessions covering their position's area, through the same InvitationService as the
 * materialiser. Idempotent: the participant id is derived from (session, member) and the batch id
 * from the participant, so a redelivered event inserts nothing and emits nothing.
 * Sessions still being materialised are left to the materialiser, which reads the roster later.
 */
@Controller()
export class LateInvitationEventController {
  constructor(
    @Inject(PROGRAMME_REPOSITORY) private readonly programmes: ProgrammeRepositoryPort,
    @Inject(SESSION_REPOSITORY) private readonly sessions: SessionRepositoryPort,
    @Inject(ORG_DIRECTORY) private readonly directory: OrgDirectoryPort,
    private readonly invitations: InvitationService,
  ) {}

  @OnEvent(PositionAssignedV1)
  async onPositionAssigned(event: EventOf<typeof PositionAssignedV1>): Promise<void> {
    const position = event.payload;
    const programmeIds = await this.programmes.idsInvitingPositionType(position.type);
    if (programmeIds.length === 0) return;
    const member = await this.directory.findMember(position.memberId);
    if (member && member.status !== 'active') return;
    // Areas a covering session can sit at: the position's own area, its ancestors, and its Lok Sabha
    // seat, taken from any known area on its path (its assembly seat carries the cross-link even if
    // the position's own area has not reached us yet: area and member events travel on different topics).
    const covering = [position.areaId, ...position.ancestors];
    for (const known of await this.directory.findAreas(covering))
      if (known.lokSabhaId) covering.push(known.lokSabhaId);
    const sessions = await this.sessions.upcomingInvitedAt(programmeIds, covering, new Date());
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
