import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@sangathan/auth';
import { NotFoundError, type Page } from '@sangathan/kernel';
import { toParticipantView, type ParticipantView } from '../../application/participant.view';
import {
  PARTICIPANT_REPOSITORY,
  type ParticipantRepositoryPort,
} from '../../application/ports/participant-repository.port';
import { issueQrToken } from '../../application/qr-token';
import { assertCanSee, assertSelfOrOrganiser, TrainingAccess } from '../../application/training-access';
import { participantIdOf, type RsvpStatus } from '../../domain/participant.entity';
import type { ParticipantState } from '../../domain/training-state';
import { pageRequest, toPage } from '../pagination';

export type ParticipantFilter = { status?: RsvpStatus; attended?: boolean };

/** A session's participants, one member's participation, and their check-in token. */
@Injectable()
export class ParticipantsQuery {
  constructor(
    private readonly access: TrainingAccess,
    @Inject(PARTICIPANT_REPOSITORY) private readonly participants: ParticipantRepositoryPort,
  ) {}

  async list(
    sessionId: string,
    filter: ParticipantFilter,
    principal: Principal,
    cursor: string | undefined,
    limit: number,
  ): Promise<Page<ParticipantView>> {
    const session = await this.access.session(sessionId);
    assertCanSee(principal, session);
    const docs = await this.participants.pageOfSession(sessionId, filter, pageRequest(cursor, limit));
    return toPage(docs, limit, toParticipantView);
  }

  /** The member themselves, or a reader of the session's area. */
  async get(sessionId: string, memberId: string, principal: Principal): Promise<ParticipantView> {
    const session = await this.access.session(sessionId);
    if (principal.sub !== memberId) assertCanSee(principal, session);
    return toParticipantView(await this.existing(sessionId, memberId));
  }

  /** Only the member or an organiser may have it: the token checks the member in. */
  async qrToken(sessionId: string, memberId: string, principal: Principal): Promise<{ token: string }> {
    const session = await this.access.session(sessionId);
    assertSelfOrOrganiser(principal, session, memberId);
    return { token: issueQrToken((await this.existing(sessionId, memberId))._id) };
  }

  private async existing(sessionId: string, memberId: string): Promise<ParticipantState> {
    const participant = await this.participants.find(sessionId, memberId);
    if (!participant) throw new NotFoundError('participant', participantIdOf(sessionId, memberId));
    return participant;
  }
}
