import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../auth/decorators.js';
import { MatchingQueue } from '../queue/matching-queue.js';
import { NoRateLimit } from '../rate-limit/rate-limit.decorators.js';

@ApiTags('operations')
@Public()
@NoRateLimit()
@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly queue: MatchingQueue,
  ) {}

  /** Liveness: the process answers. */
  @Get('health')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: the database, Redis and the matching queue all answer. */
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 2000 }),
      () =>
        this.indicators
          .check('redis')
          .attempt(() => this.queue.ping())
          .withTimeout(2000),
      () =>
        this.indicators
          .check('queue')
          .attempt(async () => ({ waiting: (await this.queue.counts()).waiting }))
          .withTimeout(2000),
    ]);
  }
}
