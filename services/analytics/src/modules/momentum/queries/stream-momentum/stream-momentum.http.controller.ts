import { Controller, Param, Query, Sse, type MessageEvent } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Requires, type Principal } from '@sangathan/auth';
import { areaLevelSchema } from '@sangathan/contracts';
import { ValidationError } from '@sangathan/kernel';
import { createZodDto } from 'nestjs-zod';
import { concatMap, interval, Observable, of, startWith } from 'rxjs';
import { z } from 'zod';
import { scoreAt } from '../../domain/score';
import type { MomentumEngine } from '../../application/momentum-engine';
import { MomentumService } from '../../application/momentum.service';
import { activeEngine, scopedArea } from '../momentum-view';

/** More areas than a live view can colour; a client wanting booths reads the paged endpoints instead. */
const MAX_STREAMED_AREAS = 2_000;
/** Areas are only ever added: the watched set is re-read this often so new ones join the stream. */
const RESOLVE_EVERY_MS = 30_000;

class StreamQueryDto extends createZodDto(
  z.object({
    /** Level of the areas to watch (default: the level just below the area). */
    level: areaLevelSchema.optional(),
    intervalMs: z.coerce.number().int().min(500).max(60_000).default(2_000),
    /** `true`: one `scores` event with every area, then the stream ends (a snapshot in the same shape). */
    once: z.enum(['true', 'false']).optional(),
  }),
) {}

type StreamedScore = { areaId: string; score: number; trend: string };

function scoredItem(engine: MomentumEngine, node: number, now: number): StreamedScore {
  const score = scoreAt(engine.state, node, now);
  return {
    areaId: engine.state.tree.ids[node],
    score: Math.round(score.score * 100) / 100,
    trend: score.trend,
  };
}

/**
 * Server-sent events for live views (the dashboard's tile map): the scores of the areas of one level under an
 * area, all of them first, then every `intervalMs` only those whose rounded score or trend changed. It polls
 * the in-memory state (a few hundred score reads per tick), so it adds no work to ingest.
 */
@ApiTags('momentum')
@Controller('areas/:id/momentum/stream')
export class StreamMomentumHttpController {
  constructor(private readonly momentum: MomentumService) {}

  @Sse()
  @Requires('analytics:read')
  @ApiProduces('text/event-stream')
  @ApiOperation({
    summary:
      'Server-sent events: `scores` with the areas of one level under the area (all first, then those that changed; once=true: all, then the stream ends)',
  })
  @ApiOkResponse({
    description:
      'An event stream; each `scores` event carries { areaId, level, asOf, items: [{ areaId, score, trend }] }',
    schema: { type: 'string' },
  })
  stream(
    @Param('id') id: string,
    @Query() query: StreamQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Observable<MessageEvent> {
    // Checked before the stream opens, so a bad id or scope is an ordinary 404/403 answer.
    const first = activeEngine(this.momentum);
    const root = scopedArea(first, principal, id);
    const rootId = first.state.tree.ids[root];
    const level =
      query.level ?? first.state.tree.level[first.state.tree.children[root][0] ?? root] ?? 'booth';
    const watched = () => {
      const engine = activeEngine(this.momentum);
      const idx = engine.state.tree.index.get(rootId)!;
      return engine.state.tree.level[idx] === level ? [idx] : engine.state.tree.descendants(idx, level);
    };
    if (watched().length > MAX_STREAMED_AREAS)
      throw new ValidationError(
        'TOO_MANY_AREAS',
        `more than ${MAX_STREAMED_AREAS} ${level} areas under ${rootId}`,
        [{ field: 'level', message: 'choose a level with fewer areas under this one' }],
      );
    if (query.once === 'true') {
      const now = Date.now();
      const items = watched().map((node) => scoredItem(first, node, now));
      return of({
        type: 'scores',
        data: { areaId: rootId, level, asOf: new Date(now).toISOString(), items },
      });
    }
    const last = new Map<string, string>();
    let nodes: number[] = [];
    let resolvedAt = 0;
    return interval(query.intervalMs).pipe(
      startWith(-1),
      concatMap((): MessageEvent[] => {
        let engine;
        try {
          engine = activeEngine(this.momentum);
        } catch {
          return []; // a replay is switching formulas; the next tick reads the new state
        }
        const now = Date.now();
        if (now - resolvedAt >= RESOLVE_EVERY_MS) {
          nodes = watched();
          resolvedAt = now;
        }
        const changed: StreamedScore[] = [];
        for (const node of nodes) {
          const item = scoredItem(engine, node, now);
          const key = `${item.score}|${item.trend}`;
          if (last.get(item.areaId) === key) continue;
          last.set(item.areaId, key);
          changed.push(item);
        }
        if (changed.length === 0) return [];
        return [
          {
            type: 'scores',
            data: { areaId: rootId, level, asOf: new Date(now).toISOString(), items: changed },
          },
        ];
      }),
    );
  }
}
