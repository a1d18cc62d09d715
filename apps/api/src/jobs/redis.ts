import { Redis, RedisOptions } from 'ioredis';

/**
 * BullMQ workers need `maxRetriesPerRequest: null` (they block on Redis and must ride out
 * restarts). Producers fail fast instead (`enableOfflineQueue: false`), so the outbox relay sees
 * an outage at once and leaves the row for the next pass rather than hanging.
 */
export function redisConnection(url: string, role: 'worker' | 'producer' | 'probe'): Redis {
  const options: RedisOptions =
    role === 'worker'
      ? { maxRetriesPerRequest: null, enableReadyCheck: true }
      : { maxRetriesPerRequest: role === 'probe' ? 0 : 1, enableOfflineQueue: false, connectTimeout: 2000 };
  const redis = new Redis(url, { ...options, lazyConnect: false, retryStrategy: (n) => Math.min(n * 200, 2000) });
  // Connection errors surface through failed commands; an unhandled 'error' event would crash the process.
  redis.on('error', () => undefined);
  return redis;
}
