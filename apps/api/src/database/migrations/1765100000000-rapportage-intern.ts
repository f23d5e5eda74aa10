import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The exact (INTERN) content of a gemeente's kwartaalrapportage moves out of the report row into
 * its own table that only the gemeente owning the area can read (issue 9's review, issue 11).
 *
 * Before: kwartaalrapportage.snapshot held {gedeeld, intern}; the row is readable by everyone with
 * the area in scope (the provincie, the Rijk, a corporatie or zorgaanbieder working in the
 * gemeente), so the exact figures of the INTERN variant were readable straight from the snapshot,
 * although its files were walled. Now:
 * - kwartaalrapportage.snapshot holds only {gedeeld} (the disclosure-rounded content);
 * - kwartaalrapportage_intern holds the exact content, readable only by a GEMEENTE organisation
 *   whose scope holds the report's gemeente (the owner), or by the report job itself
 *   (tm_taak() = 'kwartaalrapportage', set only by ScopedDb.jobTransaction) to render from it;
 * - inserts only by the report job; nothing updates or deletes (immutable like the report).
 */
export class RapportageIntern1765100000000 implements MigrationInterface {
  name = 'RapportageIntern1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE kwartaalrapportage_intern (
        rapportage_id uuid PRIMARY KEY REFERENCES kwartaalrapportage(id),
        snapshot jsonb NOT NULL
      )`);
    await q.query(`ALTER TABLE kwartaalrapportage_intern ENABLE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY kwartaalrapportage_intern_lezen ON kwartaalrapportage_intern FOR SELECT
        USING (tm_taak() = 'kwartaalrapportage'
               OR EXISTS (SELECT 1 FROM kwartaalrapportage r WHERE r.id = rapportage_id
                            AND r.gebied_soort = 'GEMEENTE' AND tm_organisatie_soort() = 'GEMEENTE'
                            AND tm_gemeente_in_scope(r.gebied_code)))`);
    await q.query(`
      CREATE POLICY kwartaalrapportage_intern_maken ON kwartaalrapportage_intern FOR INSERT
        WITH CHECK (tm_taak() = 'kwartaalrapportage'
                    AND EXISTS (SELECT 1 FROM kwartaalrapportage r WHERE r.id = rapportage_id AND r.gebied_soort = 'GEMEENTE'))`);
    await q.query(`REVOKE ALL ON kwartaalrapportage_intern FROM PUBLIC`);
    await q.query(`GRANT SELECT, INSERT ON kwartaalrapportage_intern TO thuismonitor_app`);
    // Existing reports: move the exact content out of the widely readable row.
    await q.query(`
      INSERT INTO kwartaalrapportage_intern (rapportage_id, snapshot)
      SELECT id, snapshot->'intern' FROM kwartaalrapportage
       WHERE snapshot ? 'intern' AND jsonb_typeof(snapshot->'intern') = 'object'`);
    await q.query(`UPDATE kwartaalrapportage SET snapshot = snapshot - 'intern' WHERE snapshot ? 'intern'`);
    // The row can no longer carry exact content: a CHECK keeps it that way for new rows too.
    await q.query(
      `ALTER TABLE kwartaalrapportage ADD CONSTRAINT kwartaalrapportage_snapshot_zonder_intern CHECK (NOT snapshot ? 'intern')`,
    );
    // The INTERN files: the permissive policy already limits them to the owning gemeente; a
    // RESTRICTIVE twin makes that hold whatever later migrations do to the permissive policy.
    await q.query(`
      CREATE POLICY kwartaalrapportage_bestand_intern ON kwartaalrapportage_bestand AS RESTRICTIVE FOR SELECT
        USING (variant <> 'INTERN'
               OR EXISTS (SELECT 1 FROM kwartaalrapportage r WHERE r.id = rapportage_id
                            AND r.gebied_soort = 'GEMEENTE' AND tm_organisatie_soort() = 'GEMEENTE'
                            AND tm_gemeente_in_scope(r.gebied_code)))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP POLICY kwartaalrapportage_bestand_intern ON kwartaalrapportage_bestand`);
    await q.query(`ALTER TABLE kwartaalrapportage DROP CONSTRAINT kwartaalrapportage_snapshot_zonder_intern`);
    await q.query(`
      UPDATE kwartaalrapportage r SET snapshot = r.snapshot || jsonb_build_object('intern', i.snapshot)
        FROM kwartaalrapportage_intern i WHERE i.rapportage_id = r.id`);
    await q.query(`DROP TABLE kwartaalrapportage_intern`);
  }
}
