import { Inject, Injectable } from '@nestjs/common';
import type IORedis from 'ioredis';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { RedisHealth } from '../jobs/redis-health';

/** Redis key prefix: per environment (QUEUE_PREFIX), so test runs sharing a Redis never count together. */
export const sleutelPrefix = (config: AppConfig, soort: string) => `${config.queuePrefix}:rl:${soort}:`;

/**
 * The three counters of an API request in ONE Redis round trip: requests per IP, requests per
 * user, failed authentications per IP. Each is a fixed window in Redis (INCR, the window set when
 * the key is made: the same keys and semantics rate-limit-redis uses for the other routes), so
 * every replica counts against the same numbers. One script instead of three EVALSHA calls
 * (before: one per middleware) because the counters were the largest single cost of a cached
 * voortgang answer (issue 9, "Speed under load"; docs/decisions.md).
 */
const SCRIPT = `
local function tel(sleutel, ms)
  local n = redis.call('INCR', sleutel)
  local ttl = redis.call('PTTL', sleutel)
  if ttl <= 0 then
    redis.call('PEXPIRE', sleutel, ms)
    ttl = ms
  end
  return { n, ttl }
end
local ip = tel(KEYS[1], tonumber(ARGV[1]))
local g = { 0, 0 }
if ARGV[3] == '1' then g = tel(KEYS[2], tonumber(ARGV[1])) end
local m
if ARGV[4] == '1' then
  m = tel(KEYS[3], tonumber(ARGV[2]))
else
  m = { tonumber(redis.call('GET', KEYS[3]) or '0'), redis.call('PTTL', KEYS[3]) }
end
return { ip[1], ip[2], g[1], g[2], m[1], m[2] }`;

/** Read-only: the IP's request count and failure brake, before a token is checked (see vooraf). */
const SCRIPT_VOORAF = `
return { tonumber(redis.call('GET', KEYS[1]) or '0'), redis.call('PTTL', KEYS[1]),
         tonumber(redis.call('GET', KEYS[2]) or '0'), redis.call('PTTL', KEYS[2]) }`;

/** A limit that was exceeded: how long to wait, and why (for the log). */
export interface Overschrijding {
  wachtSeconden: number;
  reden: string;
}

interface MetTelCommando {
  tmVerzoekTellers(
    ip: string,
    gebruiker: string,
    aanmelding: string,
    vensterMs: number,
    aanmeldingVensterMs: number,
    telGebruiker: '0' | '1',
    mislukt: '0' | '1',
  ): Promise<number[]>;
  tmVerzoekTellersVooraf(ip: string, aanmelding: string): Promise<number[]>;
}

@Injectable()
export class VerzoekTellers {
  private readonly redis: IORedis & MetTelCommando;
  private readonly prefix: { ip: string; gebruiker: string; aanmelding: string };

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    health: RedisHealth,
  ) {
    const redis = health.client;
    // ioredis sends EVALSHA and loads the script again by itself after NOSCRIPT (a restarted Redis)
    redis.defineCommand('tmVerzoekTellers', { numberOfKeys: 3, lua: SCRIPT });
    redis.defineCommand('tmVerzoekTellersVooraf', { numberOfKeys: 2, lua: SCRIPT_VOORAF });
    this.redis = redis as IORedis & MetTelCommando;
    this.prefix = {
      ip: sleutelPrefix(config, 'ip'),
      gebruiker: sleutelPrefix(config, 'gebruiker'),
      aanmelding: sleutelPrefix(config, 'aanmelding'),
    };
  }

  /**
   * Before a token's signature is checked: is client `ip` already braked or at its limit? Then it
   * gets 429 without costing a signature check or a database look-up (a flood of forged tokens
   * from one address). Counts nothing; `tel` counts after the check. Skipped for tokens the
   * verifier already knows, so the usual request keeps one round trip.
   */
  async vooraf(ip: string): Promise<Overschrijding | null> {
    const b = this.config.beveiliging;
    const [ipN, ipTtl, mN, mTtl] = await this.redis.tmVerzoekTellersVooraf(
      this.prefix.ip + ip,
      this.prefix.aanmelding + ip,
    );
    const seconden = (ms: number, standaard: number) => (ms > 0 ? ms : standaard) / 1000;
    if (mN >= b.mislukteAanmeldingenMax)
      return {
        wachtSeconden: seconden(mTtl, b.mislukteAanmeldingenVensterMs),
        reden: `${mN} failed authentications`,
      };
    if (ipN >= b.rateLimitIp)
      return { wachtSeconden: seconden(ipTtl, b.rateLimitVensterMs), reden: 'per-IP limit' };
    return null;
  }

  /**
   * Counts one request of client `ip` (an ipKeyGenerator key) by user `gebruiker` (token subject;
   * null when there is none) and, when `mislukt`, one failed authentication; answers the first
   * limit it exceeds, in this order: the failure brake (failures BEFORE this request), the IP
   * limit, the user limit.
   */
  async tel(ip: string, gebruiker: string | null, mislukt: boolean): Promise<Overschrijding | null> {
    const b = this.config.beveiliging;
    const [ipN, ipTtl, gN, gTtl, mN, mTtl] = await this.redis.tmVerzoekTellers(
      this.prefix.ip + ip,
      this.prefix.gebruiker + (gebruiker ?? ''),
      this.prefix.aanmelding + ip,
      b.rateLimitVensterMs,
      b.mislukteAanmeldingenVensterMs,
      gebruiker === null ? '0' : '1',
      mislukt ? '1' : '0',
    );
    const eerdereMislukkingen = mislukt ? mN - 1 : mN;
    const seconden = (ms: number, standaard: number) => (ms > 0 ? ms : standaard) / 1000;
    if (eerdereMislukkingen >= b.mislukteAanmeldingenMax)
      return {
        wachtSeconden: seconden(mTtl, b.mislukteAanmeldingenVensterMs),
        reden: `${eerdereMislukkingen} failed authentications`,
      };
    if (ipN > b.rateLimitIp)
      return { wachtSeconden: seconden(ipTtl, b.rateLimitVensterMs), reden: 'per-IP limit' };
    if (gebruiker !== null && gN > b.rateLimitGebruiker)
      return { wachtSeconden: seconden(gTtl, b.rateLimitVensterMs), reden: 'per-user limit' };
    return null;
  }
}
