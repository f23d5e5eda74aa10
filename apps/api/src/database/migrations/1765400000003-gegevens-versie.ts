import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A data version for answer caches (issue 9, "Speed under load"; voortgang/voortgang-cache.ts).
 *
 * tm_gegevens_versie holds one number that goes up by one with every COMMITTED transaction that
 * changed any table a voortgang reads. A cache stores an answer with the version it read BEFORE
 * reading the data, and serves it only while the version is still the same: every write that
 * could change the answer committed after that read raises the version, so a correction is never
 * answered from the cache (no time window, no notification that can be missed).
 *
 * How: a statement-level trigger on every watched table notes the writing transaction once in
 * tm_gegevens_wijziging (ON CONFLICT DO NOTHING: later statements of the same transaction cost one
 * index probe). That table has a DEFERRED constraint trigger, so the version is raised at COMMIT,
 * in the same atomic commit as the data; the version row is locked only for the commit itself,
 * so concurrent imports do not wait for each other's whole transaction. A rolled-back
 * transaction (or savepoint) rolls its note back with it and raises nothing.
 *
 * Watched: every table the voortgang answer depends on (rows, cells, reference data,
 * organisations and werkgebieden, targets, prestatieafspraken, publication settings and key).
 * Both tables are the schema owner's; the app role reads the version through ScopedDb.
 */
const BEWAAKT = [
  'toewijzing',
  'kwartaalcijfer',
  'nieuwbouwproject',
  'taakstelling',
  'prestatieafspraak',
  'prestatieafspraak_partij',
  'afspraak',
  'afspraak_doelwaarde',
  'organisatie',
  'organisatie_werkgebied',
  'gemeente',
  'provincie',
  'woningmarktregio',
  'publicatie_toewijzing_cel',
  'publicatie_kwartaalcijfer_cel',
  'publicatie_instelling',
  'publicatie_beschermde_indicator',
  'publicatie_sleutel',
];
const SP = 'SET search_path = pg_catalog, public';

export class GegevensVersie1765400000003 implements MigrationInterface {
  name = 'GegevensVersie1765400000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE tm_gegevens_versie (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        versie bigint NOT NULL
      )`);
    await q.query(`INSERT INTO tm_gegevens_versie (versie) VALUES (1)`);
    await q.query(`CREATE TABLE tm_gegevens_wijziging (xid xid8 PRIMARY KEY)`);
    for (const t of ['tm_gegevens_versie', 'tm_gegevens_wijziging']) {
      await q.query(`REVOKE ALL ON ${t} FROM thuismonitor_app, PUBLIC`);
    }
    await q.query(`
      CREATE FUNCTION tm_gegevens_gewijzigd() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER ${SP} AS $$
      BEGIN
        INSERT INTO public.tm_gegevens_wijziging (xid) VALUES (pg_current_xact_id()) ON CONFLICT DO NOTHING;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION tm_gegevens_versie_ophogen() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER ${SP} AS $$
      BEGIN
        UPDATE public.tm_gegevens_versie SET versie = versie + 1;
        DELETE FROM public.tm_gegevens_wijziging WHERE xid = NEW.xid;
        RETURN NULL;
      END $$`);
    await q.query(
      `REVOKE EXECUTE ON FUNCTION tm_gegevens_gewijzigd(), tm_gegevens_versie_ophogen() FROM PUBLIC`,
    );
    await q.query(`
      CREATE CONSTRAINT TRIGGER tm_gegevens_versie_ophogen AFTER INSERT ON tm_gegevens_wijziging
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION tm_gegevens_versie_ophogen()`);
    for (const t of BEWAAKT) {
      await q.query(`
        CREATE TRIGGER tm_gegevens_gewijzigd AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${t}
          FOR EACH STATEMENT EXECUTE FUNCTION tm_gegevens_gewijzigd()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of BEWAAKT) await q.query(`DROP TRIGGER tm_gegevens_gewijzigd ON ${t}`);
    await q.query(`DROP TABLE tm_gegevens_wijziging, tm_gegevens_versie`);
    await q.query(`DROP FUNCTION tm_gegevens_gewijzigd(), tm_gegevens_versie_ophogen()`);
  }
}
