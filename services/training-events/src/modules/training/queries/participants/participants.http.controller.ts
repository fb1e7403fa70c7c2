import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Requires, type Principal } from '@sangathan/auth';
import { pageQuerySchema } from '@sangathan/http';
import type { Page } from '@sangathan/kernel';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import type { ParticipantView } from '../../application/participant.view';
import { ParticipantsQuery } from './participants.query';
import { ParticipantPageDto, ParticipantViewDto, QrTokenDto } from './participants.dto';

class ParticipantQueryDto extends createZodDto(
  pageQuerySchema.extend({
    status: z.enum(['invited', 'registered', 'waitlisted', 'declined', 'walk-in']).optional(),
    attended: z
      .enum(['true', 'false'])
      .optional()
      .describe('Only those who did (true) or did not (false) check in'),
  }),
) {}

@ApiTags('participants')
@Controller('sessions')
export class ParticipantsHttpController {
  constructor(private readonly participants: ParticipantsQuery) {}

  @Get(':id/participants')
  @Requires('training:read')
  @ApiOperation({
    summary: 'Invitees, registrations, waitlist and walk-ins of a session (the organiser’s check-in list)',
  })
  @ApiOkResponse({ type: ParticipantPageDto, description: 'One page of participants' })
  async list(
    @Param('id') id: string,
    @Query() query: ParticipantQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Page<ParticipantView>> {
    const attended = query.attended === undefined ? undefined : query.attended === 'true';
    return this.participants.list(
      id,
      { status: query.status, attended },
      principal,
      query.cursor,
      query.limit,
    );
  }

  @Get(':id/participants/:memberId')
  @Requires('training:read')
  @ApiOperation({ summary: 'One member’s invitation, registration and attendance' })
  @ApiOkResponse({ type: ParticipantViewDto, description: 'The participant' })
  async get(
    @Param('id') id: string,
    @Param('memberId') memberId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ParticipantView> {
    return this.participants.get(id, memberId, principal);
  }

  @Get(':id/participants/:memberId/qr-token')
  @Requires('training:read')
  @ApiOperation({ summary: 'The member’s check-in token (render it as a QR code); only for invitees' })
  @ApiOkResponse({ type: QrTokenDto, description: 'The check-in token' })
  async qr(
    @Param('id') id: string,
    @Param('memberId') memberId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<{ token: string }> {
    return this.participants.qrToken(id, memberId, principal);
  }
}
