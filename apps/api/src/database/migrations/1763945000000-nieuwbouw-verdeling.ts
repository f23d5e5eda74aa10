import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Nieuwbouwprojecten record how many woningen are meant for aandachtsgroepen; the indicator
 * catalogue also counts per group (flexwoningen for studenten and arbeidsmigranten, ouderenwoningen),
 * so a project may split that number per aandachtsgroep: { "STUDENTEN": 40, "OUDEREN": 12 }.
 * Voortgang sums it per group in SQL: sum((woningen_per_aandachtsgroep->>'STUDENTEN')::int).
 * The service validates keys and the sum (domain valideerNieuwbouwproject); the database keeps
 * the shape.
 */
export class NieuwbouwVerdeling1763945000000 implements MigrationInterface {
  name = 'NieuwbouwVerdeling1763945000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE nieuwbouwproject
        ADD COLUMN woningen_per_aandachtsgroep jsonb NOT NULL DEFAULT '{}'
          CHECK (jsonb_typeof(woningen_per_aandachtsgroep) = 'object')`);
    // Listing and history of reported figures per organisation (the gemeente index covers the rest).
    await q.query(
      `CREATE INDEX kwartaalcijfer_organisatie_idx ON kwartaalcijfer (organisatie_id, indicator_code, gemeente_code, jaar, kwartaal)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX kwartaalcijfer_organisatie_idx`);
    await q.query(`ALTER TABLE nieuwbouwproject DROP COLUMN woningen_per_aandachtsgroep`);
  }
}
