import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Requires, type Principal } from '@sangathan/auth';
import { uuidv7 } from '@sangathan/kernel';
import type { Request } from 'express';
import type { ParticipantView } from '../../application/participant.view';
import { GiveFeedbackDto } from './give-feedback.dto';
import { GiveFeedbackHandler } from './give-feedback.handler';
import { ParticipantViewDto } from '../../queries/participants/participants.dto';

@ApiTags('participants')
@Controller('sessions')
export class GiveFeedbackHttpController {
  constructor(private readonly handler: GiveFeedbackHandler) {}

  @Post(':id/feedback')
  @HttpCode(201)
  @Requires('training:read')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOperation({ summary: 'Rate a session you attended (1-5) with an optional comment' })
  @ApiCreatedResponse({ type: ParticipantViewDto, description: 'The participant with the rating' })
  give(
    @Param('id') id: string,
    @Body() body: GiveFeedbackDto,
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
  ): Promise<ParticipantView> {
    return this.handler.execute(id, body.rating, body.comment, principal, {
      actorId: principal.sub,
      correlationId: req.header('x-correlation-id') ?? uuidv7(),
    });
  }
}
