import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
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
  @ApiOperation({
    summary: 'Ready for traffic: 200 once the database and the broker answer and events flow; 503 otherwise',
    description:
      'Waits for a MongoDB ping and a Kafka metadata round trip (each within 2 s), the topics this service ' +
      'writes and reads to exist, and, for a service that consumes events, its consumer group to be joined. ' +
      "After a crash the group hands the dead process's partitions over only when its Kafka session " +
      '(KAFKA_SESSION_TIMEOUT_MS, 6 s by default) has expired; after a graceful stop at once. docs/deploy.md.',
  })
  ready() {
    return this.health.check([() => this.mongo.isHealthy(), () => this.kafka.isHealthy()]);
  }
}
