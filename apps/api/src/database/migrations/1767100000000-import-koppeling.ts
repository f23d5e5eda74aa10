import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An organisation's own words for its toewijzingen export (issue 12, item 7; docs/decisions.md
 * "Imports die de woorden van een organisatie leren"): one row per organisation with its column
 * words ([{ bron, kolom }]) and value words ([{ veld, bron, waarde }]), checked by the domain
 * (controleerImportKoppeling) before they are saved. Row-level security: only the organisation
 * itself reads or writes its row; nobody else, not even the Rijk, sees another's words.
 */
export class ImportKoppeling1767100000000 implements MigrationInterface {
  name = 'ImportKoppeling1767100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE import_koppeling (
        organisatie_id uuid PRIMARY KEY REFERENCES organisatie(id),
        kolommen jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(kolommen) = 'array'),
        waarden jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(waarden) = 'array'),
        versie integer NOT NULL DEFAULT 1 CHECK (versie >= 1),
        gewijzigd_op timestamptz NOT NULL DEFAULT now(),
        gewijzigd_door text NOT NULL
      )`);
    await q.query(`REVOKE ALL ON import_koppeling FROM thuismonitor_app`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON import_koppeling TO thuismonitor_app`);
    await q.query(`ALTER TABLE import_koppeling ENABLE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY import_koppeling_eigen ON import_koppeling
        USING (organisatie_id = tm_organisatie()) WITH CHECK (organisatie_id = tm_organisatie())`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE import_koppeling`);
  }
}
