import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who signs in for an organisation, with which roles (issue 13, point 4): noted by the API when a
 * token is accepted (at most once per user per ten minutes per API instance), so an
 * organisation's own beheerder sees its users without Thuismonitor needing admin rights in
 * Keycloak. Only what account management needs: username, name, roles, last sign-in (no e-mail,
 * no IP address). Each organisation reads only its own rows.
 */
export class GebruikerAanmelding1765000000003 implements MigrationInterface {
  name = 'GebruikerAanmelding1765000000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE gebruiker_aanmelding (
        organisatie_id uuid NOT NULL REFERENCES organisatie(id),
        gebruiker_sub text NOT NULL,
        gebruikersnaam text NOT NULL,
        naam text NOT NULL,
        rollen text[] NOT NULL,
        eerste_aanmelding timestamptz NOT NULL DEFAULT now(),
        laatste_aanmelding timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organisatie_id, gebruiker_sub)
      )`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON gebruiker_aanmelding TO thuismonitor_app`);
    await q.query(`ALTER TABLE gebruiker_aanmelding ENABLE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY gebruiker_aanmelding_eigen ON gebruiker_aanmelding
        USING (organisatie_id = tm_organisatie()) WITH CHECK (organisatie_id = tm_organisatie())`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE gebruiker_aanmelding`);
  }
}
