import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, isWithinScope, Requires, type Principal } from '@sangathan/auth';
import { pageQuerySchema } from '@sangathan/http';
import type { Page } from '@sangathan/kernel';
import { createZodDto } from 'nestjs-zod';
import type { ParticipantDocument, SessionDocument } from '../../infrastructure/training.schemas';
import { assertCanSee, TrainingStore } from '../../infrastructure/training.store';
import { toParticipantView, type ParticipantView } from '../../infrastructure/training.views';
import { afterCursor, toPage } from '../pagination';
import {
  emptyCounts,
  ratio,
  rollUp,
  sessionCountsPipeline,
  type Rollup,
  type SessionCounts,
  type SessionRow,
} from './programme-report';
import { ProgrammeReportDto } from './report.dto';
import { ParticipantPageDto } from '../participants/participants.dto';

class PageQueryDto extends createZodDto(pageQuerySchema) {}

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

@ApiTags('reports')
@Controller('programmes')
export class ReportHttpController {
  constructor(private readonly store: TrainingStore) {}

  private async visibleSessions(
    programmeId: string,
    principal: Principal,
  ): Promise<{ sessions: SessionDocument[]; scoped: boolean }> {
    const programme = await this.store.programme(programmeId);
    assertCanSee(principal, programme);
    const scoped = !isWithinScope(principal, programme);
    const scope = scoped ? { $or: [{ areaId: principal.areaId }, { ancestors: principal.areaId }] } : {};
    const sessions = await this.store.sessions
      .find({ programmeId, ...scope }, { registeredIds: 0, outbox: 0 })
      .sort({ _id: 1 })
      .lean<SessionDocument[]>()
      .exec();
    return { sessions, scoped };
  }

  @Get(':id/report')
  @Requires('training:read')
  @ApiOperation({
    summary:
      'Sessions held, turnout against target per session area and rolled up the hierarchy (your subtree only)',
  })
  @ApiOkResponse({ type: ProgrammeReportDto, description: 'The report' })
  async report(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<ProgrammeReport> {
    const programme = await this.store.programme(id);
    const { sessions, scoped } = await this.visibleSessions(id, principal);
    const grouped = await this.store.participants
      .aggregate<{ _id: string } & SessionCounts>(sessionCountsPipeline(sessions.map((s) => s._id)))
      .exec();
    const counts = new Map(grouped.map(({ _id, ...c }) => [_id, c]));
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

  @Get(':id/no-shows')
  @Requires('training:read')
  @ApiOperation({ summary: 'Invited to a session that has been held, and never came (cursor pagination)' })
  @ApiOkResponse({ type: ParticipantPageDto, description: 'One page of no-shows' })
  async noShows(
    @Param('id') id: string,
    @Query() query: PageQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Page<ParticipantView>> {
    const { sessions } = await this.visibleSessions(id, principal);
    const held = sessions.filter((s) => s.status === 'held').map((s) => s._id);
    const docs = await this.store.participants
      .find(
        { sessionId: { $in: held }, walkIn: false, attendedAt: null, ...afterCursor(query.cursor) },
        { outbox: 0 },
      )
      .sort({ _id: 1 })
      .limit(query.limit + 1)
      .lean<ParticipantDocument[]>()
      .exec();
    return toPage(docs, query.limit, toParticipantView);
  }
}
