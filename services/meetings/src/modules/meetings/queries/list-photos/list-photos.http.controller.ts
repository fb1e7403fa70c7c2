import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { assertCan, CurrentPrincipal, Requires, type Principal } from '@sangathan/auth';
import { NotFoundError } from '@sangathan/kernel';
import type { Response } from 'express';
import { pipeline } from 'node:stream/promises';
import {
  MEETING_REPOSITORY,
  type MeetingRepositoryPort,
} from '../../application/ports/meeting.repository.port';
import {
  PHOTO_BLOB_STORAGE,
  type PhotoBlobStoragePort,
} from '../../application/ports/photo-blob-storage.port';
import { toPhotoView, type PhotoView } from '../../application/photo-view';
import { PHOTO_REPOSITORY, type PhotoRepositoryPort } from '../../application/ports/photo.repository.port';
import { PhotoListDto, PhotoViewDto } from './list-photos.dto';

@ApiTags('photos')
@Controller()
export class ListPhotosHttpController {
  constructor(
    @Inject(MEETING_REPOSITORY) private readonly meetings: MeetingRepositoryPort,
    @Inject(PHOTO_BLOB_STORAGE) private readonly blobs: PhotoBlobStoragePort,
    @Inject(PHOTO_REPOSITORY) private readonly photos: PhotoRepositoryPort,
  ) {}

  @Get('meetings/:id/photos')
  @Requires('meetings:read')
  @ApiOperation({ summary: 'Photos of a meeting with their verdicts' })
  @ApiOkResponse({ type: PhotoListDto, description: 'The photos of the meeting' })
  async list(
    @Param('id') id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<{ items: PhotoView[] }> {
    const meeting = await this.meetings.findById(id);
    if (!meeting) throw new NotFoundError('meeting', id);
    if (!meeting.scopeKeys.includes(principal.areaId))
      assertCan(principal, 'meetings:read', { areaId: meeting.areaId, ancestors: meeting.ancestors });
    return { items: (await this.photos.findByIds(meeting.photoIds)).map(toPhotoView) };
  }

  @Get('photos/:id')
  @Requires('meetings:read')
  @ApiOperation({ summary: 'One photo record' })
  @ApiOkResponse({ type: PhotoViewDto, description: 'The photo record' })
  async get(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<PhotoView> {
    const photo = await this.photos.findById(id);
    if (!photo) throw new NotFoundError('photo', id);
    assertCan(principal, 'meetings:read', { areaId: photo.areaId, ancestors: photo.ancestors });
    return toPhotoView(photo);
  }

  @Get('photos/:id/content')
  @Requires('meetings:read')
  @ApiOperation({ summary: 'The photo bytes, streamed from GridFS' })
  @ApiOkResponse({
    description: 'The bytes as uploaded, in their own type; ETag is the sha256',
    content: Object.fromEntries(
      ['image/jpeg', 'image/png', 'image/heic'].map((type) => [
        type,
        { schema: { type: 'string', format: 'binary' } },
      ]),
    ),
  })
  async content(
    @Param('id') id: string,
    @CurrentPrincipal() principal: Principal,
    @Res() res: Response,
  ): Promise<void> {
    const photo = await this.photos.findById(id);
    if (!photo) throw new NotFoundError('photo', id);
    assertCan(principal, 'meetings:read', { areaId: photo.areaId, ancestors: photo.ancestors });
    res.status(200).setHeader('content-type', photo.contentType);
    res.setHeader('content-length', String(photo.sizeBytes));
    res.setHeader('etag', `"${photo.sha256}"`);
    await pipeline(this.blobs.openDownload(id), res);
  }
}
