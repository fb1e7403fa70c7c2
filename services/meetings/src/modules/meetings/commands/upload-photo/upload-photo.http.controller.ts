import { Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Requires, type Principal } from '@sangathan/auth';
import type { Request } from 'express';
import type { PhotoView } from '../../application/photo-view';
import { correlationIdOf } from '../../application/request-context';
import { UploadPhotoHandler } from './upload-photo.handler';
import { UploadedPhotosDto } from './upload-photo.dto';

@ApiTags('photos')
@Controller('meetings')
export class UploadPhotoHttpController {
  constructor(private readonly handler: UploadPhotoHandler) {}

  @Post(':id/photos')
  @HttpCode(201)
  @Requires('meetings:write')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      properties: { photo: { type: 'array', items: { type: 'string', format: 'binary' } } },
      required: ['photo'],
    },
    description:
      'One or more JPEG/PNG/HEIC files in the "photo" field (default max 10 MB each, 5 per request)',
  })
  @ApiOperation({
    summary:
      'Upload photos of a meeting: streamed to GridFS, EXIF time/GPS compared with the meeting → verified, mismatch or no-metadata; reuse across meetings is flagged',
  })
  @ApiCreatedResponse({
    type: UploadedPhotosDto,
    description:
      'The stored photos with their verdicts; 413 too large, 415 not an image, 409 already attached',
  })
  upload(
    @Param('id') id: string,
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
  ): Promise<{ photos: PhotoView[] }> {
    return this.handler.execute({
      meetingId: id,
      request: req,
      principal,
      correlationId: correlationIdOf(req),
    });
  }
}
