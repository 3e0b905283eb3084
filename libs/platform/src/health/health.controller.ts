import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Public } from '@lingong/identity';
import { RedisHealthIndicator } from './redis-health.indicator';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly redis: RedisHealthIndicator,
  ) {}

  /** The process is up; orchestrators restart it when this fails. */
  @ApiOperation({ summary: 'The process is up' })
  @Get('live')
  live() {
    return { status: 'ok' };
  }

  /** Ready to serve: PostgreSQL and Redis both answer. */
  @ApiOperation({ summary: 'Ready to serve: PostgreSQL and Redis both answer' })
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([
      () =>
        this.indicators
          .check('database')
          .attempt(async () => {
            await this.dataSource.query('SELECT 1');
          })
          .withTimeout(1500),
      () => this.redis.ping(),
    ]);
  }
}
