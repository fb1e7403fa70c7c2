import { Body, Controller, Param, Patch, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Requires, type Principal } from '@sangathan/auth';
import type { Request } from 'express';
import { requestContext } from '../../../../common/request-context';
import type { AreaView } from '../../application/area.view';
import { UpdateAreaDto } from './update-area.dto';
import { UpdateAreaHandler } from './update-area.handler';
import { AreaViewDto } from '../../queries/get-area/get-area.dto';

@ApiTags('areas')
@Controller('areas')
export class UpdateAreaHttpController {
  constructor(private readonly handler: UpdateAreaHandler) {}

  @Patch(':id')
  @Requires('org:write')
  @ApiOperation({
    summary: 'Change names, the Lok Sabha link or the size figures of an area in your subtree',
  })
  @ApiOkResponse({
    type: AreaViewDto,
    description: 'The area; org.area.updated is published when something changed',
  })
  update(
    @Param('id') id: string,
    @Body() body: UpdateAreaDto,
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
  ): Promise<AreaView> {
    return this.handler.execute(id, body, principal, requestContext(principal, req));
  }
}
