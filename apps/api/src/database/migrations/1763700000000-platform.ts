import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Foundation: the application role that row-level security applies to, the tenancy helper
 * functions, reference data tables, organisations with werkgebied, and the audit log.
 */
export class Platform1763700000000 implements MigrationInterface {
  name = 'Platform1763700000000';

  async up(q: QueryRunner): Promise<void> {
    // The API connects as the schema owner but switches to this role inside every scoped
    // transaction (SET LOCAL ROLE), so RLS policies bind it; owners and superusers bypass RLS.
    // Check before acting: Postgres checks CREATEROLE before noticing a role exists, and a
    // production login role (infra/postgres/roles.sql) has neither CREATEROLE nor ADMIN OPTION.
    await q.query(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'thuismonitor_app') THEN
          CREATE ROLE thuismonitor_app NOLOGIN;
        END IF;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
      END $$;`);
    await q.query(`
      DO $$ BEGIN
        IF NOT pg_has_role(current_user, 'thuismonitor_app', 'MEMBER') THEN
          EXECUTE format('GRANT thuismonitor_app TO %I', current_user);
        END IF;
      END $$;`);
    await q.query(`GRANT USAGE ON SCHEMA public TO thuismonitor_app`);
    await q.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO thuismonitor_app`,
    );
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO thuismonitor_app`);

    // Tenancy settings are transaction-local (set_config(..., true)). Unset means: nothing is in
    // scope. There is no value that means "no filter" except '*' which only Rijk's scope produces.
    await q.query(`
      CREATE FUNCTION tm_organisatie() RETURNS uuid LANGUAGE sql STABLE AS
      $$ SELECT nullif(current_setting('tm.organisatie_id', true), '')::uuid $$`);
    await q.query(`
      CREATE FUNCTION tm_gemeente_in_scope(code text) RETURNS boolean LANGUAGE sql STABLE AS
      $$ SELECT coalesce(current_setting('tm.gemeenten', true), '') = '*'
                OR code = ANY (string_to_array(nullif(current_setting('tm.gemeenten', true), ''), ',')) $$`);

    await q.query(`
      CREATE FUNCTION tm_organisatie_soort() RETURNS text LANGUAGE sql STABLE AS
      $$ SELECT nullif(current_setting('tm.organisatie_soort', true), '') $$`);

    await q.query(`
      CREATE TABLE provincie (
        code text PRIMARY KEY CHECK (code ~ '^PV[0-9]{2}$'),
        naam text NOT NULL
      )`);
    await q.query(`
      CREATE TABLE woningmarktregio (
        code text PRIMARY KEY,
        naam text NOT NULL UNIQUE
      )`);
    await q.query(`
      CREATE TABLE gemeente (
        code text PRIMARY KEY CHECK (code ~ '^GM[0-9]{4}$'),
        naam text NOT NULL,
        provincie_code text NOT NULL REFERENCES provincie(code),
        inwoners integer,
        buurgemeenten text[] NOT NULL DEFAULT '{}',
        woningmarktregio_code text REFERENCES woningmarktregio(code)
      )`);
    await q.query(`CREATE INDEX gemeente_provincie_idx ON gemeente (provincie_code)`);
    await q.query(`CREATE INDEX gemeente_regio_idx ON gemeente (woningmarktregio_code)`);

    await q.query(`
      CREATE TABLE organisatie (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        soort text NOT NULL CHECK (soort IN ('CORPORATIE','GEMEENTE','HUURDERSORGANISATIE','ZORGAANBIEDER','PROVINCIE','RIJK')),
        naam text NOT NULL,
        gemeente_code text REFERENCES gemeente(code),
        provincie_code text REFERENCES provincie(code),
        actief boolean NOT NULL DEFAULT true,
        aangemaakt_op timestamptz NOT NULL DEFAULT now(),
        CHECK ((soort = 'GEMEENTE') = (gemeente_code IS NOT NULL)),
        CHECK ((soort = 'PROVINCIE') = (provincie_code IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX organisatie_gemeente_uq ON organisatie (gemeente_code) WHERE gemeente_code IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX organisatie_provincie_uq ON organisatie (provincie_code) WHERE provincie_code IS NOT NULL`);
    await q.query(`
      CREATE TABLE organisatie_werkgebied (
        organisatie_id uuid NOT NULL REFERENCES organisatie(id) ON DELETE CASCADE,
        gemeente_code text NOT NULL REFERENCES gemeente(code),
        PRIMARY KEY (organisatie_id, gemeente_code)
      )`);
    await q.query(`CREATE INDEX organisatie_werkgebied_gemeente_idx ON organisatie_werkgebied (gemeente_code)`);

    await q.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        tijdstip timestamptz NOT NULL DEFAULT now(),
        organisatie_id uuid REFERENCES organisatie(id),
        gebruiker_sub text,
        gebruikersnaam text,
        actie text NOT NULL,
        entiteit text NOT NULL,
        entiteit_id text,
        gemeente_code text,
        voor jsonb,
        na jsonb
      )`);
    await q.query(`CREATE INDEX audit_log_entiteit_idx ON audit_log (entiteit, entiteit_id)`);
    await q.query(`CREATE INDEX audit_log_organisatie_idx ON audit_log (organisatie_id, tijdstip)`);
    // Audit rows: an organisation reads and writes its own; other readers (parties to an
    // afspraak) get them through the feature that owns the entity, which widens this policy.
    await q.query(`ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY audit_log_eigen ON audit_log
        USING (organisatie_id = tm_organisatie())
        WITH CHECK (organisatie_id = tm_organisatie())`);
    // Nobody changes history: the app role may only insert and read audit rows.
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO thuismonitor_app`);
    await q.query(`REVOKE UPDATE, DELETE ON audit_log FROM thuismonitor_app`);
    await q.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO thuismonitor_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_log, organisatie_werkgebied, organisatie, gemeente, woningmarktregio, provincie`);
    await q.query(`DROP FUNCTION tm_gemeente_in_scope(text), tm_organisatie(), tm_organisatie_soort()`);
  }
}
