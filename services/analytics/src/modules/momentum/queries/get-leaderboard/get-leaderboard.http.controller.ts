import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Requires, type Principal } from '@sangathan/auth';
import { areaLevelSchema, MOMENTUM_COMPONENTS } from '@sangathan/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { scoreAt } from '../../domain/score';
import type { MomentumEngine } from '../../application/momentum-engine';
import { MomentumService } from '../../application/momentum.service';
import { activeEngine, areaView, atQuery, inScope, scoreInstant } from '../momentum-view';
import { LeaderboardDto, SeatClassesDto } from './get-leaderboard.dto';

class LeaderboardQueryDto extends createZodDto(
  atQuery.extend({
    level: areaLevelSchema,
    n: z.coerce.number().int().min(1).max(500).default(20),
    order: z.enum(['asc', 'desc']).default('desc'),
  }),
) {}
class SeatClassesQueryDto extends createZodDto(
  atQuery.extend({ level: z.enum(['assembly', 'lok-sabha']).default('assembly') }),
) {}

/** Attached areas of `level` inside the caller's subtree. */
function areasAt(engine: MomentumEngine, principal: Principal, level: string): number[] {
  const tree = engine.state.tree;
  const own = tree.index.get(principal.areaId);
  if (own !== undefined && tree.attached[own]) {
    return [...(tree.level[own] === level ? [own] : []), ...tree.descendants(own, level)];
  }
  return tree.ids
    .map((_, i) => i)
    .filter((i) => tree.attached[i] && tree.level[i] === level && inScope(engine, principal, i));
}

@ApiTags('momentum')
@Controller('momentum')
export class GetLeaderboardHttpController {
  constructor(private readonly momentum: MomentumService) {}

  @Get('leaderboard')
  @Requires('analytics:read')
  @ApiOperation({ summary: 'Areas of one level in your subtree ranked by momentum' })
  @ApiOkResponse({ type: LeaderboardDto, description: 'The areas, ranked' })
  leaderboard(@Query() query: LeaderboardQueryDto, @CurrentPrincipal() principal: Principal) {
    const engine = activeEngine(this.momentum);
    const now = scoreInstant(query.at);
    const ranked = areasAt(engine, principal, query.level)
      .map((node) => ({ node, score: scoreAt(engine.state, node, now) }))
      .sort((a, b) => (query.order === 'asc' ? a.score.score - b.score.score : b.score.score - a.score.score))
      .slice(0, query.n);
    return {
      level: query.level,
      order: query.order,
      items: ranked.map(({ node, score }, i) => ({ rank: i + 1, ...areaView(engine, node, now, score) })),
    };
  }

  @Get('seat-classes')
  @Requires('analytics:read')
  @ApiOperation({
    summary:
      'Seats grouped by class (lost, weak, thin-margin, strong) side by side: count, mean score and mean components',
  })
  @ApiOkResponse({ type: SeatClassesDto, description: 'The seat classes side by side' })
  seatClasses(@Query() query: SeatClassesQueryDto, @CurrentPrincipal() principal: Principal) {
    const engine = activeEngine(this.momentum);
    const now = scoreInstant(query.at);
    const tree = engine.state.tree;
    const groups = new Map<
      string,
      {
        count: number;
        score: number;
        components: Record<string, { sum: number; n: number }>;
        lowest: { areaId: string; score: number } | null;
      }
    >();
    for (const node of areasAt(engine, principal, query.level)) {
      const seatClass = tree.seatClass[node] ?? 'unclassified';
      const group = groups.get(seatClass) ?? { count: 0, score: 0, components: {}, lowest: null };
      const score = scoreAt(engine.state, node, now);
      group.count++;
      group.score += score.score;
      for (const name of MOMENTUM_COMPONENTS) {
        const value = score.components[name].value;
        if (value === null) continue;
        const c = (group.components[name] ??= { sum: 0, n: 0 });
        c.sum += value;
        c.n++;
      }
      if (!group.lowest || score.score < group.lowest.score)
        group.lowest = { areaId: tree.ids[node], score: Math.round(score.score * 100) / 100 };
      groups.set(seatClass, group);
    }
    const order = ['lost', 'weak', 'thin-margin', 'strong', 'unclassified'];
    return {
      level: query.level,
      asOf: new Date(now).toISOString(),
      classes: [...groups]
        .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
        .map(([seatClass, g]) => ({
          seatClass,
          seats: g.count,
          meanScore: Math.round((g.score / g.count) * 100) / 100,
          meanComponents: Object.fromEntries(
            MOMENTUM_COMPONENTS.map((name) => [
              name,
              g.components[name]
                ? Math.round((g.components[name].sum / g.components[name].n) * 1e4) / 1e4
                : null,
            ]),
          ),
          lowest: g.lowest,
        })),
    };
  }
}

export { areaView };
