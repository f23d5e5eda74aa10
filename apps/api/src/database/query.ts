import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type Compilable,
  type InferResult,
  type RawBuilder,
} from 'kysely';
import type { EntityManager } from 'typeorm';
import type { DB } from './db-schema.generated';

/**
 * The typed query layer. Repositories build queries with `qb` (Kysely, typed against
 * db-schema.generated.ts, which is generated from the migrated schema: `npm run db:types`) and run
 * them with `voerUit` on the EntityManager that ScopedDb handed down.
 *
 * Why compile-only: Kysely never opens a connection of its own (DummyDriver). Every query runs on
 * ScopedDb's transaction, under thuismonitor_app with the tenant settings, so row-level security
 * and the one-gateway rule hold exactly as before; Kysely only writes the SQL and knows the types.
 *
 * Aggregates (ROLLUP, GROUPING SETS, window functions) use Kysely's `sql` template with a declared
 * row type, in the repository too. ESLint refuses SQL strings and `qb` outside repositories and
 * migrations (eslint.config.mjs, apps/api/test/lint-sql.spec.ts).
 */
export const qb = new Kysely<DB>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

export { sql } from 'kysely';
export type { DB } from './db-schema.generated';

interface GestructureerdResultaat {
  records: unknown[];
  affected?: number;
}

/** A typed query: a Kysely builder, or `sql<Rij>\`…\`` for aggregates Kysely cannot express. */
export type Query = Compilable | RawBuilder<unknown>;
type Rijen<Q> = Q extends RawBuilder<infer R> ? R[] : Q extends Compilable ? InferResult<Q> : never;

async function uitvoeren(m: EntityManager, q: Query): Promise<GestructureerdResultaat> {
  // a builder's compile() takes no argument; a RawBuilder's needs the (connectionless) executor
  const c = (q as RawBuilder<unknown>).compile(qb);
  // ScopedDb hands down the EntityManager of its transaction, which carries that transaction's
  // query runner; without one the query would run outside the tenant settings, so refuse.
  const runner = m.queryRunner;
  if (!runner) throw new Error('voerUit needs the EntityManager of a ScopedDb transaction');
  // structured: TypeORM otherwise answers UPDATE/DELETE with [rows, count] and SELECT with rows
  return (await runner.query(c.sql, c.parameters as unknown[], true)) as GestructureerdResultaat;
}

/** All rows of a typed query (SELECT, or INSERT/UPDATE/DELETE … RETURNING). */
export async function voerUit<Q extends Query>(m: EntityManager, q: Q): Promise<Rijen<Q>> {
  return (await uitvoeren(m, q)).records as Rijen<Q>;
}

/** The first row, or undefined. */
export async function voerUitEerste<Q extends Query>(
  m: EntityManager,
  q: Q,
): Promise<Rijen<Q>[number] | undefined> {
  return ((await uitvoeren(m, q)).records as Rijen<Q>)[0];
}

/** How many rows an INSERT/UPDATE/DELETE touched. */
export async function voerUitAantal(m: EntityManager, q: Query): Promise<number> {
  const r = await uitvoeren(m, q);
  return r.affected ?? r.records.length;
}
