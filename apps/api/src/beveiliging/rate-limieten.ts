import { Injectable, Logger, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type IORedis from 'ioredis';
import type { RequestMetPrincipal } from '@thuismonitor/auth';
import type { AppConfig } from '../config/app-config';
import { RedisTeller } from './redis-teller';
import { sleutelPrefix, VerzoekTellers, type Overschrijding } from './verzoek-tellers';

const logger = new Logger('RateLimit');

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

/**
 * Routes whose counting happens in AuthenticatieMiddleware/VerzoekLimietMiddleware (see above):
 * only paths those surely run on (Nest's 'graphql' and 'api/*path'); anything else is counted
 * here, so a path between the two rules is counted twice rather than not at all.
 */
const API_PAD = /^\/graphql$|^\/api\/[^/]/;

function wachttijd(req: Request, vensterMs: number): number {
  const reset = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
  return reset ? (reset.getTime() - Date.now()) / 1000 : vensterMs / 1000;
}

/**
 * Per client IP (req.ip: the socket address, or the client address from X-Forwarded-For when
 * TRUST_PROXY names the proxy), on every route except the health probes; /graphql and /api are
 * counted under the same key by VerzoekLimietMiddleware and AuthenticatieMiddleware (one round
 * trip with the other counters). IPv6 clients are counted per /56 (one household or office gets a
 * whole block of addresses).
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
    skip: (req) => req.path.startsWith('/health') || API_PAD.test(req.path),
    keyGenerator: (req) => ipKeyGenerator(req.ip ?? 'onbekend'),
    store: new RedisTeller(redis, sleutelPrefix(config, 'ip')),
    handler: (req, res) => teVeelVerzoeken(req, res, wachttijd(req, rateLimitVensterMs), 'per-IP limit'),
  });
}

/**
 * The limits of /graphql and /api, after authentication: one Redis round trip counts the request
 * for its IP and its user and reads the failed-authentication brake (verzoek-tellers.ts). A Redis
 * failure lets the request through (logged): an outage of the limiter must not take the product
 * down with it. The failure path (no or a bad token) is counted by AuthenticatieMiddleware.
 */
@Injectable()
export class VerzoekLimietMiddleware implements NestMiddleware {
  constructor(private readonly tellers: VerzoekTellers) {}

  async use(req: Request & RequestMetPrincipal, res: Response, next: NextFunction): Promise<void> {
    let over: Overschrijding | null = null;
    try {
      over = await this.tellers.tel(ipKeyGenerator(req.ip ?? 'onbekend'), req.principal?.sub ?? null, false);
    } catch (err) {
      logger.error(`rate-limit counters unavailable, request let through: ${(err as Error).message}`);
    }
    if (over) return teVeelVerzoeken(req, res, over.wachtSeconden, over.reden);
    next();
  }
}
