import 'reflect-metadata';
import { ConfigFout, loadConfig } from './config/app-config';
import { prepareDatabase } from './database/prepare-database';
import { createApi } from './app.factory';
import { Klok } from './common/klok';

/** API entry point: validate configuration, migrate, serve. */
async function main(): Promise<void> {
  // Unset NODE_ENV = production, for loadConfig and for libraries that read it themselves
  // (express shows stack traces on its error page outside production).
  const nodeEnvGezet = Boolean(process.env.NODE_ENV);
  process.env.NODE_ENV ||= 'production';
  const config = loadConfig();
  if (!nodeEnvGezet) console.log('[start] NODE_ENV is not set: running with production settings');
  await prepareDatabase(config.databaseUrl, {
    demoData: config.demoData,
    demoRealisatie: config.demoRealisatie,
    vandaag: new Klok(config).vandaag(),
    log: (m) => console.log(`[start] ${m}`),
  });
  const app = await createApi(config);
  await app.listen(config.port, process.env.HOST ?? '0.0.0.0');
  console.log(`[start] Thuismonitor API on ${config.publicUrl} (GraphQL at /graphql)`);
  if (config.devOidc) {
    console.log(`[start] development OpenID provider at ${config.publicUrl}/dev-oidc (DEV_OIDC=true) — demo accounts: npm run token -- --list`);
  }
}

main().catch((err) => {
  if (err instanceof ConfigFout) {
    console.error(err.message);
  } else {
    console.error('[start] failed:', err);
  }
  process.exit(1);
});
