import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cache invalidation across replicas (issue 15, item 5; database/cache-signalen.ts).
 *
 * API and worker run several replicas, each holding the reference data (gemeenten, provincies,
 * woningmarktregio membership: a regio's gemeenten decide who may see it) and the principal's
 * organisation (kind, active, werkgebied) in memory. A statement-level trigger on each table those
 * caches read sends `NOTIFY tm_cache, '<table>'`. Postgres delivers a notification only when the
 * transaction COMMITS (never for a rollback, never before the change is visible) and to every
 * listening connection of this database, so each process clears what depends on the table —
 * whoever wrote it: the organisation administration, the regio import, the reference sync at a
 * start, or an operator with psql. The payload is a table name, no tenant data.
 */
const TABELLEN = ['organisatie', 'organisatie_werkgebied', 'gemeente', 'provincie', 'woningmarktregio'];

export class CacheSignaal1766500000000 implements MigrationInterface {
  name = 'CacheSignaal1766500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION tm_cache_signaal() RETURNS trigger
      LANGUAGE plpgsql SET search_path = pg_catalog AS $$
      BEGIN
        -- identical notifications of one transaction are delivered once
        PERFORM pg_notify('tm_cache', TG_TABLE_NAME);
        RETURN NULL;
      END $$`);
    for (const t of TABELLEN) {
      await q.query(`
        CREATE TRIGGER tm_cache_signaal AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${t}
          FOR EACH STATEMENT EXECUTE FUNCTION tm_cache_signaal()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of TABELLEN) await q.query(`DROP TRIGGER tm_cache_signaal ON ${t}`);
    await q.query(`DROP FUNCTION tm_cache_signaal()`);
  }
}
