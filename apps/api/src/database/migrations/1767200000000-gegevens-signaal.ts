import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The data version is also announced (issue 9, "Speed under load"; database/cache-signalen.ts).
 *
 * tm_gegevens_versie_ophogen (migration 1765400000003) raises the data version at the COMMIT of
 * every transaction that changed a table a voortgang answer reads. It now also sends
 * `NOTIFY tm_cache, 'gegevens'` in that same commit, so every API process knows that the data
 * changed without asking Postgres on every request: the whole-answer cache
 * (voortgang-antwoord.middleware.ts) keys on the notification count instead of reading the
 * version row per request, which was a round trip and a tenth of the API's CPU per cached answer
 * (and as much again in Postgres). Identical notifications of one transaction are delivered once;
 * a rolled-back transaction sends none. The payload names no table and holds no tenant data.
 */
const SP = 'SET search_path = pg_catalog, public';
/** pg_temp last: a SECURITY DEFINER function must not find a temporary table first (1766600000000) */
const SP_NU = 'SET search_path = pg_catalog, public, pg_temp';

export class GegevensSignaal1767200000000 implements MigrationInterface {
  name = 'GegevensSignaal1767200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION tm_gegevens_versie_ophogen() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER ${SP_NU} AS $$
      BEGIN
        UPDATE public.tm_gegevens_versie SET versie = versie + 1;
        DELETE FROM public.tm_gegevens_wijziging WHERE xid = NEW.xid;
        PERFORM pg_notify('tm_cache', 'gegevens');
        RETURN NULL;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION tm_gegevens_versie_ophogen() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER ${SP} AS $$
      BEGIN
        UPDATE public.tm_gegevens_versie SET versie = versie + 1;
        DELETE FROM public.tm_gegevens_wijziging WHERE xid = NEW.xid;
        RETURN NULL;
      END $$`);
  }
}
