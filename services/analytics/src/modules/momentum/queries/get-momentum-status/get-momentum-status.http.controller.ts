import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '@sangathan/auth';
import { MomentumService } from '../../application/momentum.service';
import { MomentumStatusDto } from './get-momentum-status.dto';

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
  @ApiOkResponse({ type: MomentumStatusDto, description: 'The ingest state' })
  status() {
    return this.momentum.stats();
  }
}
