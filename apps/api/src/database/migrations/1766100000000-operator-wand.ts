import type { MigrationInterface, QueryRunner } from 'typeorm';

const BEHEER_TABELLEN = ['organisatie', 'organisatie_werkgebied', 'organisatie_huurder_corporatie'];

/**
 * The database wall for the platform operator's work (review of issue 13): the policies on the
 * organisation administration tables checked only that the transaction acts for a RIJK
 * organisation, so any Rijk user (or a job acting as the system) passed the second wall. Now they
 * require the operator role too: ScopedDb sets tm.operator = 'on' only for a principal of a RIJK
 * organisation with the client role platformbeheer (the same rule as POLICY['organisatie:beheren']);
 * tm_is_operator() reads it together with the kind.
 *
 * - organisatie_gebruiker (names and e-mail addresses of registered users): readable by the
 *   operator and by the organisation itself, no longer by every Rijk context.
 * - tm_aanmeldbare_gebruikers() (every active registered user's e-mail, for the development
 *   login's account list) answers only in a transaction with tm.dev_login = 'on', which only the
 *   development login's path sets (ScopedDb.aanmeldbareGebruikers, used by the DEV_OIDC provider
 *   only). Any other caller, production included, gets no rows.
 */
export class OperatorWand1766100000000 implements MigrationInterface {
  name = 'OperatorWand1766100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION tm_is_operator() RETURNS boolean LANGUAGE sql STABLE AS $$
        SELECT tm_organisatie_soort() = 'RIJK' AND coalesce(current_setting('tm.operator', true), '') = 'on'
      $$`);
    for (const tabel of BEHEER_TABELLEN) {
      await q.query(`ALTER POLICY ${tabel}_beheer_nieuw ON ${tabel} WITH CHECK (tm_is_operator())`);
      await q.query(
        `ALTER POLICY ${tabel}_beheer_wijzig ON ${tabel} USING (tm_is_operator()) WITH CHECK (tm_is_operator())`,
      );
      await q.query(`ALTER POLICY ${tabel}_beheer_weg ON ${tabel} USING (tm_is_operator())`);
    }
    await q.query(
      `ALTER POLICY organisatie_gebruiker_lezen ON organisatie_gebruiker USING (tm_is_operator() OR organisatie_id = tm_organisatie())`,
    );
    await q.query(
      `ALTER POLICY organisatie_gebruiker_nieuw ON organisatie_gebruiker WITH CHECK (tm_is_operator())`,
    );
    await q.query(
      `ALTER POLICY organisatie_gebruiker_wijzig ON organisatie_gebruiker USING (tm_is_operator()) WITH CHECK (tm_is_operator())`,
    );
    await q.query(
      `ALTER POLICY gemeente_regio_indelen ON gemeente USING (tm_is_operator()) WITH CHECK (tm_is_operator())`,
    );
    await q.query(`
      CREATE OR REPLACE FUNCTION tm_aanmeldbare_gebruikers()
      RETURNS TABLE (gebruikersnaam text, naam text, email text, organisatie text, rollen text[])
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT g.gebruikersnaam, g.naam, g.email, o.code, g.rollen
        FROM organisatie_gebruiker g JOIN organisatie o ON o.id = g.organisatie_id
        WHERE g.actief AND o.actief AND coalesce(current_setting('tm.dev_login', true), '') = 'on'
        ORDER BY o.code, g.gebruikersnaam
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION tm_aanmeldbare_gebruikers()
      RETURNS TABLE (gebruikersnaam text, naam text, email text, organisatie text, rollen text[])
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT g.gebruikersnaam, g.naam, g.email, o.code, g.rollen
        FROM organisatie_gebruiker g JOIN organisatie o ON o.id = g.organisatie_id
        WHERE g.actief AND o.actief ORDER BY o.code, g.gebruikersnaam
      $$`);
    const rijk = `tm_organisatie_soort() = 'RIJK'`;
    await q.query(`ALTER POLICY gemeente_regio_indelen ON gemeente USING (${rijk}) WITH CHECK (${rijk})`);
    await q.query(
      `ALTER POLICY organisatie_gebruiker_lezen ON organisatie_gebruiker USING (${rijk} OR organisatie_id = tm_organisatie())`,
    );
    await q.query(`ALTER POLICY organisatie_gebruiker_nieuw ON organisatie_gebruiker WITH CHECK (${rijk})`);
    await q.query(
      `ALTER POLICY organisatie_gebruiker_wijzig ON organisatie_gebruiker USING (${rijk}) WITH CHECK (${rijk})`,
    );
    for (const tabel of BEHEER_TABELLEN) {
      await q.query(`ALTER POLICY ${tabel}_beheer_nieuw ON ${tabel} WITH CHECK (${rijk})`);
      await q.query(`ALTER POLICY ${tabel}_beheer_wijzig ON ${tabel} USING (${rijk}) WITH CHECK (${rijk})`);
      await q.query(`ALTER POLICY ${tabel}_beheer_weg ON ${tabel} USING (${rijk})`);
    }
    await q.query(`DROP FUNCTION tm_is_operator()`);
  }
}
