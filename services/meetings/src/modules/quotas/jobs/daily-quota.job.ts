import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { uuidv7 } from '@sangathan/kernel';
import { istDay } from '../../meetings/domain/ist-day';
import { QuotaService } from '../application/quota.service';

/**
 * Once an hour, evaluates yesterday (IST) for the whole tree. Safe to run on every replica and
 * again after a restart: evaluations are keyed by holder and day (see QuotaService.evaluateDay).
 * QUOTA_JOB_ROOT names the tree root (default IN); QUOTA_JOB=off disables it (tests, benchmarks).
 */
@Injectable()
export class DailyQuotaJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DailyQuotaJob');
  private timer?: NodeJS.Timeout;
  private lastDay: string | null = null;

  constructor(private readonly quotas: QuotaService) {}

  onApplicationBootstrap(): void {
    if (process.env.QUOTA_JOB === 'off') return;
    this.timer = setInterval(() => void this.tick(), 3600_000);
    this.timer.unref();
    setTimeout(() => void this.tick(), 30_000).unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async tick(now = new Date()): Promise<void> {
    const yesterday = istDay(new Date(now.getTime() - 86_400_000));
    if (this.lastDay === yesterday) return;
    try {
      const outcome = await this.quotas.evaluateDay(yesterday, process.env.QUOTA_JOB_ROOT ?? 'IN', uuidv7());
      this.lastDay = yesterday;
      this.logger.log(
        `quota check for ${yesterday}: ${outcome.evaluated} holders, ${outcome.missed} missed, ${outcome.alreadyDone} already done`,
      );
    } catch (error) {
      this.logger.warn(`quota check for ${yesterday} failed, will retry: ${(error as Error).message}`);
    }
  }
}
