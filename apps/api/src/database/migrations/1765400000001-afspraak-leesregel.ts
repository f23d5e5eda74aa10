import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Speed of reading afspraken (issue 9, "Speed under load"; docs/decisions.md "Load benchmark").
 * The same visibility rules, cheaper to evaluate; measured on the national seed (bench/load-bench.mjs).
 *
 * 1. The read policies of afspraak and afspraak_doelwaarde called tm_prestatieafspraak_leesbaar()
 *    per row: a SECURITY DEFINER function that Postgres cannot inline, ~90–110 µs a row, so the
 *    national voortgang with every afspraak spent ~0.8 s on 8,570 afspraken and ~3 s on their
 *    27,424 doelwaarden before any figure was computed. The rule stays: an afspraak (or a
 *    doelwaarde) is readable exactly when its prestatieafspraak is readable. It is now written as
 *    "its prestatieafspraak is visible to the reader": EXISTS over prestatieafspraak, which the
 *    reader sees through prestatieafspraak's own read policy, the very predicate
 *    tm_prestatieafspraak_leesbaar evaluated as the schema owner. Postgres plans the EXISTS as a
 *    hashed look-up once per query or an index probe per row, not a function call per row
 *    (every afspraak of the country: 0.8 s → 35 ms). No recursion: prestatieafspraak's policy
 *    reads no afspraak. The other policies (partij, ondertekening, writes) are unchanged.
 * 2. prestatieafspraak_lezen tested "is a party" (tm_is_partij, a SECURITY DEFINER look-up) first
 *    for every row, also for a provincie or Rijk reader, who is rarely a party but reads every
 *    vastgestelde prestatieafspraak in scope. Postgres keeps the order of OR arms, so the cheap arm
 *    (settings and columns only) now comes first; the OR of the same two arms is the same rule.
 * 3. The milestone realisation (realisatie-sql.ts mijlpaalSql) reads, per prestatieafspraak, its
 *    MIJLPAAL afspraken; the planner combined the unique index with the indicator index (a bitmap
 *    of all 1,714 milestone afspraken per prestatieafspraak). A partial index on
 *    (prestatieafspraak_id, indicator_code) for milestones makes that one probe.
 */
const LEESBAAR = 'tm_prestatieafspraak_leesbaar(prestatieafspraak_id)';
const ZICHTBAAR = 'EXISTS (SELECT 1 FROM prestatieafspraak p WHERE p.id = prestatieafspraak_id)';
const POLICIES = [
  ['afspraak', 'afspraak_lezen'],
  ['afspraak_doelwaarde', 'doelwaarde_lezen'],
] as const;
const PARTIJ = 'tm_is_partij(id)';
const TOEZICHT = `(tm_organisatie_soort() IN ('PROVINCIE','RIJK') AND status <> 'CONCEPT' AND tm_gemeente_in_scope(gemeente_code))`;

export class AfspraakLeesregel1765400000001 implements MigrationInterface {
  name = 'AfspraakLeesregel1765400000001';

  async up(q: QueryRunner): Promise<void> {
    for (const [tabel, policy] of POLICIES) await q.query(`ALTER POLICY ${policy} ON ${tabel} USING (${ZICHTBAAR})`);
    await q.query(`ALTER POLICY prestatieafspraak_lezen ON prestatieafspraak USING (${TOEZICHT} OR ${PARTIJ})`);
    await q.query(
      `CREATE INDEX afspraak_mijlpaal_idx ON afspraak (prestatieafspraak_id, indicator_code) WHERE soort = 'MIJLPAAL'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX afspraak_mijlpaal_idx`);
    await q.query(`ALTER POLICY prestatieafspraak_lezen ON prestatieafspraak USING (${PARTIJ} OR ${TOEZICHT})`);
    for (const [tabel, policy] of POLICIES) await q.query(`ALTER POLICY ${policy} ON ${tabel} USING (${LEESBAAR})`);
  }
}
