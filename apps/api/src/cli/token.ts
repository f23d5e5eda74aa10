import { DevIssuer } from '@thuismonitor/auth';
import { loadConfig } from '../config/app-config';
import { devIssuerUrl } from '../dev-oidc/dev-oidc.module';
import { DEMO_ACCOUNTS } from '../demo';

/**
 * `npm run token -- <demo-account>` prints a bearer token from the development OpenID provider
 * (same key file as the running API); `--list` lists the demo accounts, account name first.
 */
async function main(): Promise<void> {
  const arg = process.argv[2];
  if (!arg || arg === '--help') {
    console.error('usage: npm run token -- <demo-account> | --list');
    process.exit(arg ? 0 : 2);
  }
  if (arg === '--list') {
    const breed = Math.max(...DEMO_ACCOUNTS.map((a) => a.username.length));
    for (const a of DEMO_ACCOUNTS) {
      console.log(`${a.username.padEnd(breed)}  ${a.organisatie.padEnd(14)} ${a.rollen.join(',').padEnd(34)} ${a.naam}`);
    }
    return;
  }
  if (process.env.OIDC_ISSUER_URL) {
    console.error('OIDC_ISSUER_URL is set: get tokens from that issuer (Keycloak), not from the development provider.');
    process.exit(1);
  }
  // Only PUBLIC_URL/PORT/DEV_OIDC_KEY_FILE matter here; the database is not needed. The
  // development provider is what this command is for, so it is switched on explicitly.
  const config = loadConfig({
    DATABASE_URL: 'postgres://unused/unused',
    REDIS_URL: 'redis://unused',
    ...process.env,
    NODE_ENV: process.env.NODE_ENV === 'production' ? 'production' : 'development',
    DEV_OIDC: 'true',
  });
  const issuer = await DevIssuer.fromKeyFile(config.devOidcKeyFile, devIssuerUrl(config), DEMO_ACCOUNTS);
  if (!issuer.account(arg)) {
    console.error(`Unknown demo account "${arg}". Known: ${DEMO_ACCOUNTS.map((a) => a.username).join(', ')}`);
    process.exit(2);
  }
  console.log(await issuer.mint(arg, { expiresInSeconds: 8 * 3600 }));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
