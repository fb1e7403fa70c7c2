import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Requires, type Principal } from '@sangathan/auth';
import { pageQuerySchema } from '@sangathan/http';
import type { Page } from '@sangathan/kernel';
import { createZodDto } from 'nestjs-zod';
import type { ProgrammeView } from '../../application/programme.view';
import type { SessionView } from '../../application/session.view';
import { ProgrammesQuery } from './programmes.query';
import { ProgrammePageDto, ProgrammeViewDto, SessionPageDto, SessionViewDto } from './programmes.dto';

class PageQueryDto extends createZodDto(pageQuerySchema) {}

@ApiTags('programmes')
@Controller()
export class ProgrammesHttpController {
  constructor(private readonly programmes: ProgrammesQuery) {}

  @Get('programmes')
  @Requires('training:read')
  @ApiOperation({ summary: 'Programmes covering your area or inside it (newest id last; cursor pagination)' })
  @ApiOkResponse({ type: ProgrammePageDto, description: 'One page of programmes' })
  async list(
    @Query() query: PageQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Page<ProgrammeView>> {
    return this.programmes.list(principal, query.cursor, query.limit);
  }

  @Get('programmes/:id')
  @Requires('training:read')
  @ApiOperation({
    summary: 'One programme, with its materialisation state (pending while invitations are written)',
  })
  @ApiOkResponse({ type: ProgrammeViewDto, description: 'The programme' })
  async get(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<ProgrammeView> {
    return this.programmes.get(id, principal);
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
    return this.programmes.sessionsOf(id, principal, query.cursor, query.limit);
  }

  @Get('sessions/:id')
  @Requires('training:read')
  @ApiOperation({ summary: 'One session with its target, seats and (once held) turnout' })
  @ApiOkResponse({ type: SessionViewDto, description: 'The session' })
  async session(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<SessionView> {
    return this.programmes.session(id, principal);
  }
}
