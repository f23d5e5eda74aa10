import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Statushouders as the provincie supervises them (issue 12, item 6; docs/decisions.md
 * "Statushouders: COA's realisation and the interventieladder").
 *
 * - coa_import / coa_realisatie: COA's realisation per gemeente per month (persons housed in that
 *   month), the official figure the provincie judges the half-yearly taakstelling on. Public and
 *   exact, so readable by every signed-in organisation for the gemeenten in its scope. Written only
 *   by the Rijk (one national file, uploaded once, instead of twelve provincies uploading copies of
 *   the same figure). A re-import of a month replaces that month (DELETE + INSERT in one
 *   transaction), so the app role may delete rows, again only as the Rijk.
 * - statushouders_interventie: the step on the interventieladder per gemeente, set by the provincie
 *   of that gemeente (interbestuurlijk toezicht, Wet revitalisering generiek toezicht; indeplaats-
 *   stelling Gemeentewet art. 124). Append-only: history is the list of rows, so the app role gets
 *   SELECT and INSERT only.
 */
export class StatushoudersToezicht1765500000000 implements MigrationInterface {
  name = 'StatushoudersToezicht1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE coa_import (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisatie_id uuid NOT NULL REFERENCES organisatie(id),
        gebruiker text NOT NULL,
        bestandsnaam text NOT NULL,
        maanden date[] NOT NULL,
        rijen integer NOT NULL CHECK (rijen > 0),
        aangemaakt_op timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE coa_realisatie (
        gemeente_code text NOT NULL REFERENCES gemeente(code),
        maand date NOT NULL CHECK (extract(day FROM maand) = 1),
        personen integer NOT NULL CHECK (personen >= 0),
        import_id uuid NOT NULL REFERENCES coa_import(id),
        PRIMARY KEY (gemeente_code, maand)
      )`);
    await q.query(`CREATE INDEX coa_realisatie_maand_idx ON coa_realisatie (maand)`);
    await q.query(`CREATE INDEX coa_realisatie_import_idx ON coa_realisatie (import_id)`);

    await q.query(`
      CREATE TABLE statushouders_interventie (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        gemeente_code text NOT NULL REFERENCES gemeente(code),
        halfjaar text NOT NULL CHECK (halfjaar ~ '^[0-9]{4}-H[12]$'),
        trede text NOT NULL CHECK (trede IN ('GEEN','SIGNALERING','BESTUURLIJK_OVERLEG','AANSCHRIJVING',
                                             'INDEPLAATSSTELLING_BESLUIT','INDEPLAATSSTELLING_UITVOERING')),
        oordeel text NOT NULL CHECK (oordeel IN ('VOLDOET','VOLDOET_NIET_VERSCHOONBAAR','VOLDOET_NIET')),
        termijn date,
        toelichting text,
        gesteld_door_id uuid NOT NULL REFERENCES organisatie(id),
        gebruiker text NOT NULL,
        aangemaakt_op timestamptz NOT NULL DEFAULT clock_timestamp(),
        CHECK (trede NOT IN ('AANSCHRIJVING','INDEPLAATSSTELLING_BESLUIT','INDEPLAATSSTELLING_UITVOERING')
               OR termijn IS NOT NULL)
      )`);
    await q.query(
      `CREATE INDEX statushouders_interventie_gemeente_idx ON statushouders_interventie (gemeente_code, aangemaakt_op DESC)`,
    );

    // --- grants: only what each table needs -------------------------------------------------
    await q.query(
      `REVOKE ALL ON coa_import, coa_realisatie, statushouders_interventie FROM thuismonitor_app`,
    );
    await q.query(`GRANT SELECT, INSERT ON coa_import TO thuismonitor_app`);
    await q.query(`GRANT SELECT, INSERT, DELETE ON coa_realisatie TO thuismonitor_app`);
    await q.query(`GRANT SELECT, INSERT ON statushouders_interventie TO thuismonitor_app`);

    // --- RLS ------------------------------------------------------------------------------------
    for (const t of ['coa_import', 'coa_realisatie', 'statushouders_interventie'])
      await q.query(`ALTER TABLE ${t} ENABLE ROW LEVEL SECURITY`);
    // the import record itself: who uploaded which months; the Rijk's own business
    await q.query(`
      CREATE POLICY coa_import_lezen ON coa_import FOR SELECT
        USING (tm_organisatie_soort() = 'RIJK')`);
    await q.query(`
      CREATE POLICY coa_import_maken ON coa_import FOR INSERT
        WITH CHECK (tm_organisatie_soort() = 'RIJK' AND organisatie_id = tm_organisatie())`);
    // public figure: everybody signed in, for the gemeenten in scope
    await q.query(`
      CREATE POLICY coa_realisatie_lezen ON coa_realisatie FOR SELECT
        USING (tm_organisatie() IS NOT NULL AND tm_gemeente_in_scope(gemeente_code))`);
    await q.query(`
      CREATE POLICY coa_realisatie_maken ON coa_realisatie FOR INSERT
        WITH CHECK (tm_organisatie_soort() = 'RIJK')`);
    await q.query(`
      CREATE POLICY coa_realisatie_vervangen ON coa_realisatie FOR DELETE
        USING (tm_organisatie_soort() = 'RIJK')`);

    await q.query(`
      CREATE POLICY statushouders_interventie_lezen ON statushouders_interventie FOR SELECT
        USING (tm_organisatie() IS NOT NULL AND tm_gemeente_in_scope(gemeente_code))`);
    // only the provincie the gemeente lies in, as itself
    await q.query(`
      CREATE POLICY statushouders_interventie_stellen ON statushouders_interventie FOR INSERT
        WITH CHECK (tm_organisatie_soort() = 'PROVINCIE' AND gesteld_door_id = tm_organisatie()
                    AND tm_gemeente_in_scope(gemeente_code)
                    AND (SELECT g.provincie_code FROM gemeente g WHERE g.code = gemeente_code)
                        = (SELECT o.provincie_code FROM organisatie o WHERE o.id = tm_organisatie()))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE statushouders_interventie, coa_realisatie, coa_import`);
  }
}
