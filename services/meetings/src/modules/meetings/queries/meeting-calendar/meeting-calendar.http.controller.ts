import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Requires, scopeFilter, type Principal } from '@sangathan/auth';
import { ValidationError } from '@sangathan/kernel';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { istDayStart, istDaysBetween } from '../../domain/ist-day';
import {
  MEETING_REPOSITORY,
  type MeetingRepositoryPort,
  type MeetingSummary,
} from '../../application/ports/meeting.repository.port';
import { MeetingCalendarDto } from './meeting-calendar.dto';
import { meetingsByDay } from './meeting-calendar.query';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
export const calendarSchema = z.object({
  areaId: z.string().trim().toUpperCase().min(1).optional().describe('Subtree root (default: your area)'),
  from: day.describe('First IST day'),
  to: day.describe('Last IST day (at most 62 days after from)'),
  status: z.enum(['scheduled', 'held', 'cancelled']).optional(),
});
class CalendarQuery extends createZodDto(calendarSchema) {}

const MAX_ITEMS = 5000;

@ApiTags('meetings')
@Controller('calendar')
export class MeetingCalendarHttpController {
  constructor(@Inject(MEETING_REPOSITORY) private readonly meetings: MeetingRepositoryPort) {}

  @Get()
  @Requires('meetings:read')
  @ApiOperation({ summary: 'Calendar of an area: meetings per IST day over a range of up to 62 days' })
  @ApiOkResponse({ type: MeetingCalendarDto, description: 'Meetings per IST day' })
  async calendar(@Query() query: CalendarQuery, @CurrentPrincipal() principal: Principal) {
    const days = query.from <= query.to ? istDaysBetween(query.from, query.to) : [];
    if (days.length === 0 || days.length > 62) {
      throw new ValidationError('INVALID_RANGE', 'the range must be 1 to 62 days with from ≤ to', [
        { field: 'to', message: 'invalid range' },
      ]);
    }
    const items: MeetingSummary[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.meetings.list(
        {
          scope: scopeFilter(principal, 'scopeKeys'),
          areaId: query.areaId ?? principal.areaId,
          from: istDayStart(query.from),
          to: new Date(istDayStart(query.to).getTime() + 86_400_000),
          statuses: query.status ? [query.status] : undefined,
        },
        { cursor, limit: 500, order: 'asc' },
      );
      items.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor && items.length < MAX_ITEMS);
    return {
      areaId: query.areaId ?? principal.areaId,
      from: query.from,
      to: query.to,
      truncated: !!cursor,
      days: meetingsByDay(days, items),
    };
  }
}
