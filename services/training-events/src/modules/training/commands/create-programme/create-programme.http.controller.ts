import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Requires, type Principal } from '@sangathan/auth';
import { uuidv7 } from '@sangathan/kernel';
import type { Request } from 'express';
import type { ProgrammeView } from '../../application/programme.view';
import { CreateProgrammeDto } from './create-programme.dto';
import { CreateProgrammeHandler } from './create-programme.handler';
import { ProgrammeViewDto } from '../../queries/programmes/programmes.dto';

@ApiTags('programmes')
@Controller('programmes')
export class CreateProgrammeHttpController {
  constructor(private readonly handler: CreateProgrammeHandler) {}

  @Post()
  @HttpCode(201)
  @Requires('training:write')
  @ApiOperation({
    summary:
      'Create a programme: generates its sessions now and its invitations in the background (see materialisation)',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({
    type: ProgrammeViewDto,
    description:
      'The programme; training.programme.created and one training.session.scheduled per session are published',
  })
  create(
    @Body() body: CreateProgrammeDto,
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
  ): Promise<ProgrammeView> {
    return this.handler.execute({
      ...body,
      principal,
      correlationId: req.header('x-correlation-id') ?? uuidv7(),
    });
  }
}
