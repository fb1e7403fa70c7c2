import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '@sangathan/auth';
import { MomentumService } from '../../application/momentum.service';

@ApiTags('momentum')
@Controller('momentum/status')
export class GetMomentumStatusHttpController {
  constructor(private readonly momentum: MomentumService) {}

  @Get()
  @Requires('analytics:read')
  @ApiOperation({
    summary:
      'Ingest state: formula, events applied, offsets per partition, parked activity, snapshot generation, replay progress',
  })
  status() {
    return this.momentum.stats();
  }
}
