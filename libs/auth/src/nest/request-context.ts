import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Principal } from '../principal';

/**
 * Everything a service needs to know about who is asking, handed over explicitly (no ambient
 * request scope): resolver → service(ctx, …) → scoped repository.
 */
export class RequestContext {
  constructor(
    readonly principal: Principal,
    readonly requestId: string,
  ) {}

  get organisatieId(): string {
    return this.principal.organisatie.id;
  }
}

export interface RequestMetPrincipal {
  principal?: Principal;
  requestContext?: RequestContext;
  id?: string | number;
  headers: Record<string, string | string[] | undefined>;
}

export function requestUitContext(context: ExecutionContext): RequestMetPrincipal {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req: RequestMetPrincipal }>().req;
  }
  return context.switchToHttp().getRequest<RequestMetPrincipal>();
}

/** `@Ctx() ctx: RequestContext` in a resolver or controller method. */
export const Ctx = createParamDecorator((_data: unknown, context: ExecutionContext): RequestContext => {
  const req = requestUitContext(context);
  if (!req.requestContext) {
    // The guard runs before parameter decorators, so this means a @Publiek handler asked for a
    // principal: a programming error, refused rather than answered without tenancy.
    throw new Error('RequestContext requested on a handler without authentication');
  }
  return req.requestContext;
});
