import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for voortgang at national scale, chosen with EXPLAIN ANALYZE on the seeded national
 * database (bench/seed-national.mjs; figures in docs/decisions.md, "Voortgang: snelheid").
 *
 * The row-level security policies read corporatie_id / organisatie_id and gemeente_code of every
 * row, so those columns are INCLUDEd: with them the scans are index-only instead of visiting
 * the table for each of ~160k rows.
 */
const LEESPOLICIES = [
  ['toewijzing', 'toewijzing_lezen', 'corporatie_id'],
  ['nieuwbouwproject', 'nieuwbouw_lezen', 'eigenaar_id'],
  ['kwartaalcijfer', 'kwartaalcijfer_lezen', 'organisatie_id'],
] as const;

export class VoortgangIndexen1763950000000 implements MigrationInterface {
  name = 'VoortgangIndexen1763950000000';

  async up(q: QueryRunner): Promise<void> {
    // The country filters on datum only; (gemeente_code, datum) cannot serve that.
    await q.query(`
      CREATE INDEX toewijzing_datum_idx ON toewijzing (datum)
        INCLUDE (gemeente_code, corporatie_id, aandachtsgroep, huishoudgrootte, via_urgentie)`);
    // Same key as before, plus corporatie_id for the RLS policy (a provincie or gemeente query).
    await q.query(`DROP INDEX toewijzing_gemeente_datum_idx`);
    await q.query(`
      CREATE INDEX toewijzing_gemeente_datum_idx ON toewijzing (gemeente_code, datum)
        INCLUDE (corporatie_id, aandachtsgroep, huishoudgrootte, via_urgentie, segment)`);
    // SOM over the quarters of a period and STAND over the last four quarters: indicator and year range first.
    await q.query(`
      CREATE INDEX kwartaalcijfer_som_idx ON kwartaalcijfer (indicator_code, jaar, kwartaal)
        INCLUDE (gemeente_code, organisatie_id, waarde) WHERE actueel`);
    // Same read policies, scope test first: OR does not reorder its arms, and for the national
    // scope ('*') the first arm is then true without parsing the organisation id of every row.
    // For ~160k toewijzingen this halves the query (EXPLAIN ANALYZE: ~250 ms -> ~120 ms).
    for (const [tabel, policy, eigenaar] of LEESPOLICIES) {
      await q.query(
        `ALTER POLICY ${policy} ON ${tabel} USING (tm_gemeente_in_scope(gemeente_code) OR ${eigenaar} = tm_organisatie())`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [tabel, policy, eigenaar] of LEESPOLICIES) {
      await q.query(
        `ALTER POLICY ${policy} ON ${tabel} USING (${eigenaar} = tm_organisatie() OR tm_gemeente_in_scope(gemeente_code))`,
      );
    }
    await q.query(`DROP INDEX kwartaalcijfer_som_idx, toewijzing_datum_idx, toewijzing_gemeente_datum_idx`);
    await q.query(`
      CREATE INDEX toewijzing_gemeente_datum_idx ON toewijzing (gemeente_code, datum)
        INCLUDE (aandachtsgroep, huishoudgrootte, via_urgentie, segment)`);
  }
}
