import { Controller, Get, Inject, OnApplicationShutdown, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { Db } from '../../db/db';
import { redisConnection } from '../../jobs/redis';
import { Public } from '../access/access.decorators';

class HealthDto {
  @ApiProperty({ example: 'ok' }) status: string;
}

class ReadinessChecksDto {
  @ApiProperty({ enum: ['up', 'down'] }) postgres: string;
  @ApiProperty({ enum: ['up', 'down'] }) redis: string;
}

class ReadinessDto {
  @ApiProperty({ enum: ['ok', 'unavailable'] }) status: string;
  @ApiProperty({ type: ReadinessChecksDto }) checks: ReadinessChecksDto;
}

const within = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms))]);

@ApiTags('health')
@Controller()
export class HealthController implements OnApplicationShutdown {
  private readonly redis: Redis;

  constructor(
    private readonly db: Db,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.redis = redisConnection(config.REDIS_URL, 'probe');
  }

  @Get('health')
  @Public()
  @ApiOperation({ summary: 'Liveness: the process is up', operationId: 'health' })
  @ApiOkResponse({ type: HealthDto })
  health(): HealthDto {
    return { status: 'ok' };
  }

  @Get('ready')
  @Public()
  @ApiOperation({ summary: 'Readiness: PostgreSQL and Redis answer', operationId: 'ready' })
  @ApiOkResponse({ type: ReadinessDto })
  @ApiServiceUnavailableResponse({ type: ReadinessDto })
  async ready(@Res({ passthrough: true }) res: Response): Promise<ReadinessDto> {
    const [postgres, redis] = await Promise.all([
      within(this.db.dataSource.query('SELECT 1'), 2000).then(() => 'up', () => 'down'),
      within(this.redis.ping(), 2000).then(() => 'up', () => 'down'),
    ]);
    const ok = postgres === 'up' && redis === 'up';
    res.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'unavailable', checks: { postgres, redis } };
  }

  onApplicationShutdown() {
    this.redis.disconnect();
  }
}
