import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '@sangathan/auth';
import { RuleListDto } from './list-rules.dto';
import { ListRulesQuery } from './list-rules.query';

@ApiTags('rules')
@Controller('rules')
export class ListRulesHttpController {
  constructor(private readonly query: ListRulesQuery) {}

  @Get()
  @Requires('org:read')
  @ApiOperation({ summary: 'The notification rules in force' })
  @ApiOkResponse({ type: RuleListDto })
  list(): RuleListDto {
    return this.query.run();
  }
}
