import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Requires, type Principal } from '@sangathan/auth';
import { uuidv7 } from '@sangathan/kernel';
import type { Request } from 'express';
import type { ParticipantView } from '../../application/participant.view';
import { CompleteDto } from './complete.dto';
import { CompleteHandler } from './complete.handler';
import { ParticipantViewDto } from '../../queries/participants/participants.dto';

@ApiTags('participants')
@Controller('sessions')
export class CompleteHttpController {
  constructor(private readonly handler: CompleteHandler) {}

  @Post(':id/completions')
  @HttpCode(200)
  @Requires('training:write')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOperation({
    summary:
      'Mark an attendee as having completed the training (optional assessment score); enables the certificate',
  })
  @ApiOkResponse({ type: ParticipantViewDto, description: 'The participant with completedAt and score' })
  complete(
    @Param('id') id: string,
    @Body() body: CompleteDto,
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
  ): Promise<ParticipantView> {
    return this.handler.execute(id, body.memberId, body.score, principal, {
      actorId: principal.sub,
      correlationId: req.header('x-correlation-id') ?? uuidv7(),
    });
  }
}
