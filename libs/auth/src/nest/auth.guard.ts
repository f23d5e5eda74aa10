import {
  ForbiddenException,
  Injectable,
  Logger,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { heeftPermissie, type Permissie } from '../policy';
import { PERMISSIE_METADATA, PUBLIEK_METADATA } from './vereist.decorator';
import { RequestContext, requestUitContext } from './request-context';

/**
 * Authorisation for every GraphQL resolver and REST handler. Authentication (the bearer token)
 * already happened in the authentication middleware, which answers 401 itself; this guard checks
 * the declared permission against the policy table and fails closed when none is declared.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger(AuthGuard.name);

  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIEK_METADATA, targets)) return true;

    const req = requestUitContext(context);
    const permissie = this.reflector.getAllAndOverride<Permissie | undefined>(PERMISSIE_METADATA, targets);
    if (!permissie) {
      this.logger.error(`Handler ${context.getClass().name}.${context.getHandler().name} declares no permission`);
      throw new ForbiddenException('Geen toegang.');
    }
    const principal = req.principal;
    if (!principal) throw new UnauthorizedException();
    if (!heeftPermissie(principal, permissie)) {
      throw new ForbiddenException('U heeft geen toestemming voor deze handeling.');
    }
    req.requestContext = new RequestContext(principal, String(req.id ?? ''));
    return true;
  }
}
