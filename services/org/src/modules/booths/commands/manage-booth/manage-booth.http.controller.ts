import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Requires, type Principal } from '@sangathan/auth';
import type { Request } from 'express';
import { requestContext } from '../../../../common/request-context';
import { AddVolunteerDto, BoothViewDto, SetCommitteeDto, SetWhatsappGroupsDto } from './manage-booth.dto';
import { ManageBoothHandler, type BoothView } from './manage-booth.handler';

@ApiTags('booths')
@Controller('booths')
export class ManageBoothHttpController {
  constructor(private readonly handler: ManageBoothHandler) {}

  @Get(':id')
  @Requires('org:read')
  @ApiOperation({ summary: "A booth's committee, volunteers, WhatsApp groups and coverage figures" })
  @ApiOkResponse({ type: BoothViewDto, description: 'The booth' })
  get(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<BoothView> {
    return this.handler.get(id, principal);
  }

  @Put(':id/committee')
  @Requires('org:write')
  @ApiOperation({ summary: "Set a booth's committee members (and required size)" })
  @ApiOkResponse({
    type: BoothViewDto,
    description: 'org.booth-committee.formed when it reaches its size, else org.booth-committee.changed',
  })
  setCommittee(
    @Param('id') id: string,
    @Body() body: SetCommitteeDto,
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
  ): Promise<BoothView> {
    return this.handler.setCommittee(id, body, principal, requestContext(principal, req));
  }

  @Post(':id/volunteers')
  @HttpCode(200)
  @Requires('org:write')
  @ApiOperation({ summary: 'Add a booth volunteer (target: 5 per booth)' })
  @ApiOkResponse({ type: BoothViewDto, description: 'org.volunteer.added' })
  addVolunteer(
    @Param('id') id: string,
    @Body() body: AddVolunteerDto,
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
  ): Promise<BoothView> {
    return this.handler.addVolunteer(id, body.memberId, principal, requestContext(principal, req));
  }

  @Delete(':id/volunteers/:memberId')
  @Requires('org:write')
  @ApiOperation({ summary: 'Remove a booth volunteer' })
  @ApiOkResponse({ type: BoothViewDto, description: 'org.volunteer.removed' })
  removeVolunteer(
    @Param('id') id: string,
    @Param('memberId') memberId: string,
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
  ): Promise<BoothView> {
    return this.handler.removeVolunteer(id, memberId, principal, requestContext(principal, req));
  }

  @Put(':id/whatsapp-groups')
  @Requires('org:write')
  @ApiOperation({ summary: "Set the booth's WhatsApp groups (name, invite link, member count)" })
  @ApiOkResponse({ type: BoothViewDto, description: 'org.booth-committee.changed with changed=[whatsapp]' })
  setWhatsappGroups(
    @Param('id') id: string,
    @Body() body: SetWhatsappGroupsDto,
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
  ): Promise<BoothView> {
    return this.handler.setWhatsappGroups(id, body, principal, requestContext(principal, req));
  }
}
