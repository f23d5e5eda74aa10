import { Inject, Injectable, Logger, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { ipKeyGenerator } from 'express-rate-limit';
import {
  AuthenticatieFout,
  identiteitUitClaims,
  TokenVerifier,
  type RequestMetPrincipal,
} from '@thuismonitor/auth';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { teVeelVerzoeken } from '../beveiliging/rate-limieten';
import { VerzoekTellers, type Overschrijding } from '../beveiliging/verzoek-tellers';
import { PrincipalResolver } from './principal-resolver.service';

/**
 * Authentication for /graphql and /api: a valid bearer token or 401. One answer for every
 * failure (expired, wrong issuer/audience, bad signature, unknown kid, no organisation…) so that
 * nothing leaks; the reason goes to the log in English. A failure is counted for the client's IP
 * (with its request) before answering: an IP past AUTH_FAILURE_LIMIT failures gets 429 instead of
 * 401, whatever token it sends (VerzoekLimietMiddleware applies the same brake to valid tokens).
 */
@Injectable()
export class AuthenticatieMiddleware implements NestMiddleware {
  private readonly logger = new Logger('Authenticatie');

  constructor(
    private readonly verifier: TokenVerifier,
    private readonly principals: PrincipalResolver,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tellers: VerzoekTellers,
  ) {}

  async use(req: Request & RequestMetPrincipal, res: Response, next: NextFunction): Promise<void> {
    const header = req.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+([A-Za-z0-9._~+/=-]+)$/i.exec(header.trim()) : null;
    const ip = ipKeyGenerator(req.ip ?? 'onbekend');
    // an unknown (or no) token costs a signature check: a braked or limited address is stopped first
    if (!match || !this.verifier.isBekend(match[1])) {
      let vooraf: Overschrijding | null = null;
      try {
        vooraf = await this.tellers.vooraf(ip);
      } catch (fout) {
        this.logger.error(`rate-limit counters unavailable, request let through: ${(fout as Error).message}`);
      }
      if (vooraf) return teVeelVerzoeken(req, res, vooraf.wachtSeconden, vooraf.reden);
    }
    try {
      if (!match) throw new AuthenticatieFout(header ? 'malformed Authorization header' : 'no bearer token');
      const payload = await this.verifier.verify(match[1]);
      const identiteit = identiteitUitClaims(payload, this.config.oidcAudience);
      req.principal = await this.principals.resolve(identiteit);
      next();
    } catch (err) {
      if (!(err instanceof AuthenticatieFout)) {
        this.logger.error(`authentication error: ${(err as Error).stack ?? err}`);
      } else {
        this.logger.warn(`token refused: ${err.reden}`);
      }
      let over: Overschrijding | null = null;
      try {
        over = await this.tellers.tel(ip, null, true);
      } catch (fout) {
        this.logger.error(`could not count a failed authentication: ${(fout as Error).message}`);
      }
      if (over) return teVeelVerzoeken(req, res, over.wachtSeconden, over.reden);
      res
        .status(401)
        .set('WWW-Authenticate', 'Bearer realm="thuismonitor"')
        .json({
          errors: [
            {
              message: 'Niet aangemeld of sessie verlopen. Meld u opnieuw aan.',
              extensions: { code: 'UNAUTHENTICATED' },
            },
          ],
        });
    }
  }
}
