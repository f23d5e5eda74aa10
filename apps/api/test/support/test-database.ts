import { Client } from 'pg';
import { prepareDatabase } from '../../src/database/prepare-database';

const admin = () => process.env.TEST_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const run = () => process.env.TM_TEST_RUN ?? `solo${process.pid}`;
let teller = 0;

export function databaseUrl(naam: string): string {
  const u = new URL(admin());
  u.pathname = `/${naam}`;
  return u.toString();
}

async function metAdmin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: admin() });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Template with migrations, reference data and demo organisations, built once per run. */
async function zorgVoorTemplate(): Promise<string> {
  const tpl = `tm_tpl_${run()}`;
  await metAdmin(async (c) => {
    await c.query('SELECT pg_advisory_lock(hashtext($1))', [tpl]);
    try {
      const { rowCount } = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [tpl]);
      if (!rowCount) {
        await c.query(`CREATE DATABASE "${tpl}"`);
        try {
          await prepareDatabase(databaseUrl(tpl), { demoData: true });
        } catch (err) {
          await c.query(`DROP DATABASE "${tpl}" WITH (FORCE)`);
          throw err;
        }
      }
    } finally {
      await c.query('SELECT pg_advisory_unlock(hashtext($1))', [tpl]);
    }
  });
  return tpl;
}

/** A fresh database for one test file: a copy of the template (fast, isolated). */
export async function maakTestDatabase(): Promise<{ naam: string; url: string; drop: () => Promise<void> }> {
  const tpl = await zorgVoorTemplate();
  // jest reloads this module per test file in the same worker process (teller restarts at 0),
  // so the name also carries a random part: two files must never share a database or queue prefix.
  const naam = `tm_t_${run()}_${process.pid}_${++teller}_${Math.random().toString(36).slice(2, 8)}`;
  await metAdmin(async (c) => {
    for (let poging = 0; ; poging++) {
      try {
        await c.query(`CREATE DATABASE "${naam}" TEMPLATE "${tpl}"`);
        // fixtures are written as the schema owner, often a row per statement, into closed
        // quarters: let them release as the data they end up with (migration 1765300000003;
        // writes with a principal, as the product makes them, still freeze closed cells)
        await c.query(`ALTER DATABASE "${naam}" SET tm.herpubliceren = 'on'`);
        return;
      } catch (err) {
        // Two files cloning at the same instant: "source database is being accessed by other users".
        if (poging > 20 || !/being accessed by other users/.test((err as Error).message)) throw err;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  });
  return { naam, url: databaseUrl(naam), drop: () => laatVallen(naam) };
}

/**
 * Drops a test file's database without making the file wait for it. DROP DATABASE removes the
 * files and syncs the WAL: 0.8–2.3 s on a busy 2-core machine (measured 30 November 2026), time in
 * which the next test file could already be starting, and nothing reads the database any more.
 * The drop runs on in this worker process; when jest ends or replaces the worker first, global
 * teardown drops what is left (every database of the run).
 */
function laatVallen(naam: string): Promise<void> {
  void metAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${naam}" WITH (FORCE)`)).catch(() => undefined);
  return Promise.resolve();
}
