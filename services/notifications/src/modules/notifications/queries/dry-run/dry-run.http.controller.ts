import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Requires, type Principal } from '@sangathan/auth';
import { DryRunDto, DryRunRequestDto } from './dry-run.dto';
import { DryRunQuery } from './dry-run.query';

@ApiTags('rules')
@Controller('rules/dry-run')
export class DryRunHttpController {
  constructor(private readonly query: DryRunQuery) {}

  @Post()
  @HttpCode(200)
  @Requires('notifications:write')
  @ApiOperation({
    summary:
      'Which recipients and texts an event would produce (nothing is queued); the event area must be in your subtree',
  })
  @ApiOkResponse({ type: DryRunDto })
  dryRun(@Body() body: DryRunRequestDto, @CurrentPrincipal() principal: Principal): Promise<DryRunDto> {
    return this.query.run(body, principal);
  }
}
