/**
 * Runs once per jest run: picks a run id. The template database (migrated, reference data, demo
 * organisations) is built lazily by the first test file that needs it, under an advisory lock
 * (see test-database.ts), because global setup cannot load the app's path-mapped modules.
 */
export default async function globalSetup(): Promise<void> {
  process.env.TM_TEST_RUN ??= `${Date.now().toString(36)}${process.pid}`;
  process.env.TEST_ADMIN_DATABASE_URL ??= process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  process.env.TEST_REDIS_URL ??= process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
}
