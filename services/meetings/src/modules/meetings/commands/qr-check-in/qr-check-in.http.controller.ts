import { Body, Controller, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Requires, type Principal } from '@sangathan/auth';
import { ForbiddenError } from '@sangathan/kernel';
import type { Request } from 'express';
import { createZodDto } from 'nestjs-zod';
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { ROSTER, type RosterPort } from '../../../org-directory/application/ports/roster.port';
import { MeetingWriter } from '../../application/meeting-writer';
import { correlationIdOf } from '../../application/request-context';
import { QrCheckedInDto, QrPassDto } from './qr-check-in.dto';

export const checkInSchema = z.object({
  token: z.string().trim().min(16).max(128).describe('Token from the meeting QR code'),
});
export class CheckInDto extends createZodDto(checkInSchema) {}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

@ApiTags('attendance')
@Controller('meetings')
export class QrCheckInHttpController {
  constructor(
    private readonly writer: MeetingWriter,
    @Inject(ROSTER) private readonly roster: RosterPort,
  ) {}

  @Post(':id/qr')
  @HttpCode(201)
  @Requires('meetings:write')
  @ApiOperation({
    summary:
      'Open QR check-in: returns a token to show as a QR code (valid from 1 h before the start to 6 h after the end); re-issuing replaces it',
  })
  @ApiCreatedResponse({ type: QrPassDto, description: 'The token and the QR payload' })
  async issue(@Param('id') id: string, @CurrentPrincipal() principal: Principal, @Req() req: Request) {
    const token = randomBytes(24).toString('base64url');
    const { result } = await this.writer.mutate(id, { principal, correlationId: correlationIdOf(req) }, (m) =>
      m.issueQr(hashToken(token), new Date()),
    );
    return {
      meetingId: id,
      token,
      qrPayload: `sangathan:meeting:${id}:${token}`,
      validFrom: result.validFrom.toISOString(),
      validUntil: result.validUntil.toISOString(),
    };
  }

  @Post(':id/check-in')
  @HttpCode(200)
  @Requires('meetings:read')
  @ApiOperation({
    summary:
      'Attendee check-in by scanning the QR code: the caller is added as a named attendee (repeat scans change nothing)',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOkResponse({ type: QrCheckedInDto, description: 'The caller is checked in' })
  async checkIn(
    @Param('id') id: string,
    @Body() body: CheckInDto,
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
  ) {
    const known = (await this.roster.findMembers([principal.sub])).get(principal.sub);
    const attendee = known?.areaId
      ? { memberId: principal.sub, areaId: known.areaId, ancestors: known.ancestors }
      : { memberId: principal.sub, areaId: principal.areaId, ancestors: principal.areaPath };
    const now = new Date();
    const { meeting, result } = await this.writer.mutate(
      id,
      { principal, correlationId: correlationIdOf(req) },
      (m) => {
        if (!m.acceptsQr(hashToken(body.token), now)) {
          throw new ForbiddenError('INVALID_QR_TOKEN', 'this QR code is not valid for the meeting now', [
            { field: 'token', message: 'wrong or expired token' },
          ]);
        }
        return m.recordAttendance(
          { attendees: [attendee], headcount: 0, districtId: null, method: 'qr' },
          now,
        );
      },
      { permission: null },
    );
    return {
      meetingId: meeting.id,
      memberId: principal.sub,
      checkedIn: true,
      newlyAdded: result.added.length === 1,
      namedCount: meeting.namedCount,
    };
  }
}
