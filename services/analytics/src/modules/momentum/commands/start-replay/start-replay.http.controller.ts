import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '@sangathan/auth';
import { MomentumService } from '../../application/momentum.service';

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
  start() {
    return this.momentum.startReplay();
  }
}
