import type { MigrationInterface, QueryRunner } from 'typeorm';

const ACTIELIJNEN = `('VOLDOENDE_WONINGEN','EVENWICHTIGE_VERDELING','WONEN_ZORG_WELZIJN','PREVENTIE')`;

/**
 * The bod, the yearly evaluation and the geschil (issue 12, item 3; docs/decisions.md "Het bod,
 * de evaluatie en het geschil").
 *
 * - bod / bod_ontvanger / bod_regel: the corporatie's overview of intended activities (Woningwet
 *   art. 44), sent to the gemeente and its huurdersorganisatie(s). The corporatie reads and edits
 *   its own concept; the recipients read it once it is VERZONDEN; nobody else sees it. It is never
 *   deleted (the cycle calendar counts it).
 * - prestatieafspraak.bod_id: the bod a prestatieafspraak started from. Older rows keep is_bod (a
 *   prestatieafspraak a corporatie started, from before the bod was its own object).
 * - evaluatie / evaluatie_regel and geschil: per prestatieafspraak, for its parties only (not the
 *   provincie or Rijk, who read a vastgestelde prestatieafspraak: these are the parties' own
 *   negotiation, like the reacties).
 * - ondertekening: a huurdersorganisatie may also sign after vaststelling (its signature is
 *   optional, so the others do not wait for it).
 * All through SECURITY DEFINER look-ups with a fixed search_path, like the prestatieafspraak tables.
 */
