import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Requires, type Principal } from '@sangathan/auth';
import { areaLevelSchema } from '@sangathan/contracts';
import { createZodDto } from 'nestjs-zod';
import { scoreAt } from '../../domain/score';
import { MomentumService } from '../../application/momentum.service';
import { activeEngine, areaView, atQuery, scopedArea, scoreInstant } from '../momentum-view';
import { z } from 'zod';
import { LaggardsDto } from './find-laggards.dto';

class LaggardsQueryDto extends createZodDto(
  atQuery.extend({
    /** Level of the areas to rank (default: the level just below the area). */
    level: areaLevelSchema.optional(),
    n: z.coerce.number().int().min(1).max(500).default(10),
  }),
) {}

@ApiTags('momentum')
@Controller('areas/:id/momentum/laggards')
export class FindLaggardsHttpController {
  constructor(private readonly momentum: MomentumService) {}

  @Get()
  @Requires('analytics:read')
  @ApiOperation({
    summary: 'The bottom N areas of a level in the subtree, each with the component that pulls it down most',
  })
  @ApiOkResponse({ type: LaggardsDto, description: 'The lowest-scoring areas' })
  find(@Param('id') id: string, @Query() query: LaggardsQueryDto, @CurrentPrincipal() principal: Principal) {
    const engine = activeEngine(this.momentum);
    const idx = scopedArea(engine, principal, id);
    const tree = engine.state.tree;
    const level =
      query.level ?? (tree.children[idx].length > 0 ? tree.level[tree.children[idx][0]] : tree.level[idx]);
    const now = scoreInstant(query.at);
    const scored = tree
      .descendants(idx, level)
      .map((node) => ({ node, score: scoreAt(engine.state, node, now) }))
      .sort((a, b) => a.score.score - b.score.score || (tree.ids[a.node] < tree.ids[b.node] ? -1 : 1))
      .slice(0, query.n);
    return {
      areaId: tree.ids[idx],
      level,
      items: scored.map(({ node, score }, i) => ({
        rank: i + 1,
        pulledDownBy: score.weakest,
        ...areaView(engine, node, now, score),
      })),
    };
  }
}
