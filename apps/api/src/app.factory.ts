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
import { Metrieken } from './metrics/metrieken';
import { httpMetrieken } from './metrics/http-metrieken';

/** Builds the HTTP application (GraphQL, REST, health, dev OIDC, the web app at /). */
export async function createApi(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  // first middleware: every request is measured, also those that later ones refuse (metrics/)
  app.use(httpMetrieken(app.get(Metrieken)));
  app.disable('x-powered-by');
  app.useGlobalFilters(new GebruikersFoutFilter());
  app.useBodyParser('urlencoded', { extended: false, limit: '100kb' });
  app.useBodyParser('json', { limit: '2mb' });
  serveerWebApp(app, config.webDistDir);
  return app;
}

/** The built React app at / with SPA fallback; absent build = a short hint instead of a 404. */
function serveerWebApp(app: NestExpressApplication, dir: string): void {
  const index = path.join(dir, 'index.html');
  const api = /^\/(graphql|api|health|dev-oidc|config\.json)(\/|$)/;
  if (fs.existsSync(index)) {
    app.useStaticAssets(dir, { index: false, maxAge: '1h' });
  }
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || api.test(req.path)) return next();
    if (fs.existsSync(index)) return res.sendFile(index, { headers: { 'Cache-Control': 'no-cache' } });
    res.type('text/plain; charset=utf-8').send('Thuismonitor API draait. De webapp is nog niet gebouwd (npm run build).');
  });
}
