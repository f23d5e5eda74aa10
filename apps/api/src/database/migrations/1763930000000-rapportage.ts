import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Kwartaalrapportages: immutable, versioned snapshots (figures as JSON) with their rendered files.
 * A report is readable by whoever has every gemeente of its area in scope (a gemeente its own,
 * a provincie its own and its gemeenten', Rijk all). Nothing updates or deletes a report.
 */
export class Rapportage1763930000000 implements MigrationInterface {
  name = 'Rapportage1763930000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION tm_gemeenten_in_scope(codes text[]) RETURNS boolean LANGUAGE sql STABLE AS
      $$ SELECT coalesce(current_setting('tm.gemeenten', true), '') = '*'
                OR (cardinality(codes) > 0
                    AND codes <@ string_to_array(nullif(current_setting('tm.gemeenten', true), ''), ',')) $$`);
    await q.query(`
      CREATE TABLE kwartaalrapportage (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        gebied_soort text NOT NULL CHECK (gebied_soort IN ('GEMEENTE','WONINGMARKTREGIO','PROVINCIE','LAND')),
        gebied_code text NOT NULL,
        gebied_naam text NOT NULL,
        gemeenten text[] NOT NULL,
        jaar smallint NOT NULL,
        kwartaal smallint NOT NULL CHECK (kwartaal BETWEEN 1 AND 4),
        actielijn text NOT NULL,
        versie integer NOT NULL,
        peilmoment timestamptz NOT NULL,
        aangevraagd_door text NOT NULL,
        aangevraagd_door_organisatie_id uuid REFERENCES organisatie(id),
        -- BullMQ job id + job timestamp: a retried job finds its own earlier commit (exactly once)
        job_sleutel text NOT NULL,
        snapshot jsonb NOT NULL,
        gemaakt_op timestamptz NOT NULL DEFAULT now(),
        UNIQUE (gebied_soort, gebied_code, jaar, kwartaal, actielijn, versie),
        UNIQUE (job_sleutel, actielijn)
      )`);
    await q.query(`CREATE INDEX kwartaalrapportage_gebied_idx ON kwartaalrapportage (gebied_soort, gebied_code, jaar, kwartaal)`);
    await q.query(`CREATE INDEX kwartaalrapportage_gemeenten_idx ON kwartaalrapportage USING gin (gemeenten)`);
    await q.query(`
      CREATE TABLE kwartaalrapportage_bestand (
        rapportage_id uuid NOT NULL REFERENCES kwartaalrapportage(id),
        formaat text NOT NULL CHECK (formaat IN ('CSV','XLSX','PDF')),
        -- GEDEELD: small cells suppressed (everyone); INTERN: exact, only for the gemeente itself
        variant text NOT NULL CHECK (variant IN ('GEDEELD','INTERN')),
        mime text NOT NULL,
        inhoud bytea NOT NULL,
        sha256 text NOT NULL,
        PRIMARY KEY (rapportage_id, formaat, variant)
      )`);
    await q.query(`ALTER TABLE kwartaalrapportage ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE kwartaalrapportage_bestand ENABLE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY kwartaalrapportage_lezen ON kwartaalrapportage FOR SELECT USING (tm_gemeenten_in_scope(gemeenten))`);
    await q.query(`
      CREATE POLICY kwartaalrapportage_bestand_lezen ON kwartaalrapportage_bestand FOR SELECT
        USING (EXISTS (SELECT 1 FROM kwartaalrapportage r WHERE r.id = rapportage_id))`);
    // Immutable: the app role can only read; the worker writes as the schema owner.
    await q.query(`REVOKE INSERT, UPDATE, DELETE ON kwartaalrapportage, kwartaalrapportage_bestand FROM thuismonitor_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE kwartaalrapportage_bestand, kwartaalrapportage`);
    await q.query(`DROP FUNCTION tm_gemeenten_in_scope(text[])`);
  }
}
