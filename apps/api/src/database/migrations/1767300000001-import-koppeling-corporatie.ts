import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * import_koppeling: only a corporatie writes its koppeling (review of session 5, docs/decisions.md
 * "Review of session 5"). 1767100000000 let every organisation insert and update its own row while
 * the service allows only corporaties (they alone import toewijzingen); RLS is now as narrow as the
 * service rule. RESTRICTIVE, so it is ANDed with the existing own-organisation policy.
 */
export class ImportKoppelingCorporatie1767300000001 implements MigrationInterface {
  name = 'ImportKoppelingCorporatie1767300000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE POLICY import_koppeling_alleen_corporatie_maken ON import_koppeling AS RESTRICTIVE FOR INSERT
        WITH CHECK (tm_organisatie_soort() = 'CORPORATIE')`);
    await q.query(`
      CREATE POLICY import_koppeling_alleen_corporatie_wijzigen ON import_koppeling AS RESTRICTIVE FOR UPDATE
        USING (tm_organisatie_soort() = 'CORPORATIE') WITH CHECK (tm_organisatie_soort() = 'CORPORATIE')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP POLICY import_koppeling_alleen_corporatie_wijzigen ON import_koppeling`);
    await q.query(`DROP POLICY import_koppeling_alleen_corporatie_maken ON import_koppeling`);
  }
}
