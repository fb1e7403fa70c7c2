import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DASHBOARD_OPTIONS } from './dashboard.tokens';
import type { DashboardOptions } from './dashboard-options';

/** Live: the process answers. Ready: the built app is there to serve (the services have their own probes). */
@Controller('health')
export class HealthController {
  constructor(@Inject(DASHBOARD_OPTIONS) private readonly options: DashboardOptions) {}

  @Get('live')
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  ready() {
    if (!existsSync(join(this.options.webRoot, 'index.html'))) {
      throw new ServiceUnavailableException({
        code: 'NOT_BUILT',
        message: `no built dashboard in ${this.options.webRoot} (node services/dashboard/scripts/build-web.mjs)`,
        details: [],
      });
    }
    return { status: 'ok' };
  }
}
