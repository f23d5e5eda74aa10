import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Regionale woondeals (issue 12, item 5; apps/api/src/woondeal): the pipeline of new construction
 * on a peildatum (in planvorming, vergund, in aanbouw) needs the phase dates of a project, so the
 * view of public-by-nature dwelling counts gets vergund_op and start_bouw_op (appended: CREATE OR
 * REPLACE VIEW keeps the existing columns in their place). Still no project identity; the same
 * scope filter and grants. No new table: woondeal targets are taakstellingen.
 */
export class WoondealPijplijn1767000000000 implements MigrationInterface {
  name = 'WoondealPijplijn1767000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE VIEW nieuwbouw_oplevering WITH (security_barrier) AS
        SELECT gemeente_code, fase, opgeleverd_op, woningen_sociale_huur, woningen_middenhuur,
               woningen_vrije_sector_huur, woningen_koop_betaalbaar, woningen_koop_vrij,
               woningen_aandachtsgroepen, woningen_per_aandachtsgroep, woningen_nultreden,
               woningen_flex, standplaatsen, vergund_op, start_bouw_op
        FROM nieuwbouwproject
        WHERE tm_organisatie() IS NOT NULL AND tm_gemeente_in_scope(gemeente_code)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW nieuwbouw_oplevering`);
    await q.query(`
      CREATE VIEW nieuwbouw_oplevering WITH (security_barrier) AS
        SELECT gemeente_code, fase, opgeleverd_op, woningen_sociale_huur, woningen_middenhuur,
               woningen_vrije_sector_huur, woningen_koop_betaalbaar, woningen_koop_vrij,
               woningen_aandachtsgroepen, woningen_per_aandachtsgroep, woningen_nultreden,
               woningen_flex, standplaatsen
        FROM nieuwbouwproject
        WHERE tm_organisatie() IS NOT NULL AND tm_gemeente_in_scope(gemeente_code)`);
    await q.query(`REVOKE ALL ON nieuwbouw_oplevering FROM thuismonitor_app`);
    await q.query(`GRANT SELECT ON nieuwbouw_oplevering TO thuismonitor_app`);
  }
}
