import IORedis, { type RedisOptions } from 'ioredis';

/**
 * Workers block on Redis and must retry forever (BullMQ requires maxRetriesPerRequest: null).
 * The API side must fail fast instead, so a Redis outage turns into a clear error for the one
 * request that needs Redis while reads from Postgres keep working.
 */
export function workerConnection(url: string): IORedis {
  return new IORedis(url, { maxRetriesPerRequest: null, enableReadyCheck: false });
}

export function apiConnection(url: string, extra: RedisOptions = {}): IORedis {
  return new IORedis(url, {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    connectTimeout: 2000,
    retryStrategy: (n) => Math.min(n * 500, 5000),
    // rate-limit counters of concurrent requests go out in one write per tick instead of one each
    // (issue 9, "Speed under load": three counters per request were 16% of a cached answer's CPU)
    enableAutoPipelining: true,
    ...extra,
  });
}
