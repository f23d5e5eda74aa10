import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Deleting a concept prestatieafspraak (issue 14, item 5; docs/decisions.md "Een concept
 * verwijderen").
 *
 * 1763900000000 revoked DELETE on prestatieafspraak: what the parties signed or were asked to sign
 * stays on record. A concept that was never offered for signing (ingediend_op IS NULL) is a draft
 * nobody signed; its drafter or the gemeente (both parties) may delete it. This grants DELETE back
 * and lets RLS allow exactly that row: CONCEPT, never offered, the caller a party and either its
 * drafter or a gemeente (the only gemeente that can be a party is the one it is for). The
 * parties, afspraken, doelwaarden and reacties go with it (their ON DELETE CASCADE runs as the
 * table owner). The audit rows stay: the service writes CONCEPT_VERWIJDERD with a summary first.
 */
export class ConceptVerwijderen1766800000000 implements MigrationInterface {
  name = 'ConceptVerwijderen1766800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`GRANT DELETE ON prestatieafspraak TO thuismonitor_app`);
    await q.query(`
      CREATE POLICY prestatieafspraak_concept_verwijderen ON prestatieafspraak FOR DELETE
        USING (status = 'CONCEPT' AND ingediend_op IS NULL AND tm_is_partij(id)
               AND (opgesteld_door_id = tm_organisatie() OR tm_organisatie_soort() = 'GEMEENTE'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP POLICY prestatieafspraak_concept_verwijderen ON prestatieafspraak`);
    await q.query(`REVOKE DELETE ON prestatieafspraak FROM thuismonitor_app`);
  }
}
