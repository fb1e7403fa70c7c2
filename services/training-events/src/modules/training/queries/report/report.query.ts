import { Inject, Injectable } from '@nestjs/common';
import { isWithinScope, type Principal } from '@sangathan/auth';
import type { Page } from '@sangathan/kernel';
import { toParticipantView, type ParticipantView } from '../../application/participant.view';
import {
  PARTICIPANT_REPOSITORY,
  type ParticipantRepositoryPort,
} from '../../application/ports/participant-repository.port';
import {
  SESSION_REPOSITORY,
  type SessionRepositoryPort,
} from '../../application/ports/session-repository.port';
import { assertCanSee, TrainingAccess } from '../../application/training-access';
import type { ProgrammeSummary, SessionState } from '../../domain/training-state';
import { pageRequest, toPage } from '../pagination';
import { emptyCounts, ratio, rollUp, type Rollup, type SessionRow } from './programme-report';

export type ProgrammeReport = {
  programmeId: string;
  title: string;
  /** True when only the sessions in your subtree are counted. */
  scoped: boolean;
  sessions: { total: number; scheduled: number; held: number; cancelled: number };
  totals: {
    target: number;
    invited: number;
    registered: number;
    waitlisted: number;
    attended: number;
    walkIns: number;
    completed: number;
    turnoutRatio: number;
  };
  byArea: SessionRow[];
  rollup: Rollup[];
};

/** Turnout against target and no-shows of a programme, over the sessions the reader may see. */
@Injectable()
export class ReportQuery {
  constructor(
    private readonly access: TrainingAccess,
    @Inject(SESSION_REPOSITORY) private readonly sessions: SessionRepositoryPort,
    @Inject(PARTICIPANT_REPOSITORY) private readonly participants: ParticipantRepositoryPort,
  ) {}

  async report(id: string, principal: Principal): Promise<ProgrammeReport> {
    const { programme, sessions, scoped } = await this.visibleSessions(id, principal);
    const counts = await this.participants.countsBySession(sessions.map((s) => s._id));
    const byArea: SessionRow[] = sessions.map((s) => {
      const c = counts.get(s._id) ?? emptyCounts();
      return {
        sessionId: s._id,
        areaId: s.areaId,
        ancestors: s.ancestors,
        status: s.status,
        target: s.target,
        ...c,
        turnoutRatio: ratio(c.attended, s.target),
      };
    });
    const live = byArea.filter((r) => r.status !== 'cancelled');
    const sum = (pick: (r: SessionRow) => number) => live.reduce((total, r) => total + pick(r), 0);
    const target = sum((r) => r.target);
    const attended = sum((r) => r.attended);
    return {
      programmeId: id,
      title: programme.title,
      scoped,
      sessions: {
        total: sessions.length,
        scheduled: sessions.filter((s) => s.status === 'scheduled').length,
        held: sessions.filter((s) => s.status === 'held').length,
        cancelled: sessions.filter((s) => s.status === 'cancelled').length,
      },
      totals: {
        target,
        invited: sum((r) => r.invited),
        registered: sum((r) => r.registered),
        waitlisted: sum((r) => r.waitlisted),
        attended,
        walkIns: sum((r) => r.walkIns),
        completed: sum((r) => r.completed),
        turnoutRatio: ratio(attended, target),
      },
      byArea,
      rollup: rollUp(byArea).filter(
        (r) => !scoped || r.areaId === principal.areaId || !principal.areaPath.includes(r.areaId),
      ),
    };
  }

  /** Invited to a session that has been held, and never came. */
  async noShows(
    id: string,
    principal: Principal,
    cursor: string | undefined,
    limit: number,
  ): Promise<Page<ParticipantView>> {
    const { sessions } = await this.visibleSessions(id, principal);
    const held = sessions.filter((s) => s.status === 'held').map((s) => s._id);
    const docs = await this.participants.pageOfNoShows(held, pageRequest(cursor, limit));
    return toPage(docs, limit, toParticipantView);
  }

  /** All sessions when the whole programme is inside the reader's subtree, else those inside it. */
  private async visibleSessions(
    programmeId: string,
    principal: Principal,
  ): Promise<{ programme: ProgrammeSummary; sessions: SessionState[]; scoped: boolean }> {
    const programme = await this.access.programme(programmeId);
    assertCanSee(principal, programme);
    const scoped = !isWithinScope(principal, programme);
    const sessions = await this.sessions.allOfProgramme(programmeId, scoped ? principal.areaId : null);
    return { programme, sessions, scoped };
  }
}
