import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import {
  ANALYTICS_ALERTS_TOPIC,
  ANALYTICS_MOMENTUM_TOPIC,
  AreaAlertedV1,
  createEvent,
  MOMENTUM_COMPONENTS,
  MomentumChangedV1,
  type AreaLevel,
} from '@sangathan/contracts';
import { toOutboxEntry, type OutboxEntry } from '@sangathan/messaging';
import { scoreAt, weekAgoScore } from '../domain/score';
import { numberFromEnv } from './momentum-settings';
import { MomentumService } from './momentum.service';
import { PUBLICATION_PORT, type Publication, type PublicationPort } from './ports/publication.port';

/** Thresholds of the published streams (docs/momentum.md §Published streams). */
export const PUBLISH_RULES = {
  /** Publish analytics.momentum when the score moved at least this many points since the last publication… */
  movedBy: numberFromEnv('ANALYTICS_PUBLISH_MOVED_BY', 5),
  /** …or this long after it. */
  atLeastEveryMs: 24 * 3600_000,
  /** below-threshold alert under this score; re-armed once the score is back above `recoverAt`. */
  alertBelow: numberFromEnv('ANALYTICS_ALERT_BELOW', 35),
  recoverAt: numberFromEnv('ANALYTICS_ALERT_RECOVER', 40),
  /** sharp-drop alert when the score is this many points below the score a week ago. */
  weeklyDrop: numberFromEnv('ANALYTICS_ALERT_WEEKLY_DROP', 15),
};

/**
 * Evaluates the areas of the publishing levels every few seconds and writes what moved into
 * the publication store: the last published figures and the events in ONE document write per area,
 * which the outbox relay then publishes to analytics.momentum / analytics.alerts.
 */
