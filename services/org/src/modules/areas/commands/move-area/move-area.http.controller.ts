import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Requires, type Principal } from '@sangathan/auth';
import type { Request } from 'express';
import { requestContext } from '../../../../common/request-context';
import type { AreaView } from '../../application/area.view';
import { MoveAreaDto, MoveAreaResponseDto } from './move-area.dto';
import { MoveAreaHandler } from './move-area.handler';

@ApiTags('areas')
@Controller('areas')
export class MoveAreaHttpController {
  constructor(private readonly handler: MoveAreaHandler) {}

  @Post(':id/move')
  @HttpCode(200)
  @Requires('org:write')
  @ApiOperation({
    summary: 'Move an area (with its whole subtree, members, positions and tasks) under a new parent',
  })
  @ApiOkResponse({
    type: MoveAreaResponseDto,
    description: 'The moved area and how many descendants were re-pathed; org.area.moved is published',
  })
  move(
    @Param('id') id: string,
    @Body() body: MoveAreaDto,
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
  ): Promise<AreaView> {
    return this.handler.execute(id, body.parentId, principal, requestContext(principal, req));
  }
}
