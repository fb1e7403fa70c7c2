import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { retryOnConcurrentChange } from '@sangathan/kernel';
import { panelIntegrationEvents } from '../application/panels.integration-events';
import { CLOCK, type ClockPort } from '../application/ports/clock.port';
import { PANEL_REPOSITORY, type PanelRepositoryPort } from '../application/ports/panel.repository.port';

/**
 * Raises `candidates.panel.deadline-missed` once for every panel whose deadline passed before it was submitted.
 * Runs every PANEL_DEADLINE_SWEEP_MS (default 60 s) on every replica: the version-guarded write makes a panel's
 * miss raised once however many replicas notice it.
 */
@Injectable()
export class DeadlineSweepJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeadlineSweepJob.name);
  private timer?: NodeJS.Timeout;
  private running = false;

  constructor(
    @Inject(PANEL_REPOSITORY) private readonly panels: PanelRepositoryPort,
    @Inject(CLOCK) private readonly clock: ClockPort,
  ) {}

  onApplicationBootstrap(): void {
    const every = Number(process.env.PANEL_DEADLINE_SWEEP_MS ?? 60_000);
    if (!(every > 0)) return;
    this.timer = setInterval(() => {
      void this.sweep().catch((error: Error) => this.logger.warn(`deadline sweep failed: ${error.message}`));
    }, every);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** One pass; returns how many misses it raised. */
  async sweep(): Promise<number> {
    if (this.running) return 0;
    this.running = true;
    try {
      let raised = 0;
      for (const id of await this.panels.missedDeadlines(this.clock.now(), 200)) {
        raised += await retryOnConcurrentChange(async () => {
          const loaded = await this.panels.load(id);
          if (!loaded) return 0;
          const events = loaded.panel.noticeMissedDeadline(this.clock.now());
          if (events.length === 0) return 0;
          await this.panels.save(
            loaded.panel,
            loaded.version,
            panelIntegrationEvents(loaded.panel.snapshot, events, null),
          );
          return 1;
        });
      }
      return raised;
    } finally {
      this.running = false;
    }
  }
}
