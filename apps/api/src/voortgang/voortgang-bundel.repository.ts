import type { RawBuilder } from 'kysely';
import type { EntityManager } from 'typeorm';
import { qb } from '../database/query';

/** What the publication repository and the realisation code need of a connection: `query`. */
export type Vrager = Pick<EntityManager, 'query'>;

interface Vraag {
  sql: string;
  params: unknown[];
  klaar: (rijen: unknown[]) => void;
  fout: (err: unknown) => void;
}

/**
 * Several independent read queries in ONE round trip to Postgres (issue 9, "Speed under load":
 * a voortgang asked ~9 queries one after the other, each a write + wait on the socket for both
 * Node and Postgres). Callers register their queries with `query` (the same signature as
 * EntityManager.query, so the publication repository takes a Bundel as well), then `uitvoeren(m)`
 * sends them as one statement in the caller's transaction:
 *
 *   SELECT coalesce((SELECT json_agg(x) FROM (<query 1>) x), '[]'), … (one column per query)
 *
 * with every query's $n renumbered into one parameter list. The queries run in the same
 * transaction and snapshot as before, as the same principal (the tm.* settings are set by
 * ScopedDb before), with the same RLS and the same SECURITY DEFINER functions; only the transport
 * changes. Rows come back as JSON: numbers as numbers, text as text (callers convert with Number()
 * as they did for pg's strings). An error of the statement rejects every registered query.
 * Only for SELECTs whose text comes from this codebase: the SQL is spliced, never a parameter.
 */
export class Bundel implements Vrager {
  private vragen: Vraag[] = [];

  query<T = unknown>(sql: string, params: unknown[] = []): Promise<T> {
    const p = new Promise<T>((klaar, fout) => {
      this.vragen.push({ sql, params, klaar: klaar as (rijen: unknown[]) => void, fout });
    });
    // a failed statement rejects every query; uitvoeren throws that error to its caller, so a
    // query nobody awaits any more must not become an unhandled rejection
    p.catch(() => undefined);
    return p;
  }

  /** Runs every registered query in one statement on `m` and settles their promises. */
  async uitvoeren(m: Vrager): Promise<void> {
    const vragen = this.vragen;
    this.vragen = [];
    if (vragen.length === 0) return;
    const params: unknown[] = [];
    const kolommen = vragen.map((v, i) => {
      const basis = params.length;
      params.push(...v.params);
      const sql = v.sql.replace(/\$(\d+)/g, (_, n: string) => {
        const nr = Number(n);
        if (nr < 1 || nr > v.params.length)
          throw new Error(`parameter $${n} out of range in a bundled query`);
        return `$${basis + nr}`;
      });
      return `coalesce((SELECT json_agg(x) FROM (${sql}) x), '[]'::json) AS r${i}`;
    });
    let rij: Record<string, unknown[]>;
    try {
      [rij] = await m.query(`SELECT ${kolommen.join(',\n')}`, params);
    } catch (err) {
      for (const v of vragen) v.fout(err);
      throw err;
    }
    vragen.forEach((v, i) => v.klaar(rij[`r${i}`]));
  }
}

/**
 * A typed query (`sql<Rij>\`…\``) on a Vrager: compiled by Kysely (one bind parameter per value,
 * $1…$n in order) and registered on the Bundel, or run directly on an EntityManager.
 */
export function vraag<Rij>(v: Vrager, q: RawBuilder<Rij>): Promise<Rij[]> {
  const c = q.compile(qb);
  return v.query(c.sql, [...c.parameters]);
}
