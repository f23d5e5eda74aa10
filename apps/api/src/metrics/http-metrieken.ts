import type { NextFunction, Request, Response } from 'express';
import type { Metrieken } from './metrieken';

/**
 * Express middleware: latency of every HTTP request by route PATTERN (e.g.
 * /api/rapportages/:id/:formaat, never the raw URL with ids), method and status. Requests outside
 * Nest's routes are grouped: GraphQL, the web app's static files and SPA pages, and unmatched.
 */
export function httpMetrieken(metrieken: Metrieken) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const stop = metrieken.httpDuur.startTimer();
    res.once('finish', () => {
      stop({ method: req.method, route: routeLabel(req, res), status_code: String(res.statusCode) });
    });
    next();
  };
}

export function routeLabel(req: Request, res: Response): string {
  const pad = (req.originalUrl ?? req.url ?? '').split('?')[0];
  if (pad === '/graphql' || pad.startsWith('/graphql/')) return '/graphql';
  if (req.route?.path) return `${req.baseUrl ?? ''}${String(req.route.path)}`;
  if (/^\/(api|health|dev-oidc)(\/|$)/.test(pad))
    return res.statusCode === 404 ? 'unmatched' : pad.split('/').slice(0, 2).join('/');
  return res.statusCode === 404 ? 'unmatched' : 'web';
}
