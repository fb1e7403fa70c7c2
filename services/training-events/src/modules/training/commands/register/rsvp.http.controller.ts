import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Requires, type Principal } from '@sangathan/auth';
import { uuidv7 } from '@sangathan/kernel';
import type { Request } from 'express';
import type { ParticipantView } from '../../application/participant.view';
import { DeclineHandler } from '../decline/decline.handler';
import { RegisterHandler } from './register.handler';
import { RsvpDto } from './rsvp.dto';
import { ParticipantViewDto } from '../../queries/participants/participants.dto';

@ApiTags('participants')
@Controller('sessions')
export class RsvpHttpController {
  constructor(
    private readonly register: RegisterHandler,
    private readonly decline: DeclineHandler,
  ) {}

  @Post(':id/registrations')
  @HttpCode(200)
  @Requires('training:read')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOperation({
    summary:
      'Register for a session you are invited to; when it is full you are waitlisted (status tells which)',
  })
  @ApiOkResponse({
    type: ParticipantViewDto,
    description: 'The participant with status registered or waitlisted',
  })
  registerFor(
    @Param('id') id: string,
    @Body() body: RsvpDto,
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
  ): Promise<ParticipantView> {
    return this.register.execute(id, body.memberId ?? principal.sub, principal, {
      actorId: principal.sub,
      correlationId: req.header('x-correlation-id') ?? uuidv7(),
    });
  }

  @Post(':id/declines')
  @HttpCode(200)
  @Requires('training:read')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOperation({
    summary: 'Decline an invitation or withdraw a registration (the seat goes to the first on the waitlist)',
  })
  @ApiOkResponse({
    type: ParticipantViewDto,
    description: 'The participant, declined (a waitlisted member may have taken the seat)',
  })
  declineFor(
    @Param('id') id: string,
    @Body() body: RsvpDto,
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
  ): Promise<ParticipantView> {
    return this.decline.execute(id, body.memberId ?? principal.sub, principal, {
      actorId: principal.sub,
      correlationId: req.header('x-correlation-id') ?? uuidv7(),
    });
  }
}
