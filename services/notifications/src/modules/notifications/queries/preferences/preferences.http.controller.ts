import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@sangathan/auth';
import { MemberAccess } from '../../application/member-access';
import { PreferencesDto } from './preferences.dto';
import { PreferencesQuery } from './preferences.query';

@ApiTags('preferences')
@Controller('members/:memberId/preferences')
export class PreferencesHttpController {
  constructor(
    private readonly access: MemberAccess,
    private readonly query: PreferencesQuery,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      "A member's language, addresses and muted channels and rules (the member, or org:read over their area)",
  })
  @ApiOkResponse({ type: PreferencesDto })
  async get(
    @Param('memberId') memberId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PreferencesDto> {
    return this.query.run(await this.access.assert(principal, memberId, 'org:read'));
  }
}
