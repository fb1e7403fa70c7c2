import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Requires, type Principal } from '@sangathan/auth';
import { uuidv7 } from '@sangathan/kernel';
import type { Request } from 'express';
import type { AreaView } from '../../application/area.view';
import { CreateAreaDto } from './create-area.dto';
import { CreateAreaHandler } from './create-area.handler';
import { AreaViewDto } from '../../queries/get-area/get-area.dto';

@ApiTags('areas')
@Controller('areas')
export class CreateAreaHttpController {
  constructor(private readonly handler: CreateAreaHandler) {}

  @Post()
  @HttpCode(201)
  @Requires('org:write')
  @ApiOperation({ summary: 'Add an area under a parent in your subtree' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({
    type: AreaViewDto,
    description: 'The area; org.area.created is published through the outbox',
  })
  create(
    @Body() body: CreateAreaDto,
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
  ): Promise<AreaView> {
    return this.handler.execute({
      ...body,
      principal,
      correlationId: req.header('x-correlation-id') ?? uuidv7(),
    });
  }
}
