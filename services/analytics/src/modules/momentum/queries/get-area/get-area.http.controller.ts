import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Requires, type Principal } from '@sangathan/auth';
import { MomentumService } from '../../application/momentum.service';
import { activeEngine, scopedArea } from '../momentum-view';
import { KnownAreaDto } from './get-area.dto';

/**
 * An area as analytics knows it from org.area.* events: the hierarchy the momentum state holds in memory
 * (no second copy in the database: at full scale that was 180k inserts competing with ingest).
 */
@ApiTags('areas')
@Controller('areas')
export class GetAreaHttpController {
  constructor(private readonly momentum: MomentumService) {}

  @Get(':id')
  @Requires('analytics:read')
  @ApiOperation({
    summary:
      'An area as analytics knows it (from org events): level, parent, ancestors, names, seat class, booths under it',
  })
  @ApiOkResponse({ type: KnownAreaDto, description: 'The area' })
  get(@Param('id') id: string, @CurrentPrincipal() principal: Principal) {
    const engine = activeEngine(this.momentum);
    const idx = scopedArea(engine, principal, id);
    const tree = engine.state.tree;
    return {
      id: tree.ids[idx],
      level: tree.level[idx],
      parentId: tree.parentId[idx],
      ancestors: tree.ancestorIds(idx),
      nameEn: tree.nameEn[idx],
      nameHi: tree.nameHi[idx],
      seatClass: tree.seatClass[idx],
      booths: tree.boothCount[idx],
    };
  }
}
