import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Requires, scopeFilter, type Principal } from '@sangathan/auth';
import { ValidationError, type Page } from '@sangathan/kernel';
import {
  MEETING_REPOSITORY,
  type MeetingRepositoryPort,
  type MeetingSummary,
} from '../../application/ports/meeting.repository.port';
import { ListMeetingsQuery, MeetingPageDto } from './list-meetings.dto';

@ApiTags('meetings')
@Controller('meetings')
export class ListMeetingsHttpController {
  constructor(@Inject(MEETING_REPOSITORY) private readonly meetings: MeetingRepositoryPort) {}

  @Get()
  @Requires('meetings:read')
  @ApiOperation({
    summary:
      'Meetings in your scope, filtered by subtree, date range, kind, status or organiser; keyset cursor pagination',
  })
  @ApiOkResponse({ type: MeetingPageDto, description: 'One page of meetings' })
  list(
    @Query() query: ListMeetingsQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Page<MeetingSummary>> {
    if (query.from && query.to && new Date(query.to) <= new Date(query.from)) {
      throw new ValidationError('INVALID_RANGE', '`to` must be after `from`', [
        { field: 'to', message: 'must be after from' },
      ]);
    }
    return this.meetings.list(
      {
        scope: scopeFilter(principal, 'scopeKeys'),
        areaId: query.areaId,
        from: query.from ? new Date(query.from) : undefined,
        to: query.to ? new Date(query.to) : undefined,
        kinds: query.kind,
        statuses: query.status,
        organiserId: query.organiserId,
      },
      { cursor: query.cursor, limit: query.limit, order: query.order },
    );
  }
}
