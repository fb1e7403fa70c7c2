import { Body, Controller, Param, Put, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Requires, type Principal } from '@sangathan/auth';
import type { Request } from 'express';
import { requestContext } from '../../../../common/request-context';
import type { AreaView } from '../../application/area.view';
import { ReclassifyAreaDto } from './reclassify-area.dto';
import { ReclassifyAreaHandler } from './reclassify-area.handler';
import { AreaViewDto } from '../../queries/get-area/get-area.dto';

@ApiTags('areas')
@Controller('areas')
export class ReclassifyAreaHttpController {
  constructor(private readonly handler: ReclassifyAreaHandler) {}

  @Put(':id/classification')
  @Requires('org:write')
  @ApiOperation({ summary: "Set a seat's focus class (lost, weak, thin-margin, strong) and last margin" })
  @ApiOkResponse({
    type: AreaViewDto,
    description: 'The seat; org.area.reclassified is published when the class or margin changed',
  })
  reclassify(
    @Param('id') id: string,
    @Body() body: ReclassifyAreaDto,
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
  ): Promise<AreaView> {
    return this.handler.execute(id, body, principal, requestContext(principal, req));
  }
}
