import 'reflect-metadata';
import { ConfigFout, loadConfig } from './config/app-config';
import { prepareDatabase } from './database/prepare-database';
import { createApi } from './app.factory';

/** API entry point: validate configuration, migrate, serve. */
async function main(): Promise<void> {
  const config = loadConfig();
  await prepareDatabase(config.databaseUrl, { demoData: config.demoData, demoRealisatie: config.demoRealisatie, log: (m) => console.log(`[start] ${m}`) });
  const app = await createApi(config);
  await app.listen(config.port, process.env.HOST ?? '0.0.0.0');
  console.log(`[start] Thuismonitor API on ${config.publicUrl} (GraphQL at /graphql)`);
  if (!config.oidcIssuerUrl) {
    console.log(`[start] development OpenID provider at ${config.publicUrl}/dev-oidc — demo accounts: npm run token -- --list`);
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
