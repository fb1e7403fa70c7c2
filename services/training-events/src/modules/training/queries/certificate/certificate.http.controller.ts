import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Requires, type Principal } from '@sangathan/auth';
import { ConflictError, NotFoundError } from '@sangathan/kernel';
import type { Response } from 'express';
import { DirectoryReader } from '../../../directory/infrastructure/directory.reader';
import { participantIdOf } from '../../domain/participant.entity';
import { renderCertificate } from '../../infrastructure/certificate.renderer';
import { assertCanSee, TrainingStore } from '../../infrastructure/training.store';

@ApiTags('participants')
@Controller('sessions')
export class CertificateHttpController {
  constructor(
    private readonly store: TrainingStore,
    private readonly directory: DirectoryReader,
  ) {}

  @Get(':id/participants/:memberId/certificate')
  @Requires('training:read')
  @ApiOperation({
    summary:
      'Certificate of completion (PDF) for an attendee who completed the training; the member or a reader of the area',
  })
  @ApiOkResponse({
    description: 'The certificate, as an attachment',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  })
  async certificate(
    @Param('id') id: string,
    @Param('memberId') memberId: string,
    @CurrentPrincipal() principal: Principal,
    @Res() res: Response,
  ): Promise<void> {
    const session = await this.store.session(id);
    if (principal.sub !== memberId) assertCanSee(principal, session);
    const participant = await this.store.participant(id, memberId);
    if (!participant) throw new NotFoundError('participant', participantIdOf(id, memberId));
    if (!participant.completedAt) {
      throw new ConflictError('NOT_COMPLETED', 'a certificate is issued once the training is completed', [
        { field: 'memberId', message: 'not completed' },
      ]);
    }
    const programme = await this.store.programme(session.programmeId);
    const area = await this.directory.findArea(session.areaId);
    const pdf = await renderCertificate({
      certificateId: participant._id,
      names: [participant.name, participant.nameAlt].filter((n): n is string => !!n),
      programmeTitle: programme.title,
      programmeTitleHi: programme.titleHi,
      sessionTitle: session.title,
      areaName: area?.nameEn ?? session.areaId,
      heldOn: session.startsAt,
      completedAt: participant.completedAt,
      score: participant.score,
    });
    res
      .status(200)
      .type('application/pdf')
      .setHeader(
        'Content-Disposition',
        `attachment; filename="certificate-${encodeURIComponent(participant._id)}.pdf"`,
      )
      .send(pdf);
  }
}
