import { Inject, Injectable } from '@nestjs/common';
import { isWithinScope, type Principal } from '@sangathan/auth';
import type { Page } from '@sangathan/kernel';
import {
  PROGRAMME_REPOSITORY,
  type ProgrammeRepositoryPort,
} from '../../application/ports/programme-repository.port';
import {
  SESSION_REPOSITORY,
  type SessionRepositoryPort,
} from '../../application/ports/session-repository.port';
import { toProgrammeView, type ProgrammeView } from '../../application/programme.view';
import { toSessionView, type SessionView } from '../../application/session.view';
import { assertCanSee, TrainingAccess } from '../../application/training-access';
import { pageRequest, toPage } from '../pagination';

/** Programmes and their sessions as a reader may see them. */
@Injectable()
export class ProgrammesQuery {
  constructor(
    private readonly access: TrainingAccess,
    @Inject(PROGRAMME_REPOSITORY) private readonly programmes: ProgrammeRepositoryPort,
    @Inject(SESSION_REPOSITORY) private readonly sessions: SessionRepositoryPort,
  ) {}

  /** Programmes covering the caller's area or inside it. */
  async list(principal: Principal, cursor: string | undefined, limit: number): Promise<Page<ProgrammeView>> {
    const docs = await this.programmes.pageAround(principal, pageRequest(cursor, limit));
    return toPage(docs, limit, toProgrammeView);
  }

  async get(id: string, principal: Principal): Promise<ProgrammeView> {
    const programme = await this.access.programme(id);
    assertCanSee(principal, programme);
    return toProgrammeView(programme);
  }

  /** All sessions when the whole programme is inside the caller's subtree, else those inside it. */
  async sessionsOf(
    id: string,
    principal: Principal,
    cursor: string | undefined,
    limit: number,
  ): Promise<Page<SessionView>> {
    const programme = await this.access.programme(id);
    assertCanSee(principal, programme);
    const subtree = isWithinScope(principal, programme) ? null : principal.areaId;
    const docs = await this.sessions.pageOfProgramme(id, subtree, pageRequest(cursor, limit));
    return toPage(docs, limit, toSessionView);
  }

  async session(id: string, principal: Principal): Promise<SessionView> {
    const session = await this.access.session(id);
    assertCanSee(principal, session);
    return toSessionView(session);
  }
}
