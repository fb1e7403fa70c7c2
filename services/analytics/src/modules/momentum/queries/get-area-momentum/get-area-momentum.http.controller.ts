import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Requires, type Principal } from '@sangathan/auth';
import { MOMENTUM_COMPONENTS } from '@sangathan/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { dailyScores, scoreAt } from '../../domain/score';
import { MomentumService } from '../../application/momentum.service';
import { activeEngine, areaView, atQuery, instant, scopedArea, scoreInstant } from '../momentum-view';
import { AreaMomentumDto, ChildrenMomentumDto, MomentumHistoryDto } from './get-area-momentum.dto';

class AtQueryDto extends createZodDto(atQuery.extend({ exact: z.enum(['true', 'false']).optional() })) {}
class ChildrenQueryDto extends createZodDto(
  atQuery.extend({ order: z.enum(['asc', 'desc']).default('desc') }),
) {}
class HistoryQueryDto extends createZodDto(
  z.object({
    days: z.coerce.number().int().min(1).max(366).default(30),
    at: z.iso.datetime({ offset: true }).optional(),
  }),
) {}

@ApiTags('momentum')
@Controller('areas/:id/momentum')
export class GetAreaMomentumHttpController {
  constructor(private readonly momentum: MomentumService) {}

  @Get()
  @Requires('analytics:read')
  @ApiOperation({
    summary:
      "An area's momentum score now (decay applied at read time), its components, weakest component and trend",
  })
  @ApiOkResponse({ type: AreaMomentumDto, description: 'The score, its components and trend' })
  get(@Param('id') id: string, @Query() query: AtQueryDto, @CurrentPrincipal() principal: Principal) {
    const engine = activeEngine(this.momentum);
    const idx = scopedArea(engine, principal, id);
    return areaView(engine, idx, scoreInstant(query.at), undefined, query.exact === 'true');
  }

  @Get('children')
  @Requires('analytics:read')
  @ApiOperation({ summary: "The area's children ranked by momentum (highest first unless order=asc)" })
  @ApiOkResponse({ type: ChildrenMomentumDto, description: 'The children, ranked' })
  children(
    @Param('id') id: string,
    @Query() query: ChildrenQueryDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    const engine = activeEngine(this.momentum);
    const idx = scopedArea(engine, principal, id);
    const now = scoreInstant(query.at);
    const ranked = engine.state.tree.children[idx]
      .map((child) => ({ child, score: scoreAt(engine.state, child, now) }))
      .sort((a, b) =>
        query.order === 'asc' ? a.score.score - b.score.score : b.score.score - a.score.score,
      );
    return {
      areaId: engine.state.tree.ids[idx],
      order: query.order,
      items: ranked.map(({ child, score }, i) => ({ rank: i + 1, ...areaView(engine, child, now, score) })),
    };
  }

  @Get('history')
  @Requires('analytics:read')
  @ApiOperation({
    summary: 'Daily momentum (end of each UTC day) as a time series; kept for levels from national to mandal',
  })
  @ApiOkResponse({ type: MomentumHistoryDto, description: 'The daily series' })
  history(
    @Param('id') id: string,
    @Query() query: HistoryQueryDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    const engine = activeEngine(this.momentum);
    const idx = scopedArea(engine, principal, id);
    const today = Math.floor(instant(query.at) / 86_400_000);
    const series = dailyScores(engine.state, idx, today - query.days + 1, today);
    return {
      areaId: engine.state.tree.ids[idx],
      level: engine.state.tree.level[idx],
      kept: series !== null,
      components: MOMENTUM_COMPONENTS,
      points: (series ?? []).map((p) => ({
        day: new Date(p.day * 86_400_000).toISOString().slice(0, 10),
        score: Math.round(p.score * 100) / 100,
        components: p.components,
      })),
    };
  }
}
