import { Client } from 'pg';

/** Drops every database this run created (test files normally drop their own already). */
export default async function globalTeardown(): Promise<void> {
  const run = process.env.TM_TEST_RUN;
  if (!run || process.env.KEEP_TEST_DATABASES) return;
  const c = new Client({ connectionString: process.env.TEST_ADMIN_DATABASE_URL });
  await c.connect();
  try {
    const { rows } = await c.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`tm\\_%\\_${run}%`]);
    for (const r of rows) await c.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`);
  } finally {
    await c.end();
  }
}
