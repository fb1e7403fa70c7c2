import { Body, Controller, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { assertCan, CurrentPrincipal, Requires, type Principal } from '@sangathan/auth';
import type { PhotoFlagReason } from '@sangathan/contracts';
import { ConflictError, ForbiddenError, NotFoundError } from '@sangathan/kernel';
import type { Request } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { toPhotoView, type PhotoView } from '../../application/photo-view';
import { PHOTO_REPOSITORY, type PhotoRepositoryPort } from '../../application/ports/photo.repository.port';
import { flaggedEvent, verifiedEvent } from '../../application/photo.integration-events';
import { correlationIdOf } from '../../application/request-context';
import { PhotoViewDto } from '../../queries/list-photos/list-photos.dto';

export const reviewPhotoSchema = z.object({
  decision: z
    .enum(['verify', 'reject'])
    .describe('verify: counts as evidence despite the automatic verdict; reject: does not count'),
  note: z.string().trim().max(1000).nullable().default(null),
});
export class ReviewPhotoDto extends createZodDto(reviewPhotoSchema) {}

@ApiTags('photos')
@Controller('photos')
export class ReviewPhotoHttpController {
  constructor(@Inject(PHOTO_REPOSITORY) private readonly photos: PhotoRepositoryPort) {}

  @Post(':id/review')
  @HttpCode(200)
  @Requires('meetings:write')
  @ApiOperation({
    summary:
      'A reviewer (not the uploader) confirms or rejects a photo; publishes meetings.photo.verified or meetings.photo.flagged',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOkResponse({ type: PhotoViewDto, description: 'The reviewed photo' })
  async review(
    @Param('id') id: string,
    @Body() body: ReviewPhotoDto,
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
  ): Promise<PhotoView> {
    // Re-read and re-apply when the version-guarded write misses (the photo changed meanwhile).
    for (let attempt = 0; attempt < 5; attempt++) {
      const photo = await this.photos.findById(id);
      if (!photo) throw new NotFoundError('photo', id);
      assertCan(principal, 'meetings:write', { areaId: photo.areaId, ancestors: photo.ancestors });
      if (photo.uploadedBy === principal.sub)
        throw new ForbiddenError('SELF_REVIEW', 'a photo is reviewed by someone other than its uploader', [
          { message: 'you uploaded it' },
        ]);
      if (photo.review)
        throw new ConflictError('ALREADY_REVIEWED', `photo was already reviewed (${photo.review.decision})`, [
          { message: 'reviewed' },
        ]);
      const now = new Date();
      const review = { decision: body.decision, by: principal.sub, at: now, note: body.note };
      const verified = body.decision === 'verify';
      const reasons: PhotoFlagReason[] = verified
        ? photo.reasons
        : [...new Set<PhotoFlagReason>([...photo.reasons, 'reviewer-rejected'])];
      const updated = { ...photo, review, verified, reasons };
      const ctx = { actorId: principal.sub, correlationId: correlationIdOf(req) };
      const event = verified
        ? verifiedEvent(updated, 'reviewer', ctx, now)
        : flaggedEvent(updated, photo.verdict, reasons, ctx, now);
      if (await this.photos.saveReview(id, photo.version, review, verified, reasons, [event]))
        return toPhotoView({ ...updated, version: photo.version + 1 });
    }
    throw new ConflictError('CONCURRENT_MODIFICATION', 'the photo kept changing while reviewing; retry', [
      { message: 'retry' },
    ]);
  }
}
