import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A third file variant of a kwartaalrapportage: ZONDER_AFSPRAKEN, the shared figures without the
 * afspraken section. A reader who may not see every prestatieafspraak in the report (for example
 * a zorgaanbieder that is no party to it) gets this variant; the afspraken of a prestatieafspraak
 * reach nobody through a report who would get NIET_GEVONDEN for it in GraphQL
 * (docs/decisions.md, "Reports: one visibility rule, checked when a person reads").
 */
export class RapportageZonderAfspraken1764400000000 implements MigrationInterface {
  name = 'RapportageZonderAfspraken1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE kwartaalrapportage_bestand DROP CONSTRAINT kwartaalrapportage_bestand_variant_check`,
    );
    await q.query(`
      ALTER TABLE kwartaalrapportage_bestand ADD CONSTRAINT kwartaalrapportage_bestand_variant_check
        CHECK (variant IN ('GEDEELD','INTERN','ZONDER_AFSPRAKEN'))`);
    // Second wall: a file with an afspraken section only for a reader who may read every
    // prestatieafspraak in it (tm_prestatieafspraak_leesbaar, the RLS twin of
    // magPrestatieafspraakZien), with the ids the job kept in the report's snapshot. RESTRICTIVE:
    // ANDed with the area and INTERN rules of the permissive policy.
    await q.query(`
      CREATE POLICY kwartaalrapportage_bestand_afspraken ON kwartaalrapportage_bestand AS RESTRICTIVE FOR SELECT
        USING (variant = 'ZONDER_AFSPRAKEN'
               OR EXISTS (SELECT 1 FROM kwartaalrapportage r WHERE r.id = rapportage_id
                            AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(coalesce(r.snapshot->'gedeeld'->'afsprakenZicht', '[]')) z
                                            WHERE NOT tm_prestatieafspraak_leesbaar((z->>'id')::uuid))))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP POLICY kwartaalrapportage_bestand_afspraken ON kwartaalrapportage_bestand`);
    await q.query(`DELETE FROM kwartaalrapportage_bestand WHERE variant = 'ZONDER_AFSPRAKEN'`);
    await q.query(
      `ALTER TABLE kwartaalrapportage_bestand DROP CONSTRAINT kwartaalrapportage_bestand_variant_check`,
    );
    await q.query(`
      ALTER TABLE kwartaalrapportage_bestand ADD CONSTRAINT kwartaalrapportage_bestand_variant_check
        CHECK (variant IN ('GEDEELD','INTERN'))`);
  }
}
