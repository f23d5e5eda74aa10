import { Logger } from '@nestjs/common';
import type IORedis from 'ioredis';
import { RedisStore, type RedisReply } from 'rate-limit-redis';

const logger = new Logger('RateLimit');

/**
 * rate-limit-redis keeps the SHA of its Lua scripts as a promise made once at start-up. The API's
 * Redis connection fails fast instead of queueing commands (jobs/redis-connection.ts), so when Redis
 * is not reachable yet at that moment, that promise stays rejected and every later count fails.
 * This store loads the scripts again after any failure, so limits come back with Redis.
 * Counters live in Redis, so every API replica counts against the same numbers.
 */
export class RedisTeller extends RedisStore {
  constructor(redis: IORedis, prefix: string) {
    super({
      sendCommand: (command: string, ...args: string[]) =>
        redis.call(command, ...args) as Promise<RedisReply>,
      prefix,
    });
  }

  override async init(options: Parameters<RedisStore['init']>[0]): Promise<void> {
    try {
      await super.init(options);
    } catch (err) {
      this.herlaad();
      logger.warn(
        `rate-limit store could not load its scripts yet (${(err as Error).message}); retried on the next request`,
      );
    }
  }

  override async increment(key: string) {
    try {
      return await super.increment(key);
    } catch (err) {
      this.herlaad();
      throw err;
    }
  }

  override async get(key: string) {
    try {
      return await super.get(key);
    } catch (err) {
      this.herlaad();
      throw err;
    }
  }

  private herlaad(): void {
    this.incrementScriptSha = this.loadIncrementScript();
    this.getScriptSha = this.loadGetScript();
    // a failure shows on the next count; do not let it become an unhandled rejection now
    this.incrementScriptSha.catch(() => undefined);
    this.getScriptSha.catch(() => undefined);
  }
}
