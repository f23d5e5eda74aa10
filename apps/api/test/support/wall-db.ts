import type { Pool } from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import { RequestContext, type Rol } from '@thuismonitor/auth';
import { isOrganisatieSoort } from '@thuismonitor/domain';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { ScopedDb } from '../../src/database/scoped-db.service';
import { maakTestDatabase } from './test-database';
import { testPool } from './test-pool';

/**
 * For the RLS wall tests: a ScopedDb on its own test database (no API, no services), an admin pool
 * that bypasses RLS to arrange rows, and principals built from the database exactly as the
 * principal resolver builds them (kind and werkgebied from our tables).
 */
export class WallDb {
  private constructor(
    readonly scoped: ScopedDb,
    readonly admin: Pool,
    private readonly ds: DataSource,
    private readonly drop: () => Promise<void>,
  ) {}

  static async start(): Promise<WallDb> {
    const db = await maakTestDatabase();
    const ds = new DataSource(dataSourceOptions(db.url, 4));
    await ds.initialize();
    return new WallDb(new ScopedDb(ds), testPool(db.url, 2), ds, db.drop);
  }

  async close(): Promise<void> {
    await this.ds.destroy();
    await this.admin.end();
    await this.drop();
  }

  async id(code: string): Promise<string> {
    const { rows } = await this.admin.query('SELECT id FROM organisatie WHERE code = $1', [code]);
    if (!rows[0]) throw new Error(`no organisation ${code}`);
    return rows[0].id;
  }

  /** The RequestContext of a user of organisation `code` (via ScopedDb.organisatieVoorAanmelding). */
  async als(
    code: string,
    rollen: Rol[] = ['lezen', 'invoeren', 'tekenen', 'beheren'],
  ): Promise<RequestContext> {
    const org = await this.scoped.organisatieVoorAanmelding(code);
    if (!org || !isOrganisatieSoort(org.soort)) throw new Error(`no organisation ${code}`);
    return new RequestContext(
      {
        sub: `test:${code}`,
        gebruikersnaam: `test.${code.toLowerCase()}`,
        naam: code,
        organisatieCode: code,
        rollen,
        organisatie: {
          id: org.id,
          code: org.code,
          soort: org.soort,
          naam: org.naam,
          gemeenten: org.gemeenten,
          voorgangers: org.voorgangers,
          eerderWerkgebied: org.eerderWerkgebied,
          provincieCode: org.provincie ?? undefined,
        },
      },
      'rls-wall',
    );
  }

  /** Rows `ctx` gets for plain SQL in its own scoped transaction. */
  async lees(ctx: RequestContext, sql: string, params: unknown[] = []): Promise<any[]> {
    return this.scoped.transaction(ctx, (m) => m.query(sql, params));
  }

  /** Number of rows an UPDATE/DELETE changed for `ctx` (RLS filters silently: 0 = held). */
  async wijzig(ctx: RequestContext, sql: string, params: unknown[] = []): Promise<number> {
    return this.scoped.transaction(ctx, (m) => aantal(m, sql, params));
  }

  /** The error `ctx` gets for a write the wall refuses (undefined when it succeeded). */
  async fout(ctx: RequestContext, sql: string, params: unknown[] = []): Promise<string | undefined> {
    try {
      await this.scoped.transaction(ctx, (m) => m.query(sql, params));
      return undefined;
    } catch (err) {
      return (err as Error).message;
    }
  }
}

export async function aantal(m: EntityManager, sql: string, params: unknown[] = []): Promise<number> {
  const r = await m.query(sql, params);
  // TypeORM's postgres driver answers UPDATE/DELETE with [rows, rowCount]
  return Array.isArray(r) && r.length === 2 && typeof r[1] === 'number' ? r[1] : (r as unknown[]).length;
}

/** What Postgres says when RLS refuses a new row, or the role lacks the privilege. */
export const GEWEIGERD = /row-level security|permission denied/;
