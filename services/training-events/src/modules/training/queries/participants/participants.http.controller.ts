import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Requires, type Principal } from '@sangathan/auth';
import { pageQuerySchema } from '@sangathan/http';
import { NotFoundError, type Page } from '@sangathan/kernel';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { participantIdOf } from '../../domain/participant.entity';
import { issueQrToken } from '../../infrastructure/qr-token';
import type { ParticipantDocument } from '../../infrastructure/training.schemas';
import { assertCanSee, assertSelfOrOrganiser, TrainingStore } from '../../infrastructure/training.store';
import { toParticipantView, type ParticipantView } from '../../infrastructure/training.views';
import { afterCursor, toPage } from '../pagination';
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
  constructor(private readonly store: TrainingStore) {}

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
    const session = await this.store.session(id);
    assertCanSee(principal, session);
    const filter: Record<string, unknown> = { sessionId: id, ...afterCursor(query.cursor) };
    if (query.status) filter.status = query.status;
    if (query.attended) filter.attendedAt = query.attended === 'true' ? { $ne: null } : null;
    const docs = await this.store.participants
      .find(filter, { outbox: 0 })
      .sort({ _id: 1 })
      .limit(query.limit + 1)
      .lean<ParticipantDocument[]>()
      .exec();
    return toPage(docs, query.limit, toParticipantView);
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
    const session = await this.store.session(id);
    if (principal.sub !== memberId) assertCanSee(principal, session);
    const participant = await this.store.participant(id, memberId);
    if (!participant) throw new NotFoundError('participant', participantIdOf(id, memberId));
    return toParticipantView(participant);
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
    const session = await this.store.session(id);
    assertSelfOrOrganiser(principal, session, memberId);
    const participant = await this.store.participant(id, memberId);
    if (!participant) throw new NotFoundError('participant', participantIdOf(id, memberId));
    return { token: issueQrToken(participant._id) };
  }
}
