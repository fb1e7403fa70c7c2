import { Body, Controller, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@sangathan/auth';
import { MemberAccess } from '../../application/member-access';
import { PreferencesDto } from '../../queries/preferences/preferences.dto';
import { PreferencesQuery } from '../../queries/preferences/preferences.query';
import { UpdatePreferencesDto } from './update-preferences.dto';
import { UpdatePreferencesHandler } from './update-preferences.handler';

@ApiTags('preferences')
@Controller('members/:memberId/preferences')
export class UpdatePreferencesHttpController {
  constructor(
    private readonly access: MemberAccess,
    private readonly handler: UpdatePreferencesHandler,
    private readonly query: PreferencesQuery,
  ) {}

  @Put()
  @ApiOperation({
    summary:
      "Set a member's language, phone, e-mail and muted channels or rules (the member, or notifications:write over their area)",
  })
  @ApiOkResponse({ type: PreferencesDto })
  async update(
    @Param('memberId') memberId: string,
    @Body() body: UpdatePreferencesDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PreferencesDto> {
    const member = await this.access.assert(principal, memberId, 'notifications:write');
    await this.handler.execute(memberId, body);
    return this.query.run(member);
  }
}
