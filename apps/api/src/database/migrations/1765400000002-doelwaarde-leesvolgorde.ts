import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Speed of reading doelwaarden (issue 9, "Speed under load"; follows 1765400000001).
 * afspraak_doelwaarde has two permissive policies that apply to reads: doelwaarde_lezen (the
 * read rule, since 1765400000001 a cheap look-up of the reader-visible prestatieafspraak) and the
 * FOR ALL policy doelwaarde_schrijven (tm_concept_bewerkbaar, a SECURITY DEFINER call). Postgres
 * ORs permissive policies in reverse name order and evaluates an OR from left to right, so it
 * called tm_concept_bewerkbaar for every doelwaarde before the read rule (the ~27,000 doelwaarden
 * of the national voortgang with every afspraak). doelwaarde_lezen is renamed doelwaarde_zien so
 * that the read rule comes first and the function runs only where the read rule does not hold.
 * The rows a reader sees are the same: an OR of the same two policies.
 */
export class DoelwaardeLeesvolgorde1765400000002 implements MigrationInterface {
  name = 'DoelwaardeLeesvolgorde1765400000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER POLICY doelwaarde_lezen ON afspraak_doelwaarde RENAME TO doelwaarde_zien`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER POLICY doelwaarde_zien ON afspraak_doelwaarde RENAME TO doelwaarde_lezen`);
  }
}
