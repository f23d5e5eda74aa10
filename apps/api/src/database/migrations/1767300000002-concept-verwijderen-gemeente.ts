import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Deleting a concept: the gemeente that may is the gemeente the prestatieafspraak is for (review of
 * session 5, docs/decisions.md "Review of session 5"). 1766800000000 let any GEMEENTE that is a
 * party delete, relying on the service never making another gemeente a party (magPartijZijn). RLS
 * now states the service rule itself (magConceptVerwijderen: the drafter, or the gemeente whose
 * code the prestatieafspraak carries), so a party row put in by any other path cannot widen it.
 */
export class ConceptVerwijderenGemeente1767300000002 implements MigrationInterface {
  name = 'ConceptVerwijderenGemeente1767300000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER POLICY prestatieafspraak_concept_verwijderen ON prestatieafspraak
        USING (status = 'CONCEPT' AND ingediend_op IS NULL AND tm_is_partij(id)
               AND (opgesteld_door_id = tm_organisatie()
                    OR coalesce(gemeente_code = tm_publicatie_eigen_gemeente(), false)))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER POLICY prestatieafspraak_concept_verwijderen ON prestatieafspraak
        USING (status = 'CONCEPT' AND ingediend_op IS NULL AND tm_is_partij(id)
               AND (opgesteld_door_id = tm_organisatie() OR tm_organisatie_soort() = 'GEMEENTE'))`);
  }
}
