import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, isWithinScope, Requires, type Principal } from '@sangathan/auth';
import { pageQuerySchema } from '@sangathan/http';
import type { Page } from '@sangathan/kernel';
import { createZodDto } from 'nestjs-zod';
import type { ProgrammeDocument, SessionDocument } from '../../infrastructure/training.schemas';
import { assertCanSee, TrainingStore } from '../../infrastructure/training.store';
import {
  toProgrammeView,
  toSessionView,
  type ProgrammeView,
  type SessionView,
} from '../../infrastructure/training.views';
import { afterCursor, toPage } from '../pagination';
import { ProgrammePageDto, ProgrammeViewDto, SessionPageDto, SessionViewDto } from './programmes.dto';

class PageQueryDto extends createZodDto(pageQuerySchema) {}

@ApiTags('programmes')
@Controller()
export class ProgrammesHttpController {
  constructor(private readonly store: TrainingStore) {}

  @Get('programmes')
  @Requires('training:read')
  @ApiOperation({ summary: 'Programmes covering your area or inside it (newest id last; cursor pagination)' })
  @ApiOkResponse({ type: ProgrammePageDto, description: 'One page of programmes' })
  async list(
    @Query() query: PageQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Page<ProgrammeView>> {
    const docs = await this.store.programmes
      .find(
        {
          ...afterCursor(query.cursor),
          $or: [
            { areaId: principal.areaId },
            { ancestors: principal.areaId },
            { areaId: { $in: principal.areaPath } },
          ],
        },
        { outbox: 0, plannedSessions: 0 },
      )
      .sort({ _id: 1 })
      .limit(query.limit + 1)
      .lean<ProgrammeDocument[]>()
      .exec();
    return toPage(docs, query.limit, toProgrammeView);
  }

  @Get('programmes/:id')
  @Requires('training:read')
  @ApiOperation({
    summary: 'One programme, with its materialisation state (pending while invitations are written)',
  })
  @ApiOkResponse({ type: ProgrammeViewDto, description: 'The programme' })
  async get(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<ProgrammeView> {
    const programme = await this.store.programme(id);
    assertCanSee(principal, programme);
    return toProgrammeView(programme);
  }

  @Get('programmes/:id/sessions')
  @Requires('training:read')
  @ApiOperation({
    summary: 'Sessions of a programme; only those in your subtree unless the whole programme is',
  })
  @ApiOkResponse({ type: SessionPageDto, description: 'One page of sessions' })
  async sessions(
    @Param('id') id: string,
    @Query() query: PageQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Page<SessionView>> {
    const programme = await this.store.programme(id);
    assertCanSee(principal, programme);
    const scope = isWithinScope(principal, programme)
      ? {}
      : { $or: [{ areaId: principal.areaId }, { ancestors: principal.areaId }] };
    const docs = await this.store.sessions
      .find({ programmeId: id, ...scope, ...afterCursor(query.cursor) }, { registeredIds: 0, outbox: 0 })
      .sort({ _id: 1 })
      .limit(query.limit + 1)
      .lean<SessionDocument[]>()
      .exec();
    return toPage(docs, query.limit, toSessionView);
  }

  @Get('sessions/:id')
  @Requires('training:read')
  @ApiOperation({ summary: 'One session with its target, seats and (once held) turnout' })
  @ApiOkResponse({ type: SessionViewDto, description: 'The session' })
  async session(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<SessionView> {
    const session = await this.store.session(id);
    assertCanSee(principal, session);
    return toSessionView(session);
  }
}