@Injectable()
export class MomentumPublisher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('MomentumPublisher');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private cache?: Map<string, Publication>;
  private readonly intervalMs = numberFromEnv('ANALYTICS_PUBLISH_INTERVAL_MS', 10_000);
  private readonly maxPerRound = numberFromEnv('ANALYTICS_PUBLISH_MAX_PER_ROUND', 500);
  private readonly levels = new Set(
    (process.env.ANALYTICS_PUBLISH_LEVELS ?? 'national,state,zone,district,lok-sabha,assembly,mandal').split(
      ',',
    ),
  );

  constructor(
    private readonly momentum: MomentumService,
    @Inject(PUBLICATION_PORT) private readonly publications: PublicationPort,
  ) {}

  onApplicationBootstrap(): void {
    if (this.intervalMs <= 0) return;
    this.timer = setInterval(() => {
      this.running ??= this.publishOnce()
        .then(() => undefined)
        .catch((error) => this.logger.warn(`publication round failed: ${(error as Error).message}`))
        .finally(() => {
          this.running = undefined;
        });
    }, this.intervalMs);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One evaluation round; returns how many events were queued. */
  async publishOnce(nowMs = Date.now()): Promise<number> {
    const startedMs = Date.now();
    const engine = this.momentum.active;
    if (!engine) return 0;
    this.cache ??= new Map((await this.publications.loadAll()).map((p) => [p._id, p]));
    const { tree } = engine.state;
    const computedAt = new Date(nowMs).toISOString();
    const today = Math.floor(nowMs / 86_400_000);
    const writes: { id: string; next: Publication; entries: OutboxEntry[]; urgency: number }[] = [];
    const candidates: number[] = [];
    for (let idx = 0; idx < tree.count; idx++)
      if (tree.attached[idx] && this.levels.has(tree.level[idx])) candidates.push(idx);
    for (const [i, idx] of candidates.entries()) {
      // ~2,200 areas at full scale: scored in slices, with the event loop free in between for ingest and the API.
      if (i > 0 && i % 200 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
      if (this.momentum.active !== engine) return 0; // switched over to a replayed state meanwhile: next round
      const areaId = tree.ids[idx];
      const last = this.cache.get(areaId);
      const score = scoreAt(engine.state, idx, nowMs);
      const stale = !last || last.formulaVersion !== engine.formula.version;
      const moved = stale || Math.abs(score.score - last.score) >= PUBLISH_RULES.movedBy;
      const daily = !moved && nowMs - last!.publishedAt.getTime() >= PUBLISH_RULES.atLeastEveryMs;
      const weekAgo = weekAgoScore(engine.state, idx, nowMs);
      const below = last?.below
        ? score.score < PUBLISH_RULES.recoverAt
        : score.score < PUBLISH_RULES.alertBelow;
      const alertBelow = below && !last?.below;
      const drop =
        weekAgo !== null && weekAgo - score.score >= PUBLISH_RULES.weeklyDrop && last?.dropDay !== today;
      if (!moved && !daily && !alertBelow && !drop && below === (last?.below ?? false)) continue;

      const ancestors = tree.ancestorIds(idx);
      const ctx = {
        producer: 'analytics',
        areaId,
        areaPath: ancestors,
        actorId: null,
        correlationId: `momentum-${areaId}-${nowMs}`,
      };
      const ref = { areaId, level: tree.level[idx] as AreaLevel, ancestors };
      const clampScore = (x: number) => Math.min(150, Math.max(0, Math.round(x * 100) / 100));
      const entries: OutboxEntry[] = [];
      if (moved || daily) {
        const event = createEvent(
          MomentumChangedV1,
          {
            ...ref,
            score: clampScore(score.score),
            previousScore: last && !stale ? clampScore(last.score) : null,
            components: Object.fromEntries(
              MOMENTUM_COMPONENTS.map((c) => [
                c,
                {
                  value: score.components[c].value,
                  weight: Math.round(score.components[c].weight * 1e6) / 1e6,
                },
              ]),
            ) as never,
            weekAgoScore: weekAgo === null ? null : clampScore(weekAgo),
            shortLongRatio: score.shortLongRatio,
            trend: score.trend,
            reason: moved ? 'moved' : 'daily',
            formulaVersion: engine.formula.version,
            computedAt,
          },
          ctx,
        );
        entries.push(toOutboxEntry(event, ANALYTICS_MOMENTUM_TOPIC.name, areaId));
      }
      for (const kind of [
        ...(alertBelow ? (['below-threshold'] as const) : []),
        ...(drop ? (['sharp-drop'] as const) : []),
      ]) {
        const event = createEvent(
          AreaAlertedV1,
          {
            ...ref,
            kind,
            score: clampScore(score.score),
            threshold: kind === 'below-threshold' ? PUBLISH_RULES.alertBelow : PUBLISH_RULES.weeklyDrop,
            weekAgoScore: weekAgo === null ? null : clampScore(weekAgo),
            weakestComponent: score.weakest,
            formulaVersion: engine.formula.version,
            detectedAt: computedAt,
          },
          ctx,
        );
        entries.push(toOutboxEntry(event, ANALYTICS_ALERTS_TOPIC.name, areaId));
      }
      const next: Publication = {
        _id: areaId,
        score: moved || daily || !last ? score.score : last.score,
        publishedAt: moved || daily || !last ? new Date(nowMs) : last.publishedAt,
        below,
        dropDay: drop ? today : (last?.dropDay ?? null),
        formulaVersion: engine.formula.version,
      };
      // Alerts first, then the biggest moves: what a capped round leaves waits for the next one.
      const urgency = (alertBelow || drop ? 1000 : 0) + (last ? Math.abs(score.score - last.score) : 500);
      writes.push({ id: areaId, next, entries, urgency });
    }
    if (writes.length === 0) return 0;
    if (writes.length > this.maxPerRound) {
      // After a backlog (a restart, a replay) thousands of areas move at once; publishing them all in one round
      // would load the database and the relay for seconds. The rest are found again by the next rounds.
      writes.sort((a, b) => b.urgency - a.urgency);
      writes.length = this.maxPerRound;
    }
    await this.publications.saveAll(
      writes.map(({ next, entries }) => ({ publication: next, events: entries })),
    );
    for (const { id, next } of writes) this.cache.set(id, next);
    const queued = writes.reduce((sum, w) => sum + w.entries.length, 0);
    if (queued > 0)
      this.logger.log(
        `queued ${queued} momentum/alert events for ${writes.length} areas in ${Date.now() - startedMs} ms`,
      );
    return queued;
  }
}
