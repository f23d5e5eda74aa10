import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 12 (docs/decisions.md "Statushouders: national policy by date"): the national
 * statushouders policy as reference data, one row per date it changes: whether the half-yearly
 * taakstelling for gemeenten applies and whether voorrang for vergunninghouders is mandatory,
 * allowed or forbidden, each with its source. Read by everyone (public path too); only the Rijk's
 * platform operator adds or corrects a row (the service checks the role; RLS allows INSERT/UPDATE
 * only in a RIJK transaction). Seeded with the current state only: the announced end of voorrang
 * (Kamerstukken 36831) is not law, so no end date is encoded.
 */
export class StatushoudersBeleid1767400000000 implements MigrationInterface {
  name = 'StatushoudersBeleid1767400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE statushouders_beleid (
        geldig_van date PRIMARY KEY,
        taakstelling boolean NOT NULL,
        voorrang text NOT NULL CHECK (voorrang IN ('VERPLICHT','TOEGESTAAN','VERBODEN')),
        toelichting text NOT NULL CHECK (length(toelichting) BETWEEN 1 AND 1000),
        bron text NOT NULL CHECK (length(bron) BETWEEN 1 AND 1000),
        gesteld_door text,
        gewijzigd_op timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(
      `INSERT INTO statushouders_beleid (geldig_van, taakstelling, voorrang, toelichting, bron)
       VALUES ('2015-01-01', true, 'TOEGESTAAN', $1, $2)`,
      [
        'De gemeente huisvest elk halfjaar het aantal vergunninghouders dat het Rijk haar opdraagt (de taakstelling); ' +
          'de provincie ziet erop toe. De gemeente mag vergunninghouders voorrang geven, maar hoeft dat niet.',
        'Huisvestingswet 2014 (in werking 1 januari 2015), art. 28; verplichte voorrang geschrapt bij de wijziging ' +
          'van de Huisvestingswet 2014 inzake de huisvesting van vergunninghouders (Kamerstukken 34454). ' +
          'Aangekondigd, nog geen wet: verbod op voorrang (Kamerstukken 36831, Wet nieuwe regels inzake huisvesting ' +
          'vergunninghouders).',
      ],
    );
    await q.query(`REVOKE ALL ON statushouders_beleid FROM thuismonitor_app`);
    await q.query(`GRANT SELECT, INSERT ON statushouders_beleid TO thuismonitor_app`);
    await q.query(
      `GRANT UPDATE (taakstelling, voorrang, toelichting, bron, gesteld_door, gewijzigd_op) ON statushouders_beleid TO thuismonitor_app`,
    );
    await q.query(`ALTER TABLE statushouders_beleid ENABLE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY statushouders_beleid_lezen ON statushouders_beleid FOR SELECT USING (true)`);
    await q.query(
      `CREATE POLICY statushouders_beleid_maken ON statushouders_beleid FOR INSERT WITH CHECK (tm_organisatie_soort() = 'RIJK')`,
    );
    await q.query(`
      CREATE POLICY statushouders_beleid_wijzigen ON statushouders_beleid FOR UPDATE
        USING (tm_organisatie_soort() = 'RIJK') WITH CHECK (tm_organisatie_soort() = 'RIJK')`);
    // kept voortgang/statushouders answers follow a change
    await q.query(`
      CREATE TRIGGER tm_gegevens_gewijzigd AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON statushouders_beleid
        FOR EACH STATEMENT EXECUTE FUNCTION tm_gegevens_gewijzigd()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE statushouders_beleid`);
  }
}
