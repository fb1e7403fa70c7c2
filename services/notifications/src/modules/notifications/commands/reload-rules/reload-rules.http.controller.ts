import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Requires, type Principal } from '@sangathan/auth';
import { ReloadResultDto } from './reload-rules.dto';
import { ReloadRulesHandler } from './reload-rules.handler';

@ApiTags('rules')
@Controller('rules')
export class ReloadRulesHttpController {
  constructor(private readonly handler: ReloadRulesHandler) {}

  @Post('reload')
  @HttpCode(200)
  @Requires('notifications:write')
  @ApiOperation({
    summary: 'Reload the rule and template files (national administrators); 400 with the lines at fault',
  })
  @ApiOkResponse({ type: ReloadResultDto })
  reload(@CurrentPrincipal() principal: Principal): ReloadResultDto {
    return this.handler.execute(principal);
  }
}
