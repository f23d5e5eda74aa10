import 'reflect-metadata';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import type { NextFunction, Request, Response } from 'express';
import type { AppConfig } from './config/app-config';
import { AppModule } from './app.module';
import { GebruikersFoutFilter } from './common/gebruikers-fout.filter';
import compression from 'compression';
import { beveiligingsHeaders } from './beveiliging/http-headers';
import { ipLimiet } from './beveiliging/rate-limieten';
import { RedisHealth } from './jobs/redis-health';
import { Metrieken } from './metrics/metrieken';
import { httpMetrieken } from './metrics/http-metrieken';

/** Builds the HTTP application (GraphQL, REST, health, dev OIDC, the web app at /). */
export async function createApi(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  // first middleware: every request is measured, also those that later ones refuse (metrics/)
  app.use(httpMetrieken(app.get(Metrieken)));
  app.disable('x-powered-by');
  // no ETag on API answers: nobody revalidates a POST, and hashing every GraphQL body cost CPU on
  // each request (static files and index.html keep theirs: serve-static/send make their own)
  app.set('etag', false);
  // which proxy may tell us the client's address and scheme (rate limits per IP, HSTS); see TRUST_PROXY
  app.set('trust proxy', config.beveiliging.trustProxy);
  // before everything else, so static files and the SPA get the same headers and limits as the API
  app.use(beveiligingsHeaders(config));
  app.use(ipLimiet(config, app.get(RedisHealth).client));
  app.use(compression());
  app.useGlobalFilters(new GebruikersFoutFilter());
  app.useBodyParser('urlencoded', { extended: false, limit: '100kb' });
  app.useBodyParser('json', { limit: '2mb' });
  // body-parser reports a too large or unreadable body to Express's default handler (an English
  // HTML page); users of the API get a Dutch error in the GraphQL shape instead
  app.use((err: { type?: string } | undefined, _req: Request, res: Response, next: NextFunction) => {
    if (err?.type === 'entity.too.large')
      return res.status(413).json({
        errors: [
          {
            message:
              'Het verzoek is te groot (hoogstens 2 MB). Lever grote bestanden aan als upload of in delen.',
            extensions: { code: 'ONGELDIGE_INVOER' },
          },
        ],
      });
    if (err?.type === 'entity.parse.failed' || err?.type === 'encoding.unsupported')
      return res.status(400).json({
        errors: [{ message: 'Het verzoek is geen geldige JSON.', extensions: { code: 'ONGELDIGE_INVOER' } }],
      });
    next(err);
  });
  serveerWebApp(app, config);
  return app;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/**
 * The built React app at / with SPA fallback; absent build = a short hint instead of a 404.
 * Vite puts content-hashed file names under /assets: those never change, so browsers may keep them
 * a year without asking again; index.html must always be revalidated (it names the current hashes);
 * other public files (map data) are not hashed and get an hour. Source maps are never served.
 */
function serveerWebApp(app: NestExpressApplication, config: AppConfig): void {
  const dir = config.webDistDir;
  const index = path.join(dir, 'index.html');
  const assets = path.join(dir, 'assets') + path.sep;
  const api = /^\/(graphql|api|health|dev-oidc|config\.json)(\/|$)/;
  const publiek = new URL(config.publicUrl);
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.path.endsWith('.map'))
      return res.status(404).type('text/plain; charset=utf-8').send('Niet gevonden.');
    next();
  });
  if (fs.existsSync(index)) {
    app.use(voorafGecomprimeerd(dir, assets));
    app.useStaticAssets(dir, {
      index: false,
      maxAge: '1h',
      setHeaders: (res: Response, bestand: string) => {
        if (bestand.startsWith(assets)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      },
    });
  }
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || api.test(req.path)) return next();
    // Opened as http://127.0.0.1:3000 while PUBLIC_URL says localhost (or the other way round): the
    // login redirect, the token exchange and the API all live on the public origin, and a page on
    // another origin cannot reach them ("Failed to fetch"). Send the browser to the public address.
    if (LOOPBACK.has(req.hostname) && LOOPBACK.has(publiek.hostname) && req.hostname !== publiek.hostname) {
      return res.redirect(302, `${publiek.origin}${req.originalUrl}`);
    }
    if (fs.existsSync(index)) return res.sendFile(index, { headers: { 'Cache-Control': 'no-cache' } });
    res
      .type('text/plain; charset=utf-8')
      .send('Thuismonitor API draait. De webapp is nog niet gebouwd (npm run build).');
  });
}

const VOORAF = [
  { codering: 'br', extensie: '.br' },
  { codering: 'gzip', extensie: '.gz' },
] as const;

/**
 * The build (apps/web/build.mjs) writes brotli and gzip copies next to the web app's files; a
 * browser that accepts one gets it as is (Content-Encoding set, so compression() leaves it alone),
 * others fall through to the plain file. Only paths that resolve inside the dist directory.
 */
function voorafGecomprimeerd(dir: string, assets: string) {
  const basis = path.resolve(dir) + path.sep;
  return (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !/\.(js|css|svg|json|topojson)$/.test(req.path))
      return next();
    let bestand: string;
    try {
      bestand = path.resolve(basis, '.' + decodeURIComponent(req.path));
    } catch {
      return next();
    }
    if (!bestand.startsWith(basis)) return next();
    for (const { codering, extensie } of VOORAF) {
      if (!req.acceptsEncodings(codering)) continue;
      if (!fs.existsSync(bestand + extensie)) continue;
      res.setHeader('Content-Encoding', codering);
      res.setHeader('Vary', 'Accept-Encoding');
      res.type(path.extname(bestand));
      res.setHeader(
        'Cache-Control',
        bestand.startsWith(assets) ? 'public, max-age=31536000, immutable' : 'public, max-age=3600',
      );
      return res.sendFile(bestand + extensie);
    }
    next();
  };
}
