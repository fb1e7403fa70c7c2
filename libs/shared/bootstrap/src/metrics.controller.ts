import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@sangathan/auth';
import { activeTelemetry } from '@sangathan/observability';
import type { Request, Response } from 'express';

/** Prometheus scrape endpoint, served on the service port. */
@ApiExcludeController()
@Public()
@Controller('metrics')
export class MetricsController {
  @Get()
  metrics(@Req() req: Request, @Res() res: Response): void {
    const telemetry = activeTelemetry();
    if (!telemetry) {
      res.status(503).type('text/plain').send('# telemetry not started\n');
      return;
    }
    telemetry.metricsHandler(req, res);
  }
}
