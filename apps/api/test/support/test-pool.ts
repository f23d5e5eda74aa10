import { Pool } from 'pg';

/**
 * A pg pool for arranging and checking rows in a test database, as the schema owner.
 *
 * `pool.end()` resolves as soon as its idle clients are told to end, before their sockets close;
 * the `DROP DATABASE … WITH (FORCE)` that follows can then reach a backend first, and its FATAL
 * 57P01 ("terminating connection due to administrator command") arrives on a client the pool still
 * listens to. Without an 'error' listener that is an unhandled 'error' event, which failed a whole
 * test file in CI after all its tests had passed. The error is expected at teardown: ignore it.
 */
export function testPool(connectionString: string, max: number): Pool {
  const pool = new Pool({ connectionString, max });
  pool.on('error', () => undefined);
  return pool;
}
