import type { MigrationInterface, QueryRunner } from 'typeorm';

const AANDACHTSGROEPEN = `('STATUSHOUDERS','URGENTEN','UITSTROOM_INSTELLINGEN','DAK_EN_THUISLOZEN','ARBEIDSMIGRANTEN','STUDENTEN','WOONWAGENBEWONERS','OUDEREN')`;
const SEGMENTEN = `('SOCIALE_HUUR','MIDDENHUUR','VRIJE_SECTOR_HUUR','KOOP_BETAALBAAR','KOOP_VRIJ')`;

/**
 * Realisation data: toewijzingen, nieuwbouwprojecten, kwartaalcijfers (with correction history)
 * and taakstellingen. RLS: rows are visible within the principal's gemeente scope or to the owning
 * organisation; writes only by the owner inside its scope. Rows-versus-aggregates (a provincie
 * sees aggregates only) is decided by the services; RLS is the scope wall underneath.
 */
export class Realisatie1763800000000 implements MigrationInterface {
  name = 'Realisatie1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE toewijzing_import (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        corporatie_id uuid NOT NULL REFERENCES organisatie(id),
        bestandsnaam text NOT NULL,
        rijen integer NOT NULL,
        opgeslagen integer NOT NULL,
        al_aanwezig integer NOT NULL,
        gebruiker_sub text,
        tijdstip timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE toewijzing (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        corporatie_id uuid NOT NULL REFERENCES organisatie(id),
        gemeente_code text NOT NULL REFERENCES gemeente(code),
        datum date NOT NULL,
        aandachtsgroep text CHECK (aandachtsgroep IN ${AANDACHTSGROEPEN}),
        huishoudgrootte smallint NOT NULL CHECK (huishoudgrootte BETWEEN 1 AND 20),
        segment text NOT NULL DEFAULT 'SOCIALE_HUUR' CHECK (segment IN ${SEGMENTEN}),
        via_urgentie boolean NOT NULL DEFAULT false,
        extern_kenmerk text NOT NULL CHECK (length(extern_kenmerk) BETWEEN 1 AND 100),
        import_id uuid REFERENCES toewijzing_import(id),
        aangemaakt_op timestamptz NOT NULL DEFAULT now(),
        UNIQUE (corporatie_id, extern_kenmerk)
      )`);
    // Aggregation runs per gemeente and period (voortgang, reports); listing per corporatie.
    await q.query(`CREATE INDEX toewijzing_gemeente_datum_idx ON toewijzing (gemeente_code, datum) INCLUDE (aandachtsgroep, huishoudgrootte, via_urgentie, segment)`);
    await q.query(`CREATE INDEX toewijzing_corporatie_datum_idx ON toewijzing (corporatie_id, datum, id)`);

    await q.query(`
      CREATE TABLE nieuwbouwproject (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        naam text NOT NULL CHECK (length(naam) BETWEEN 1 AND 200),
        gemeente_code text NOT NULL REFERENCES gemeente(code),
        eigenaar_id uuid NOT NULL REFERENCES organisatie(id),
        fase text NOT NULL DEFAULT 'PLAN' CHECK (fase IN ('PLAN','VERGUND','IN_AANBOUW','OPGELEVERD')),
        woningen_sociale_huur integer NOT NULL DEFAULT 0 CHECK (woningen_sociale_huur >= 0),
        woningen_middenhuur integer NOT NULL DEFAULT 0 CHECK (woningen_middenhuur >= 0),
        woningen_vrije_sector_huur integer NOT NULL DEFAULT 0 CHECK (woningen_vrije_sector_huur >= 0),
        woningen_koop_betaalbaar integer NOT NULL DEFAULT 0 CHECK (woningen_koop_betaalbaar >= 0),
        woningen_koop_vrij integer NOT NULL DEFAULT 0 CHECK (woningen_koop_vrij >= 0),
        woningen_aandachtsgroepen integer NOT NULL DEFAULT 0 CHECK (woningen_aandachtsgroepen >= 0),
        woningen_nultreden integer NOT NULL DEFAULT 0 CHECK (woningen_nultreden >= 0),
        woningen_flex integer NOT NULL DEFAULT 0 CHECK (woningen_flex >= 0),
        standplaatsen integer NOT NULL DEFAULT 0 CHECK (standplaatsen >= 0),
        plan_datum date,
        vergund_op date,
        start_bouw_op date,
        opgeleverd_op date,
        versie integer NOT NULL DEFAULT 1,
        aangemaakt_op timestamptz NOT NULL DEFAULT now(),
        gewijzigd_op timestamptz NOT NULL DEFAULT now(),
        CHECK ((fase = 'OPGELEVERD') = (opgeleverd_op IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX nieuwbouwproject_gemeente_idx ON nieuwbouwproject (gemeente_code, opgeleverd_op)`);
    await q.query(`CREATE INDEX nieuwbouwproject_eigenaar_idx ON nieuwbouwproject (eigenaar_id)`);

    await q.query(`
      CREATE TABLE kwartaalcijfer (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        indicator_code text NOT NULL,
        organisatie_id uuid NOT NULL REFERENCES organisatie(id),
        gemeente_code text NOT NULL REFERENCES gemeente(code),
        jaar smallint NOT NULL CHECK (jaar BETWEEN 2015 AND 2100),
        kwartaal smallint NOT NULL CHECK (kwartaal BETWEEN 1 AND 4),
        waarde numeric(14,2) NOT NULL,
        toelichting text,
        -- a correction inserts a new row and marks the earlier one not current: history stays
        actueel boolean NOT NULL DEFAULT true,
        vervangt_id uuid REFERENCES kwartaalcijfer(id),
        gerapporteerd_door text,
        gerapporteerd_op timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX kwartaalcijfer_actueel_uq ON kwartaalcijfer (indicator_code, organisatie_id, gemeente_code, jaar, kwartaal) WHERE actueel`);
    await q.query(`CREATE INDEX kwartaalcijfer_gemeente_idx ON kwartaalcijfer (gemeente_code, indicator_code, jaar, kwartaal) WHERE actueel`);

    await q.query(`
      CREATE TABLE taakstelling (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        indicator_code text NOT NULL,
        gebied_soort text NOT NULL CHECK (gebied_soort IN ('GEMEENTE','WONINGMARKTREGIO','PROVINCIE','LAND')),
        gebied_code text NOT NULL,
        periode_van date NOT NULL,
        periode_tot date NOT NULL,
        waarde numeric(14,2) NOT NULL CHECK (waarde >= 0),
        gesteld_door_id uuid NOT NULL REFERENCES organisatie(id),
        toelichting text,
        actueel boolean NOT NULL DEFAULT true,
        vervangt_id uuid REFERENCES taakstelling(id),
        aangemaakt_op timestamptz NOT NULL DEFAULT now(),
        CHECK (periode_tot >= periode_van)
      )`);
    await q.query(`CREATE UNIQUE INDEX taakstelling_actueel_uq ON taakstelling (indicator_code, gebied_soort, gebied_code, periode_van, periode_tot) WHERE actueel`);

    for (const t of ['toewijzing', 'toewijzing_import', 'nieuwbouwproject', 'kwartaalcijfer', 'taakstelling']) {
      await q.query(`ALTER TABLE ${t} ENABLE ROW LEVEL SECURITY`);
    }
    await q.query(`
      CREATE POLICY toewijzing_lezen ON toewijzing FOR SELECT
        USING (corporatie_id = tm_organisatie() OR tm_gemeente_in_scope(gemeente_code))`);
    await q.query(`
      CREATE POLICY toewijzing_schrijven ON toewijzing FOR ALL
        USING (corporatie_id = tm_organisatie())
        WITH CHECK (corporatie_id = tm_organisatie() AND tm_gemeente_in_scope(gemeente_code))`);
    await q.query(`
      CREATE POLICY toewijzing_import_eigen ON toewijzing_import FOR ALL
        USING (corporatie_id = tm_organisatie()) WITH CHECK (corporatie_id = tm_organisatie())`);
    await q.query(`
      CREATE POLICY nieuwbouw_lezen ON nieuwbouwproject FOR SELECT
        USING (eigenaar_id = tm_organisatie() OR tm_gemeente_in_scope(gemeente_code))`);
    // Corporaties edit their own projects; a gemeente edits any project in its gemeente.
    await q.query(`
      CREATE POLICY nieuwbouw_schrijven ON nieuwbouwproject FOR ALL
        USING (eigenaar_id = tm_organisatie() OR (tm_organisatie_soort() = 'GEMEENTE' AND tm_gemeente_in_scope(gemeente_code)))
        WITH CHECK (tm_gemeente_in_scope(gemeente_code)
          AND (eigenaar_id = tm_organisatie() OR tm_organisatie_soort() = 'GEMEENTE'))`);
    await q.query(`
      CREATE POLICY kwartaalcijfer_lezen ON kwartaalcijfer FOR SELECT
        USING (organisatie_id = tm_organisatie() OR tm_gemeente_in_scope(gemeente_code))`);
    await q.query(`
      CREATE POLICY kwartaalcijfer_schrijven ON kwartaalcijfer FOR ALL
        USING (organisatie_id = tm_organisatie())
        WITH CHECK (organisatie_id = tm_organisatie() AND tm_gemeente_in_scope(gemeente_code))`);
    // Targets are public figures among signed-in users; only the setter's organisation writes.
    await q.query(`CREATE POLICY taakstelling_lezen ON taakstelling FOR SELECT USING (tm_organisatie() IS NOT NULL)`);
    await q.query(`
      CREATE POLICY taakstelling_schrijven ON taakstelling FOR ALL
        USING (gesteld_door_id = tm_organisatie()) WITH CHECK (gesteld_door_id = tm_organisatie())`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE taakstelling, kwartaalcijfer, nieuwbouwproject, toewijzing, toewijzing_import`);
  }
}
