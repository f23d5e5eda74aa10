import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The second wall of "afspraken only for readers who may see every prestatieafspraak"
 * (1764400000000) treated a report made before the parties were kept (no `afsprakenZicht` in its
 * snapshot) as having no prestatieafspraken: Postgres let every in-scope reader read its GEDEELD
 * file, while the app (rapportage-zicht.ts) offers such a report's afspraken only to the gemeente
 * the report is about, the provincie and the Rijk. Now Postgres says the same: without the list,
 * a file with an afspraken section is for those readers only (fails closed, as the app does).
 */
export class RapportageAfsprakenOud1765300000001 implements MigrationInterface {
  name = 'RapportageAfsprakenOud1765300000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP POLICY kwartaalrapportage_bestand_afspraken ON kwartaalrapportage_bestand`);
    await q.query(`
      CREATE POLICY kwartaalrapportage_bestand_afspraken ON kwartaalrapportage_bestand AS RESTRICTIVE FOR SELECT
        USING (variant = 'ZONDER_AFSPRAKEN'
               OR EXISTS (
                 SELECT 1 FROM kwartaalrapportage r
                 WHERE r.id = rapportage_id
                   AND CASE
                         WHEN coalesce(jsonb_array_length(r.snapshot->'gedeeld'->'afspraken'), 0) = 0 THEN true
                         WHEN r.snapshot->'gedeeld'->'afsprakenZicht' IS NULL
                           OR jsonb_typeof(r.snapshot->'gedeeld'->'afsprakenZicht') <> 'array' THEN
                           tm_organisatie_soort() IN ('PROVINCIE', 'RIJK')
                           OR (r.gebied_soort = 'GEMEENTE' AND r.gebied_code = tm_publicatie_eigen_gemeente())
                         ELSE NOT EXISTS (
                           SELECT 1 FROM jsonb_array_elements(r.snapshot->'gedeeld'->'afsprakenZicht') z
                           WHERE NOT tm_prestatieafspraak_leesbaar((z->>'id')::uuid))
                       END))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP POLICY kwartaalrapportage_bestand_afspraken ON kwartaalrapportage_bestand`);
    await q.query(`
      CREATE POLICY kwartaalrapportage_bestand_afspraken ON kwartaalrapportage_bestand AS RESTRICTIVE FOR SELECT
        USING (variant = 'ZONDER_AFSPRAKEN'
               OR EXISTS (SELECT 1 FROM kwartaalrapportage r WHERE r.id = rapportage_id
                            AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(coalesce(r.snapshot->'gedeeld'->'afsprakenZicht', '[]')) z
                                            WHERE NOT tm_prestatieafspraak_leesbaar((z->>'id')::uuid))))`);
  }
}
