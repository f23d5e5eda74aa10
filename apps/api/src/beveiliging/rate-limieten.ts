import { Injectable, Inject, Logger, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type IORedis from 'ioredis';
import type { RequestMetPrincipal } from '@thuismonitor/auth';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { RedisHealth } from '../jobs/redis-health';
import { RedisTeller } from './redis-teller';

const logger = new Logger('RateLimit');

/** Redis key prefix: per environment (QUEUE_PREFIX), so test runs sharing a Redis never count together. */
const sleutelPrefix = (config: AppConfig, soort: string) => `${config.queuePrefix}:rl:${soort}:`;

/**
 * The 429 answer: Dutch, with Retry-After (seconds). For /graphql and /api in the GraphQL error
 * shape the web app already understands; for anything else plain text.
 */
export function teVeelVerzoeken(req: Request, res: Response, wachtSeconden: number, reden: string): void {
  const seconden = Math.max(1, Math.ceil(wachtSeconden));
  logger.warn(`429 ${reden}: ${req.method} ${req.path} from ${req.ip}`);
  const melding = `U heeft te veel verzoeken in korte tijd gedaan. Wacht ${seconden} seconden en probeer het dan opnieuw.`;
  res.status(429).setHeader('Retry-After', String(seconden));
  if (/^\/(graphql|api)(\/|$)/.test(req.path)) {
    res.json({
      errors: [{ message: melding, extensions: { code: 'TE_VEEL_VERZOEKEN', wachtSeconden: seconden } }],
    });
  } else {
    res.type('text/plain; charset=utf-8').send(melding);
  }
}

function wachttijd(req: Request, vensterMs: number): number {
  const reset = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
  return reset ? (reset.getTime() - Date.now()) / 1000 : vensterMs / 1000;
}

/**
 * Per client IP (req.ip: the socket address, or the client address from X-Forwarded-For when
 * TRUST_PROXY names the proxy), on every route except the health probes. IPv6 clients are counted
 * per /56 (one household or office gets a whole block of addresses).
 * A Redis failure lets requests through (logged): an outage of the limiter must not take the
 * product down with it.
 */
export function ipLimiet(config: AppConfig, redis: IORedis): RequestHandler {
  const { rateLimitIp, rateLimitVensterMs } = config.beveiliging;
  return rateLimit({
    windowMs: rateLimitVensterMs,
    limit: rateLimitIp,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    passOnStoreError: true,
    skip: (req) => req.path.startsWith('/health'),
    keyGenerator: (req) => ipKeyGenerator(req.ip ?? 'onbekend'),
    store: new RedisTeller(redis, sleutelPrefix(config, 'ip')),
    handler: (req, res) => teVeelVerzoeken(req, res, wachttijd(req, rateLimitVensterMs), 'per-IP limit'),
  });
}

/**
 * Per signed-in user (token subject) on /graphql and /api; runs after authentication. This is the
 * limit that stops one user from stalling everyone, also when many users share one IP.
 */
@Injectable()
export class GebruikerLimietMiddleware implements NestMiddleware {
  private readonly limiet: RequestHandler;

  constructor(@Inject(APP_CONFIG) config: AppConfig, redis: RedisHealth) {
    const { rateLimitGebruiker, rateLimitVensterMs } = config.beveiliging;
    this.limiet = rateLimit({
      windowMs: rateLimitVensterMs,
      limit: rateLimitGebruiker,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      passOnStoreError: true,
      identifier: 'gebruiker',
      keyGenerator: (req) =>
        (req as Request & RequestMetPrincipal).principal?.sub ?? `ip:${ipKeyGenerator(req.ip ?? 'onbekend')}`,
      store: new RedisTeller(redis.client, sleutelPrefix(config, 'gebruiker')),
      handler: (req, res) => teVeelVerzoeken(req, res, wachttijd(req, rateLimitVensterMs), 'per-user limit'),
    });
  }

  use(req: Request, res: Response, next: NextFunction): void {
    void this.limiet(req, res, next);
  }
}

/**
 * Failed authentications per IP (bad, expired or forged tokens): after AUTH_FAILURE_LIMIT of them
 * within the window, that IP gets 429 on /graphql and /api, whatever token it sends, until the
 * window has passed. Runs before authentication and only READS the counter; a 401 answer adds one
 * afterwards. (express-rate-limit's skipSuccessfulRequests counts every request first and takes
 * successes off later, so a burst of good requests from a shared office IP could hit the limit.)
 */
@Injectable()
export class MislukteAanmeldingMiddleware implements NestMiddleware {
  private readonly teller: RedisTeller;
  private readonly max: number;
  private readonly vensterMs: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig, redis: RedisHealth) {
    this.max = config.beveiliging.mislukteAanmeldingenMax;
    this.vensterMs = config.beveiliging.mislukteAanmeldingenVensterMs;
    this.teller = new RedisTeller(redis.client, sleutelPrefix(config, 'aanmelding'));
    void this.teller.init({ windowMs: this.vensterMs } as Parameters<RedisTeller['init']>[0]);
  }

  async use(req: Request, res: Response, next: NextFunction): Promise<void> {
    const sleutel = ipKeyGenerator(req.ip ?? 'onbekend');
    try {
      const stand = await this.teller.get(sleutel);
      if (stand && stand.totalHits >= this.max) {
        const wacht = stand.resetTime
          ? (stand.resetTime.getTime() - Date.now()) / 1000
          : this.vensterMs / 1000;
        return teVeelVerzoeken(req, res, wacht, `${stand.totalHits} failed authentications`);
      }
    } catch (err) {
      logger.error(
        `failed-authentication counter unavailable, request let through: ${(err as Error).message}`,
      );
    }
    res.on('finish', () => {
      if (res.statusCode !== 401) return;
      this.teller
        .increment(sleutel)
        .catch((err: Error) => logger.error(`could not count a failed authentication: ${err.message}`));
    });
    next();
  }
}
