import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { assertCan, CurrentPrincipal, Requires, type Principal } from '@sangathan/auth';
import { NotFoundError } from '@sangathan/kernel';
import { toMeetingView, type MeetingView } from '../../application/meeting-view';
import {
  MEETING_REPOSITORY,
  type MeetingRepositoryPort,
} from '../../application/ports/meeting.repository.port';
import { PHOTO_REPOSITORY, type PhotoRepositoryPort } from '../../application/ports/photo.repository.port';
import { MeetingDetailDto } from './get-meeting.dto';

@ApiTags('meetings')
@Controller('meetings')
export class GetMeetingHttpController {
  constructor(
    @Inject(MEETING_REPOSITORY) private readonly meetings: MeetingRepositoryPort,
    @Inject(PHOTO_REPOSITORY) private readonly photos: PhotoRepositoryPort,
  ) {}

  @Get(':id')
  @Requires('meetings:read')
  @ApiOperation({
    summary:
      'One meeting with its attendance and photo counts (visible in its area’s subtree and, for a vc-review, in linked districts)',
  })
  @ApiOkResponse({ type: MeetingDetailDto, description: 'The meeting with its photo counts' })
  async get(
    @Param('id') id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MeetingView & { photoCount: number; verifiedPhotoCount: number }> {
    const meeting = await this.meetings.findById(id);
    if (!meeting) throw new NotFoundError('meeting', id);
    // Visible if the caller's area is the meeting's area, an ancestor of it, or a linked district (or above one).
    if (!meeting.scopeKeys.includes(principal.areaId))
      assertCan(principal, 'meetings:read', { areaId: meeting.areaId, ancestors: meeting.ancestors });
    return { ...toMeetingView(meeting), ...(await this.photos.countsOf(meeting.photoIds)) };
  }
}
