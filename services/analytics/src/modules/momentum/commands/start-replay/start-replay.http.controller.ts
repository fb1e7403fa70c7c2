import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '@sangathan/auth';
import { MomentumService } from '../../application/momentum.service';
import { ReplayStatusDto } from './start-replay.dto';

@ApiTags('momentum')
@Controller('momentum/replay')
export class StartReplayHttpController {
  constructor(private readonly momentum: MomentumService) {}

  @Post()
  @HttpCode(202)
  @Requires('analytics:admin')
  @ApiOperation({
    summary:
      'Rebuild momentum from the beginning of every source topic into fresh collections; the API switches over when it has caught up (progress: GET /momentum/status)',
  })
  @ApiAcceptedResponse({ type: ReplayStatusDto, description: 'The replay, started' })
  start() {
    return this.momentum.startReplay();
  }
}
