import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Requires, type Principal } from '@sangathan/auth';
import type { Response } from 'express';
import { CertificateQuery } from './certificate.query';

@ApiTags('participants')
@Controller('sessions')
export class CertificateHttpController {
  constructor(private readonly certificates: CertificateQuery) {}

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
    const { fileName, pdf } = await this.certificates.certificate(id, memberId, principal);
    res
      .status(200)
      .type('application/pdf')
      .setHeader('Content-Disposition', `attachment; filename="${fileName}"`)
      .send(pdf);
  }
}