export class BodEvaluatieGeschil1766300000000 implements MigrationInterface {
  name = 'BodEvaluatieGeschil1766300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE bod (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        corporatie_id uuid NOT NULL REFERENCES organisatie(id),
        gemeente_code text NOT NULL REFERENCES gemeente(code),
        jaar smallint NOT NULL CHECK (jaar BETWEEN 1000 AND 9999),
        titel text NOT NULL CHECK (length(titel) BETWEEN 1 AND 200),
        toelichting text CHECK (length(toelichting) <= 4000),
        status text NOT NULL DEFAULT 'CONCEPT' CHECK (status IN ('CONCEPT','VERZONDEN')),
        versie integer NOT NULL DEFAULT 1 CHECK (versie >= 1),
        verzonden_op timestamptz,
        verzonden_door text,
        aangemaakt_op timestamptz NOT NULL DEFAULT now(),
        gewijzigd_op timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'VERZONDEN') = (verzonden_op IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX bod_gemeente_idx ON bod (gemeente_code, jaar)`);
    await q.query(`CREATE INDEX bod_corporatie_idx ON bod (corporatie_id, jaar)`);
    await q.query(`
      CREATE TABLE bod_ontvanger (
        bod_id uuid NOT NULL REFERENCES bod(id) ON DELETE CASCADE,
        organisatie_id uuid NOT NULL REFERENCES organisatie(id),
        PRIMARY KEY (bod_id, organisatie_id)
      )`);
    await q.query(`CREATE INDEX bod_ontvanger_org_idx ON bod_ontvanger (organisatie_id)`);
    await q.query(`
      CREATE TABLE bod_regel (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        bod_id uuid NOT NULL REFERENCES bod(id) ON DELETE CASCADE,
        volgnummer integer NOT NULL CHECK (volgnummer >= 1),
        jaar smallint NOT NULL,
        actielijn text NOT NULL CHECK (actielijn IN ${ACTIELIJNEN}),
        omschrijving text NOT NULL CHECK (length(omschrijving) BETWEEN 1 AND 2000),
        indicator_code text,
        aantal numeric CHECK (aantal >= 0),
        eenheid text CHECK (length(eenheid) <= 40),
        UNIQUE (bod_id, volgnummer)
      )`);
    await q.query(`ALTER TABLE prestatieafspraak ADD COLUMN bod_id uuid REFERENCES bod(id)`);
    await q.query(`CREATE INDEX prestatieafspraak_bod_idx ON prestatieafspraak (bod_id) WHERE bod_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE evaluatie (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        prestatieafspraak_id uuid NOT NULL REFERENCES prestatieafspraak(id),
        jaar smallint NOT NULL CHECK (jaar BETWEEN 1000 AND 9999),
        status text NOT NULL DEFAULT 'CONCEPT' CHECK (status IN ('CONCEPT','VASTGESTELD')),
        versie integer NOT NULL DEFAULT 1 CHECK (versie >= 1),
        vastgesteld_op timestamptz,
        vastgesteld_door_id uuid REFERENCES organisatie(id),
        aangemaakt_op timestamptz NOT NULL DEFAULT now(),
        gewijzigd_op timestamptz NOT NULL DEFAULT now(),
        UNIQUE (prestatieafspraak_id, jaar),
        CHECK ((status = 'VASTGESTELD') = (vastgesteld_op IS NOT NULL))
      )`);
    await q.query(`
      CREATE TABLE evaluatie_regel (
        evaluatie_id uuid NOT NULL REFERENCES evaluatie(id) ON DELETE CASCADE,
        afspraak_id uuid NOT NULL REFERENCES afspraak(id),
        oordeel text CHECK (oordeel IN ('GEREALISEERD','DEELS','NIET')),
        toelichting text CHECK (length(toelichting) <= 2000),
        bijgewerkt_door_id uuid NOT NULL REFERENCES organisatie(id),
        PRIMARY KEY (evaluatie_id, afspraak_id)
      )`);
    await q.query(`
      CREATE TABLE geschil (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        prestatieafspraak_id uuid NOT NULL REFERENCES prestatieafspraak(id),
        onderwerp text NOT NULL CHECK (onderwerp IN ('INHOUD','NAKOMING')),
        omschrijving text NOT NULL CHECK (length(omschrijving) BETWEEN 1 AND 4000),
        ingediend_op date NOT NULL,
        ingediend_door_id uuid NOT NULL REFERENCES organisatie(id),
        status text NOT NULL DEFAULT 'INGEDIEND' CHECK (status IN ('INGEDIEND','IN_BEHANDELING','UITSPRAAK','INGETROKKEN')),
        uitkomst text CHECK (length(uitkomst) <= 4000),
        versie integer NOT NULL DEFAULT 1 CHECK (versie >= 1),
        aangemaakt_op timestamptz NOT NULL DEFAULT now(),
        gewijzigd_op timestamptz NOT NULL DEFAULT now(),
        CHECK (status <> 'UITSPRAAK' OR uitkomst IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX geschil_pa_idx ON geschil (prestatieafspraak_id)`);
    await q.query(`CREATE INDEX evaluatie_regel_afspraak_idx ON evaluatie_regel (afspraak_id)`);

    // --- look-ups for the policies ------------------------------------------------------------
    await q.query(`
      CREATE FUNCTION tm_bod_leesbaar(b uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
      SET search_path = public, pg_temp AS
      $$ SELECT EXISTS (SELECT 1 FROM bod x WHERE x.id = b
           AND (x.corporatie_id = tm_organisatie()
                OR (x.status = 'VERZONDEN' AND EXISTS (SELECT 1 FROM bod_ontvanger o
                                                         WHERE o.bod_id = x.id AND o.organisatie_id = tm_organisatie())))) $$`);
    await q.query(`
      CREATE FUNCTION tm_bod_eigen_concept(b uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
      SET search_path = public, pg_temp AS
      $$ SELECT EXISTS (SELECT 1 FROM bod x WHERE x.id = b AND x.status = 'CONCEPT' AND x.corporatie_id = tm_organisatie()) $$`);
    await q.query(`
      CREATE FUNCTION tm_evaluatie_partij(e uuid, alleen_concept boolean) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
      SET search_path = public, pg_temp AS
      $$ SELECT EXISTS (SELECT 1 FROM evaluatie x WHERE x.id = e AND tm_is_partij(x.prestatieafspraak_id)
           AND (NOT alleen_concept OR x.status = 'CONCEPT')) $$`);
    await q.query(`
      CREATE FUNCTION tm_vastgesteld_partij(pa uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
      SET search_path = public, pg_temp AS
      $$ SELECT EXISTS (SELECT 1 FROM prestatieafspraak p WHERE p.id = pa AND p.status = 'VASTGESTELD'
           AND tm_is_partij(p.id)) $$`);

    // The cycle calendar (readable by the gemeente's parties, its provincie and the Rijk) shows
    // WHEN a bod arrived; the bod's content stays with its corporatie and recipients. So only the
    // dates of sent boden, only for a gemeente in the caller's scope.
    await q.query(`
      CREATE FUNCTION tm_bod_verzonden_data(gemeente text, cyclusjaar integer) RETURNS SETOF date
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
      $$ SELECT (x.verzonden_op AT TIME ZONE 'Europe/Amsterdam')::date FROM bod x
         WHERE x.gemeente_code = gemeente AND x.jaar = cyclusjaar AND x.status = 'VERZONDEN'
           AND tm_organisatie() IS NOT NULL AND tm_gemeente_in_scope(gemeente) $$`);

    // --- grants ---------------------------------------------------------------------------------
    await q.query(`REVOKE ALL ON bod, bod_ontvanger, bod_regel, evaluatie, evaluatie_regel, geschil FROM thuismonitor_app`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON bod, evaluatie, geschil TO thuismonitor_app`);
    await q.query(`GRANT SELECT, INSERT, DELETE ON bod_ontvanger TO thuismonitor_app`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON bod_regel, evaluatie_regel TO thuismonitor_app`);

    for (const t of ['bod', 'bod_ontvanger', 'bod_regel', 'evaluatie', 'evaluatie_regel', 'geschil'])
      await q.query(`ALTER TABLE ${t} ENABLE ROW LEVEL SECURITY`);

    // bod: the corporatie's own; the recipients once sent
    await q.query(`
      CREATE POLICY bod_lezen ON bod FOR SELECT
        USING (corporatie_id = tm_organisatie() OR tm_bod_leesbaar(id))`);
    await q.query(`
      CREATE POLICY bod_maken ON bod FOR INSERT
        WITH CHECK (corporatie_id = tm_organisatie() AND tm_organisatie_soort() = 'CORPORATIE'
                    AND status = 'CONCEPT' AND tm_gemeente_in_scope(gemeente_code))`);
    // edits and sending: the corporatie, while it is a concept (a sent bod is what was received)
    await q.query(`
      CREATE POLICY bod_bewerken ON bod FOR UPDATE
        USING (corporatie_id = tm_organisatie() AND status = 'CONCEPT')
        WITH CHECK (corporatie_id = tm_organisatie())`);
    for (const t of ['bod_ontvanger', 'bod_regel']) {
      await q.query(`CREATE POLICY ${t}_lezen ON ${t} FOR SELECT USING (tm_bod_leesbaar(bod_id))`);
      await q.query(`CREATE POLICY ${t}_maken ON ${t} FOR INSERT WITH CHECK (tm_bod_eigen_concept(bod_id))`);
      await q.query(`CREATE POLICY ${t}_verwijderen ON ${t} FOR DELETE USING (tm_bod_eigen_concept(bod_id))`);
    }
    await q.query(`
      CREATE POLICY bod_regel_wijzigen ON bod_regel FOR UPDATE
        USING (tm_bod_eigen_concept(bod_id)) WITH CHECK (tm_bod_eigen_concept(bod_id))`);

    // evaluatie: parties of the prestatieafspraak; lines change only in CONCEPT
    await q.query(`CREATE POLICY evaluatie_lezen ON evaluatie FOR SELECT USING (tm_is_partij(prestatieafspraak_id))`);
    await q.query(`CREATE POLICY evaluatie_maken ON evaluatie FOR INSERT WITH CHECK (tm_is_partij(prestatieafspraak_id) AND status = 'CONCEPT')`);
    await q.query(`
      CREATE POLICY evaluatie_bewerken ON evaluatie FOR UPDATE
        USING (tm_is_partij(prestatieafspraak_id) AND status = 'CONCEPT') WITH CHECK (tm_is_partij(prestatieafspraak_id))`);
    await q.query(`CREATE POLICY evaluatie_regel_lezen ON evaluatie_regel FOR SELECT USING (tm_evaluatie_partij(evaluatie_id, false))`);
    await q.query(`
      CREATE POLICY evaluatie_regel_schrijven ON evaluatie_regel FOR ALL
        USING (tm_evaluatie_partij(evaluatie_id, true))
        WITH CHECK (tm_evaluatie_partij(evaluatie_id, true) AND bijgewerkt_door_id = tm_organisatie())`);

    // geschil: parties register (as themselves) and keep status and outcome up to date
    await q.query(`CREATE POLICY geschil_lezen ON geschil FOR SELECT USING (tm_is_partij(prestatieafspraak_id))`);
    await q.query(`
      CREATE POLICY geschil_registreren ON geschil FOR INSERT
        WITH CHECK (tm_is_partij(prestatieafspraak_id) AND ingediend_door_id = tm_organisatie())`);
    await q.query(`
      CREATE POLICY geschil_bijwerken ON geschil FOR UPDATE
        USING (tm_is_partij(prestatieafspraak_id) AND status IN ('INGEDIEND','IN_BEHANDELING'))
        WITH CHECK (tm_is_partij(prestatieafspraak_id))`);

    // a huurdersorganisatie co-signs also after vaststelling
    await q.query(`DROP POLICY ondertekening_tekenen ON prestatieafspraak_ondertekening`);
    await q.query(`
      CREATE POLICY ondertekening_tekenen ON prestatieafspraak_ondertekening FOR INSERT
        WITH CHECK (organisatie_id = tm_organisatie()
                    AND (tm_ter_ondertekening_partij(prestatieafspraak_id)
                         OR (tm_organisatie_soort() = 'HUURDERSORGANISATIE' AND tm_vastgesteld_partij(prestatieafspraak_id))))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP POLICY ondertekening_tekenen ON prestatieafspraak_ondertekening`);
    await q.query(`
      CREATE POLICY ondertekening_tekenen ON prestatieafspraak_ondertekening FOR INSERT
        WITH CHECK (organisatie_id = tm_organisatie() AND tm_ter_ondertekening_partij(prestatieafspraak_id))`);
    await q.query(`ALTER TABLE prestatieafspraak DROP COLUMN bod_id`);
    await q.query(`DROP TABLE geschil, evaluatie_regel, evaluatie, bod_regel, bod_ontvanger, bod`);
    await q.query(`DROP FUNCTION tm_bod_leesbaar(uuid), tm_bod_eigen_concept(uuid), tm_evaluatie_partij(uuid, boolean), tm_vastgesteld_partij(uuid), tm_bod_verzonden_data(text, integer)`);
  }
}
