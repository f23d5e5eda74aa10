import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Organisation administration by the platform operator (issue 13): organisations, werkgebieden,
 * huurdersorganisatie–corporatie links and the users registered for an organisation are now
 * written through the API (apps/api/src/beheer) instead of only by the demo seed.
 *
 * - organisatie: the app role may insert and change naam/actief/gedeactiveerd_op (never code or
 *   soort: users in Keycloak carry the code). Row-level security: everyone reads (the list is
 *   public to signed-in users, DESIGN §6), only a RIJK transaction writes (the same wall as the
 *   woningmarktregio-indeling; the role platformbeheer is checked by the API's policy).
 * - organisatie_werkgebied, organisatie_huurder_corporatie: read by all, written by RIJK only.
 * - organisatie_gebruiker: the users the operator registered for an organisation (who should
 *   exist in Keycloak with that organisation code and those roles; in development the embedded
 *   login offers them). Read by RIJK and by the organisation itself; written by RIJK.
 * - tm_aanmeldbare_gebruikers(): the development login's one read of registered users (active
 *   users of active organisations), before any principal exists.
 * - A deactivated organisation cannot become a party to a prestatieafspraak (trigger, second
 *   wall; its own users are read-only through the principal resolver).
 */
export class Organisatiebeheer1765000000000 implements MigrationInterface {
  name = 'Organisatiebeheer1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organisatie ADD COLUMN gedeactiveerd_op timestamptz`);
    await q.query(
      `ALTER TABLE organisatie ADD CONSTRAINT organisatie_deactivering_ck CHECK (actief = (gedeactiveerd_op IS NULL))`,
    );

    await q.query(`
      CREATE TABLE organisatie_huurder_corporatie (
        huurdersorganisatie_id uuid NOT NULL REFERENCES organisatie(id),
        corporatie_id uuid NOT NULL REFERENCES organisatie(id),
        PRIMARY KEY (huurdersorganisatie_id, corporatie_id)
      )`);
    await q.query(
      `CREATE INDEX organisatie_huurder_corporatie_corp_idx ON organisatie_huurder_corporatie (corporatie_id)`,
    );

    await q.query(`
      CREATE TABLE organisatie_gebruiker (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisatie_id uuid NOT NULL REFERENCES organisatie(id),
        gebruikersnaam text NOT NULL UNIQUE CHECK (gebruikersnaam ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
        naam text NOT NULL,
        email text NOT NULL,
        rollen text[] NOT NULL CHECK (rollen <@ ARRAY['lezen','invoeren','tekenen','beheren','platformbeheer']::text[]),
        actief boolean NOT NULL DEFAULT true,
        aangemaakt_op timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX organisatie_gebruiker_org_idx ON organisatie_gebruiker (organisatie_id)`);

    await q.query(`GRANT INSERT ON organisatie TO thuismonitor_app`);
    await q.query(`GRANT UPDATE (naam, actief, gedeactiveerd_op) ON organisatie TO thuismonitor_app`);
    await q.query(`GRANT INSERT, DELETE ON organisatie_werkgebied TO thuismonitor_app`);
    await q.query(`GRANT SELECT, INSERT, DELETE ON organisatie_huurder_corporatie TO thuismonitor_app`);
    await q.query(`GRANT SELECT, INSERT ON organisatie_gebruiker TO thuismonitor_app`);
    await q.query(`GRANT UPDATE (naam, email, rollen, actief) ON organisatie_gebruiker TO thuismonitor_app`);

    for (const tabel of ['organisatie', 'organisatie_werkgebied', 'organisatie_huurder_corporatie']) {
      await q.query(`ALTER TABLE ${tabel} ENABLE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY ${tabel}_lezen ON ${tabel} FOR SELECT USING (true)`);
      await q.query(
        `CREATE POLICY ${tabel}_beheer_nieuw ON ${tabel} FOR INSERT WITH CHECK (tm_organisatie_soort() = 'RIJK')`,
      );
      await q.query(
        `CREATE POLICY ${tabel}_beheer_wijzig ON ${tabel} FOR UPDATE USING (tm_organisatie_soort() = 'RIJK') WITH CHECK (tm_organisatie_soort() = 'RIJK')`,
      );
      await q.query(
        `CREATE POLICY ${tabel}_beheer_weg ON ${tabel} FOR DELETE USING (tm_organisatie_soort() = 'RIJK')`,
      );
    }
    await q.query(`ALTER TABLE organisatie_gebruiker ENABLE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY organisatie_gebruiker_lezen ON organisatie_gebruiker FOR SELECT
        USING (tm_organisatie_soort() = 'RIJK' OR organisatie_id = tm_organisatie())`);
    await q.query(
      `CREATE POLICY organisatie_gebruiker_nieuw ON organisatie_gebruiker FOR INSERT WITH CHECK (tm_organisatie_soort() = 'RIJK')`,
    );
    await q.query(`
      CREATE POLICY organisatie_gebruiker_wijzig ON organisatie_gebruiker FOR UPDATE
        USING (tm_organisatie_soort() = 'RIJK') WITH CHECK (tm_organisatie_soort() = 'RIJK')`);

    await q.query(`
      CREATE FUNCTION tm_aanmeldbare_gebruikers()
      RETURNS TABLE (gebruikersnaam text, naam text, email text, organisatie text, rollen text[])
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT g.gebruikersnaam, g.naam, g.email, o.code, g.rollen
        FROM organisatie_gebruiker g JOIN organisatie o ON o.id = g.organisatie_id
        WHERE g.actief AND o.actief
        ORDER BY o.code, g.gebruikersnaam
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION tm_aanmeldbare_gebruikers() FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION tm_aanmeldbare_gebruikers() TO thuismonitor_app`);

    await q.query(`
      CREATE FUNCTION tm_partij_moet_actief_zijn() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM organisatie WHERE id = NEW.organisatie_id AND actief) THEN
          RAISE EXCEPTION 'organisation % is deactivated and cannot become a party', NEW.organisatie_id
            USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER prestatieafspraak_partij_actief BEFORE INSERT ON prestatieafspraak_partij
        FOR EACH ROW EXECUTE FUNCTION tm_partij_moet_actief_zijn()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER prestatieafspraak_partij_actief ON prestatieafspraak_partij`);
    await q.query(`DROP FUNCTION tm_partij_moet_actief_zijn()`);
    await q.query(`DROP FUNCTION tm_aanmeldbare_gebruikers()`);
    for (const tabel of ['organisatie', 'organisatie_werkgebied']) {
      for (const p of ['lezen', 'beheer_nieuw', 'beheer_wijzig', 'beheer_weg'])
        await q.query(`DROP POLICY ${tabel}_${p} ON ${tabel}`);
      await q.query(`ALTER TABLE ${tabel} DISABLE ROW LEVEL SECURITY`);
    }
    await q.query(`REVOKE INSERT, DELETE ON organisatie_werkgebied FROM thuismonitor_app`);
    await q.query(`REVOKE INSERT, UPDATE ON organisatie FROM thuismonitor_app`);
    await q.query(`DROP TABLE organisatie_gebruiker, organisatie_huurder_corporatie`);
    await q.query(`ALTER TABLE organisatie DROP CONSTRAINT organisatie_deactivering_ck`);
    await q.query(`ALTER TABLE organisatie DROP COLUMN gedeactiveerd_op`);
  }
}
