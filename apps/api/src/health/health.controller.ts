import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ScopedDb } from '../database/scoped-db.service';
import { Publiek } from '@thuismonitor/auth';
import { RedisHealth } from '../jobs/redis-health';

/** Liveness: the process answers. Readiness: Postgres and Redis answer within a second. */
@Controller('health')
@Publiek()
export class HealthController {
  constructor(
    private readonly db: ScopedDb,
    private readonly redis: RedisHealth,
  ) {}

  @Get('live')
  @HttpCode(200)
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready(@Res() res: Response): Promise<void> {
    const [postgres, redis] = await Promise.all([
      withTimeout(this.db.gereed()),
      withTimeout(this.redis.ping()),
    ]);
    const ok = postgres && redis;
    res
      .status(ok ? 200 : 503)
      .json({
        status: ok ? 'ok' : 'niet gereed',
        postgres: postgres ? 'ok' : 'fout',
        redis: redis ? 'ok' : 'fout',
      });
  }
}

async function withTimeout(p: Promise<boolean>, ms = 1000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([p, new Promise<boolean>((r) => (timer = setTimeout(() => r(false), ms)))]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
