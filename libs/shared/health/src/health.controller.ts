import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { Public } from '@sangathan/auth';
import { KafkaHealthIndicator } from './kafka.health';
import { MongoHealthIndicator } from './mongo.health';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly mongo: MongoHealthIndicator,
    private readonly kafka: KafkaHealthIndicator,
  ) {}

  /** Liveness: the process answers. Restarting will not fix a database outage, so nothing else. */
  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /** Readiness: MongoDB and Kafka reachable, consumer joined; 503 otherwise. */
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([() => this.mongo.isHealthy(), () => this.kafka.isHealthy()]);
  }
}
