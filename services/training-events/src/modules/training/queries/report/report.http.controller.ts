import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Requires, type Principal } from '@sangathan/auth';
import { pageQuerySchema } from '@sangathan/http';
import type { Page } from '@sangathan/kernel';
import { createZodDto } from 'nestjs-zod';
import type { ParticipantView } from '../../application/participant.view';
import { ReportQuery, type ProgrammeReport } from './report.query';
import { ProgrammeReportDto } from './report.dto';
import { ParticipantPageDto } from '../participants/participants.dto';

class PageQueryDto extends createZodDto(pageQuerySchema) {}

@ApiTags('reports')
@Controller('programmes')
export class ReportHttpController {
  constructor(private readonly reports: ReportQuery) {}

  @Get(':id/report')
  @Requires('training:read')
  @ApiOperation({
    summary:
      'Sessions held, turnout against target per session area and rolled up the hierarchy (your subtree only)',
  })
  @ApiOkResponse({ type: ProgrammeReportDto, description: 'The report' })
  async report(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<ProgrammeReport> {
    return this.reports.report(id, principal);
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
    return this.reports.noShows(id, principal, query.cursor, query.limit);
  }
}
