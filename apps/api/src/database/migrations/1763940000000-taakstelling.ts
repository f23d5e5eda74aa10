import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Taakstellingen: one actuele target per area, period, indicator AND setting organisation.
 * Two levels may set a target for the same gemeente (the provincie's translation of the national
 * target, the gemeente's own ambition); a change replaces only the setter's own row (history via
 * actueel + vervangt_id, as RLS lets an organisation update only its own rows), and voortgang
 * monitors the highest level's target (domain taakstellingInPeriode).
 */
export class Taakstelling1763940000000 implements MigrationInterface {
  name = 'Taakstelling1763940000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX taakstelling_actueel_uq`);
    await q.query(`
      CREATE UNIQUE INDEX taakstelling_actueel_uq ON taakstelling
        (indicator_code, gebied_soort, gebied_code, periode_van, periode_tot, gesteld_door_id) WHERE actueel`);
    // voortgang reads every actuele target of an area and its gemeenten overlapping a period
    await q.query(`
      CREATE INDEX taakstelling_gebied_idx ON taakstelling (gebied_soort, gebied_code, periode_van)
        INCLUDE (indicator_code, periode_tot, waarde, gesteld_door_id) WHERE actueel`);
    await q.query(
      `CREATE INDEX taakstelling_vervangt_idx ON taakstelling (vervangt_id) WHERE vervangt_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX taakstelling_vervangt_idx, taakstelling_gebied_idx, taakstelling_actueel_uq`);
    await q.query(`
      CREATE UNIQUE INDEX taakstelling_actueel_uq ON taakstelling
        (indicator_code, gebied_soort, gebied_code, periode_van, periode_tot) WHERE actueel`);
  }
}
