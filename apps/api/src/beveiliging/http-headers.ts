import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import type { AppConfig } from '../config/app-config';
import { devIssuerUrl } from '../dev-oidc/dev-oidc.module';

const origin = (url: string) => new URL(url).origin;

/**
 * Where the browser may connect besides its own origin: the OpenID issuer (oidc-client-ts fetches
 * discovery and exchanges the code there) and the API when it is served from elsewhere.
 */
function extraOrigins(config: AppConfig): string[] {
  const issuer = config.oidcIssuerUrl ?? devIssuerUrl(config);
  return [...new Set([origin(issuer), origin(config.publicUrl)])];
}

/**
 * Content-Security-Policy for the single-page app, as strict as the app allows (checked with a
 * real Chromium page load in apps/web/test/beveiliging-csp.spec.ts):
 * - scripts only from our own origin (Vite emits no inline script; no eval);
 * - style sheets only from our own origin; style ATTRIBUTES are allowed ('unsafe-inline' in
 *   style-src-attr only): ECharts writes its tooltips as HTML with style="…" attributes, and
 *   style attributes cannot run script;
 * - images from our origin plus data:/blob: (ECharts' "save as image", inline SVG icons);
 * - no plugins, no <base> tricks, forms post only to ourselves, and no page may frame us
 *   (frame-ancestors 'none' together with X-Frame-Options: DENY for old browsers).
 */
function appCsp(config: AppConfig): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        styleSrcAttr: ["'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", ...extraOrigins(config)],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameSrc: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
    // sent per request below, only over TLS
    strictTransportSecurity: false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
}

/**
 * The development login page (/dev-oidc, never in production) carries its small style sheet
 * inline, and its form redirects to the app's return address, which may be another loopback name.
 */
function devOidcCsp(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'none'"],
        styleSrc: ["'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
    strictTransportSecurity: false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
}

/**
 * Security headers on every response (API, static files, SPA), plus HSTS when the request came in
 * over TLS: directly, or via a proxy named in TRUST_PROXY that says so in X-Forwarded-Proto
 * (Express's req.secure). Over plain http HSTS would be ignored by browsers anyway, and sending it
 * from a development machine on localhost would pin that name to https for a year.
 */
export function beveiligingsHeaders(config: AppConfig): RequestHandler {
  const app = appCsp(config);
  const dev = devOidcCsp();
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.secure) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    (req.path.startsWith('/dev-oidc/') ? dev : app)(req, res, next);
  };
}
