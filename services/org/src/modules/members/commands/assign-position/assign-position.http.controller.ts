import { Body, Controller, Delete, Param, Put, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Requires, type Principal } from '@sangathan/auth';
import type { Request } from 'express';
import { requestContext } from '../../../../common/request-context';
import type { PositionView } from '../../application/member.view';
import { AssignPositionDto } from './assign-position.dto';
import { AssignPositionHandler } from './assign-position.handler';
import { PositionViewDto } from '../../queries/positions/positions.dto';

@ApiTags('positions')
@Controller('positions')
export class AssignPositionHttpController {
  constructor(private readonly handler: AssignPositionHandler) {}

  @Put(':type/:areaId')
  @Requires('org:write')
  @ApiOperation({
    summary:
      'Assign a position (e.g. district-president of UP-D-LUCKNOW); the previous holder is vacated, with history',
  })
  @ApiOkResponse({
    type: PositionViewDto,
    description:
      'The position with its history; org.position.vacated (if held) and org.position.assigned are published',
  })
  assign(
    @Param('type') type: string,
    @Param('areaId') areaId: string,
    @Body() body: AssignPositionDto,
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
  ): Promise<PositionView> {
    return this.handler.assign(type, areaId, body.memberId, principal, requestContext(principal, req));
  }

  @Delete(':type/:areaId')
  @Requires('org:write')
  @ApiOperation({ summary: 'Leave a position vacant' })
  @ApiOkResponse({ type: PositionViewDto, description: 'The position; org.position.vacated is published' })
  vacate(
    @Param('type') type: string,
    @Param('areaId') areaId: string,
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
  ): Promise<PositionView> {
    return this.handler.vacate(type, areaId, principal, requestContext(principal, req));
  }
}
