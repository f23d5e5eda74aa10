import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per-user choices (issue 13, point 5): the gemeente a user of a multi-gemeente organisation
 * (corporatie, zorgaanbieder, huurdersorganisatie, provincie) lands on, instead of the
 * alphabetically first. Keyed by the token's `sub` within the organisation; row-level security
 * keeps each organisation to its own rows (the service filters on the principal's sub).
 */
export class GebruikerVoorkeur1765000000002 implements MigrationInterface {
  name = 'GebruikerVoorkeur1765000000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE gebruiker_voorkeur (
        organisatie_id uuid NOT NULL REFERENCES organisatie(id),
        gebruiker_sub text NOT NULL,
        standaard_gemeente text REFERENCES gemeente(code),
        gewijzigd_op timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organisatie_id, gebruiker_sub)
      )`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON gebruiker_voorkeur TO thuismonitor_app`);
    await q.query(`ALTER TABLE gebruiker_voorkeur ENABLE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY gebruiker_voorkeur_eigen ON gebruiker_voorkeur
        USING (organisatie_id = tm_organisatie()) WITH CHECK (organisatie_id = tm_organisatie())`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE gebruiker_voorkeur`);
  }
}
