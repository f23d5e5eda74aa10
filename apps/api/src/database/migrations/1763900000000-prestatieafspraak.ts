import type { MigrationInterface, QueryRunner } from 'typeorm';

const STATUSSEN = `('CONCEPT','TER_ONDERTEKENING','VASTGESTELD','BEEINDIGD')`;
const ACTIELIJNEN = `('VOLDOENDE_WONINGEN','EVENWICHTIGE_VERDELING','WONEN_ZORG_WELZIJN','PREVENTIE')`;
const AANDACHTSGROEPEN = `('STATUSHOUDERS','URGENTEN','UITSTROOM_INSTELLINGEN','DAK_EN_THUISLOZEN','ARBEIDSMIGRANTEN','STUDENTEN','WOONWAGENBEWONERS','OUDEREN')`;
const MIJLPAAL_STATUSSEN = `('NIET_GESTART','LOOPT','GEREED','VERTRAAGD')`;
const UUID = `'^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'`;

/**
 * Prestatieafspraken: versions with parties, afspraken with doelwaarden per year or a mijlpaal,
 * signatures and reacties. Row-level security (DESIGN §6):
 * - parties read and (in CONCEPT) change everything of their prestatieafspraak;
 * - the provincie of the gemeente and the Rijk read it once it has left CONCEPT;
 * - reacties and the audit trail are read by the parties only.
 * Party membership is looked up by SECURITY DEFINER functions (owned by the schema owner, so
 * they read prestatieafspraak_partij past its own policy); that keeps policies on the child
 * tables from recursing into each other. The same rules exist as pure functions in libs/auth
 * (policy.ts), which the service uses for clear errors.
 */
export class Prestatieafspraak1763900000000 implements MigrationInterface {
  name = 'Prestatieafspraak1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE prestatieafspraak (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        gemeente_code text NOT NULL REFERENCES gemeente(code),
        titel text NOT NULL CHECK (length(titel) BETWEEN 1 AND 200),
        jaar_van smallint NOT NULL CHECK (jaar_van BETWEEN 1000 AND 9999),
        jaar_tot smallint NOT NULL CHECK (jaar_tot BETWEEN 1000 AND 9999),
        status text NOT NULL DEFAULT 'CONCEPT' CHECK (status IN ${STATUSSEN}),
        is_bod boolean NOT NULL DEFAULT false,
        opgesteld_door_id uuid NOT NULL REFERENCES organisatie(id),
        -- optimistic concurrency: every change of content or status raises it
        versie integer NOT NULL DEFAULT 1 CHECK (versie >= 1),
        -- the document's version: a change after vaststelling is a new row with versienummer + 1
        versienummer integer NOT NULL DEFAULT 1 CHECK (versienummer >= 1),
        vorige_versie_id uuid UNIQUE REFERENCES prestatieafspraak(id),
        ingediend_op timestamptz,
        vastgesteld_op timestamptz,
        beeindigd_op timestamptz,
        beeindigd_reden text,
        aangemaakt_op timestamptz NOT NULL DEFAULT now(),
        gewijzigd_op timestamptz NOT NULL DEFAULT now(),
        CHECK (jaar_tot >= jaar_van AND jaar_tot - jaar_van < 10),
        CHECK ((vorige_versie_id IS NULL) = (versienummer = 1)),
        CHECK ((status IN ('VASTGESTELD','BEEINDIGD')) = (vastgesteld_op IS NOT NULL)),
        CHECK ((status = 'BEEINDIGD') = (beeindigd_op IS NOT NULL))
      )`);
    await q.query(
      `CREATE INDEX prestatieafspraak_gemeente_idx ON prestatieafspraak (gemeente_code, status, jaar_van, jaar_tot)`,
    );

    await q.query(`
      CREATE TABLE prestatieafspraak_partij (
        prestatieafspraak_id uuid NOT NULL REFERENCES prestatieafspraak(id) ON DELETE CASCADE,
        organisatie_id uuid NOT NULL REFERENCES organisatie(id),
        toegevoegd_op timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (prestatieafspraak_id, organisatie_id)
      )`);
    await q.query(
      `CREATE INDEX prestatieafspraak_partij_organisatie_idx ON prestatieafspraak_partij (organisatie_id, prestatieafspraak_id)`,
    );

    await q.query(`
      CREATE TABLE afspraak (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        prestatieafspraak_id uuid NOT NULL REFERENCES prestatieafspraak(id) ON DELETE CASCADE,
        volgnummer integer NOT NULL CHECK (volgnummer >= 1),
        actielijn text NOT NULL CHECK (actielijn IN ${ACTIELIJNEN}),
        aandachtsgroep text CHECK (aandachtsgroep IN ${AANDACHTSGROEPEN}),
        omschrijving text NOT NULL CHECK (length(omschrijving) BETWEEN 1 AND 2000),
        soort text NOT NULL CHECK (soort IN ('INDICATOR','MIJLPAAL')),
        indicator_code text,
        catalogus_versie text,
        mijlpaal_datum date,
        mijlpaal_status text CHECK (mijlpaal_status IN ${MIJLPAAL_STATUSSEN}),
        mijlpaal_toelichting text CHECK (length(mijlpaal_toelichting) <= 500),
        mijlpaal_gereed_op date,
        mijlpaal_bijgewerkt_op timestamptz,
        verantwoordelijke_id uuid NOT NULL,
        -- the afspraak of the previous version this one was copied from (progress continues)
        vorige_afspraak_id uuid REFERENCES afspraak(id) ON DELETE SET NULL,
        aangemaakt_op timestamptz NOT NULL DEFAULT now(),
        UNIQUE (prestatieafspraak_id, volgnummer),
        -- the responsible party must be a party; removing it while responsible is refused
        FOREIGN KEY (prestatieafspraak_id, verantwoordelijke_id)
          REFERENCES prestatieafspraak_partij (prestatieafspraak_id, organisatie_id),
        CHECK ((indicator_code IS NULL) = (catalogus_versie IS NULL)),
        CHECK (
          (soort = 'INDICATOR' AND indicator_code IS NOT NULL AND mijlpaal_datum IS NULL AND mijlpaal_status IS NULL)
          OR (soort = 'MIJLPAAL' AND mijlpaal_datum IS NOT NULL AND mijlpaal_status IS NOT NULL)),
        CHECK ((mijlpaal_status = 'GEREED') = (mijlpaal_gereed_op IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX afspraak_verantwoordelijke_idx ON afspraak (verantwoordelijke_id)`);
    await q.query(
      `CREATE INDEX afspraak_indicator_idx ON afspraak (indicator_code) WHERE indicator_code IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE afspraak_doelwaarde (
        afspraak_id uuid NOT NULL REFERENCES afspraak(id) ON DELETE CASCADE,
        -- denormalised so the row-level policy needs no join
        prestatieafspraak_id uuid NOT NULL REFERENCES prestatieafspraak(id) ON DELETE CASCADE,
        jaar smallint NOT NULL,
        waarde numeric(14,2) NOT NULL CHECK (waarde >= 0),
        peildatum date NOT NULL,
        PRIMARY KEY (afspraak_id, jaar),
        CHECK (extract(year FROM peildatum) = jaar)
      )`);
    await q.query(`CREATE INDEX afspraak_doelwaarde_pa_idx ON afspraak_doelwaarde (prestatieafspraak_id)`);

    await q.query(`
      CREATE TABLE prestatieafspraak_ondertekening (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        prestatieafspraak_id uuid NOT NULL REFERENCES prestatieafspraak(id) ON DELETE CASCADE,
        organisatie_id uuid NOT NULL,
        getekend_door_sub text NOT NULL,
        getekend_door text NOT NULL,
        getekend_op timestamptz NOT NULL DEFAULT now(),
        -- the content revision the signer saw
        versie integer NOT NULL,
        -- one signature per party: two signers of one organisation cannot both count
        UNIQUE (prestatieafspraak_id, organisatie_id),
        FOREIGN KEY (prestatieafspraak_id, organisatie_id)
          REFERENCES prestatieafspraak_partij (prestatieafspraak_id, organisatie_id)
      )`);

    await q.query(`
      CREATE TABLE prestatieafspraak_reactie (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        prestatieafspraak_id uuid NOT NULL REFERENCES prestatieafspraak(id) ON DELETE CASCADE,
        -- a reactie on one afspraak; kept (on the whole prestatieafspraak) if the afspraak is removed
        afspraak_id uuid REFERENCES afspraak(id) ON DELETE SET NULL,
        organisatie_id uuid NOT NULL REFERENCES organisatie(id),
        auteur_sub text NOT NULL,
        auteur text NOT NULL,
        tekst text NOT NULL CHECK (length(tekst) BETWEEN 1 AND 2000),
        geplaatst_op timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX prestatieafspraak_reactie_pa_idx ON prestatieafspraak_reactie (prestatieafspraak_id, geplaatst_op)`,
    );

    // Membership and status lookups for the policies below. SECURITY DEFINER with a fixed
    // search_path: they run as the schema owner (not bound by RLS) and only answer yes/no for the
    // organisation in tm.organisatie_id.
    await q.query(`
      CREATE FUNCTION tm_is_partij(pa uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
      SET search_path = public, pg_temp AS
      $$ SELECT EXISTS (SELECT 1 FROM prestatieafspraak_partij
                        WHERE prestatieafspraak_id = pa AND organisatie_id = tm_organisatie()) $$`);
    await q.query(`
      CREATE FUNCTION tm_prestatieafspraak_leesbaar(pa uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
      SET search_path = public, pg_temp AS
      $$ SELECT EXISTS (SELECT 1 FROM prestatieafspraak p WHERE p.id = pa
           AND (tm_is_partij(p.id)
                OR (tm_organisatie_soort() IN ('PROVINCIE','RIJK') AND p.status <> 'CONCEPT'
                    AND tm_gemeente_in_scope(p.gemeente_code)))) $$`);
    // Content may change only in CONCEPT, by a party (or the drafter, while adding the first parties).
    await q.query(`
      CREATE FUNCTION tm_concept_bewerkbaar(pa uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
      SET search_path = public, pg_temp AS
      $$ SELECT EXISTS (SELECT 1 FROM prestatieafspraak p WHERE p.id = pa AND p.status = 'CONCEPT'
           AND (p.opgesteld_door_id = tm_organisatie() OR tm_is_partij(p.id))) $$`);
    await q.query(`
      CREATE FUNCTION tm_ter_ondertekening_partij(pa uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
      SET search_path = public, pg_temp AS
      $$ SELECT EXISTS (SELECT 1 FROM prestatieafspraak p WHERE p.id = pa AND p.status = 'TER_ONDERTEKENING'
           AND tm_is_partij(p.id)) $$`);
    // Audit rows of a prestatieafspraak (entiteit_id is text; only well-formed ids are cast).
    await q.query(`
      CREATE FUNCTION tm_audit_van_partij(entiteit text, entiteit_id text) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
      SET search_path = public, pg_temp AS
      $$ SELECT CASE WHEN entiteit = 'prestatieafspraak' AND entiteit_id ~ ${UUID}
                     THEN tm_is_partij(entiteit_id::uuid) ELSE false END $$`);

    /**
     * The last signature of a new version ends the version it replaces (the state machine's
     * BEEINDIGEN step), and carries over mijlpaal reports made on the old version meanwhile.
     * Done as the owner because the signer of the new version need not be a party to the old one
     * (parties can change between versions) and so may not see it. It acts only for a party of
     * a VASTGESTELDE new version whose predecessor is still VASTGESTELD; returns the ended id.
     */
    await q.query(`
      CREATE FUNCTION tm_vervang_vorige_versie(opvolger uuid) RETURNS uuid LANGUAGE plpgsql VOLATILE SECURITY DEFINER
      SET search_path = public, pg_temp AS
      $$
      DECLARE
        vorige uuid;
        nummer integer;
      BEGIN
        SELECT o.vorige_versie_id, o.versienummer INTO vorige, nummer FROM prestatieafspraak o
          WHERE o.id = opvolger AND o.status = 'VASTGESTELD' AND tm_is_partij(o.id);
        IF vorige IS NULL THEN
          RETURN NULL;
        END IF;
        UPDATE afspraak n
           SET mijlpaal_status = v.mijlpaal_status, mijlpaal_toelichting = v.mijlpaal_toelichting,
               mijlpaal_gereed_op = v.mijlpaal_gereed_op, mijlpaal_bijgewerkt_op = v.mijlpaal_bijgewerkt_op
          FROM afspraak v
         WHERE n.prestatieafspraak_id = opvolger AND v.id = n.vorige_afspraak_id
           AND n.soort = 'MIJLPAAL' AND v.soort = 'MIJLPAAL'
           AND v.mijlpaal_bijgewerkt_op > coalesce(n.mijlpaal_bijgewerkt_op, '-infinity'::timestamptz);
        UPDATE prestatieafspraak
           SET status = 'BEEINDIGD', beeindigd_op = now(), gewijzigd_op = now(), versie = versie + 1,
               beeindigd_reden = 'Vervangen door versie ' || nummer
         WHERE id = vorige AND status = 'VASTGESTELD';
        IF NOT FOUND THEN
          RETURN NULL;
        END IF;
        RETURN vorige;
      END
      $$`);

    for (const t of [
      'prestatieafspraak',
      'prestatieafspraak_partij',
      'afspraak',
      'afspraak_doelwaarde',
      'prestatieafspraak_ondertekening',
      'prestatieafspraak_reactie',
    ]) {
      await q.query(`ALTER TABLE ${t} ENABLE ROW LEVEL SECURITY`);
    }

    await q.query(`
      CREATE POLICY prestatieafspraak_lezen ON prestatieafspraak FOR SELECT
        USING (tm_is_partij(id)
               OR (tm_organisatie_soort() IN ('PROVINCIE','RIJK') AND status <> 'CONCEPT' AND tm_gemeente_in_scope(gemeente_code)))`);
    // A new prestatieafspraak: a gemeente or corporatie for a gemeente in its scope; a new version:
    // a party of the version it replaces. Always as CONCEPT, drafted by the inserting organisation.
    await q.query(`
      CREATE POLICY prestatieafspraak_starten ON prestatieafspraak FOR INSERT
        WITH CHECK (opgesteld_door_id = tm_organisatie() AND status = 'CONCEPT'
          AND ((vorige_versie_id IS NULL AND tm_organisatie_soort() IN ('GEMEENTE','CORPORATIE') AND tm_gemeente_in_scope(gemeente_code))
               OR (vorige_versie_id IS NOT NULL AND tm_is_partij(vorige_versie_id))))`);
    await q.query(`
      CREATE POLICY prestatieafspraak_bewerken ON prestatieafspraak FOR UPDATE
        USING (tm_is_partij(id)) WITH CHECK (tm_is_partij(id))`);

    await q.query(
      `CREATE POLICY partij_lezen ON prestatieafspraak_partij FOR SELECT USING (tm_prestatieafspraak_leesbaar(prestatieafspraak_id))`,
    );
    await q.query(
      `CREATE POLICY partij_toevoegen ON prestatieafspraak_partij FOR INSERT WITH CHECK (tm_concept_bewerkbaar(prestatieafspraak_id))`,
    );
    await q.query(
      `CREATE POLICY partij_verwijderen ON prestatieafspraak_partij FOR DELETE USING (tm_concept_bewerkbaar(prestatieafspraak_id))`,
    );

    await q.query(
      `CREATE POLICY afspraak_lezen ON afspraak FOR SELECT USING (tm_prestatieafspraak_leesbaar(prestatieafspraak_id))`,
    );
    await q.query(
      `CREATE POLICY afspraak_toevoegen ON afspraak FOR INSERT WITH CHECK (tm_concept_bewerkbaar(prestatieafspraak_id))`,
    );
    await q.query(
      `CREATE POLICY afspraak_verwijderen ON afspraak FOR DELETE USING (tm_concept_bewerkbaar(prestatieafspraak_id))`,
    );
    // Updates: content in CONCEPT and mijlpaal reports later; the service decides which columns.
    await q.query(`
      CREATE POLICY afspraak_wijzigen ON afspraak FOR UPDATE
        USING (tm_is_partij(prestatieafspraak_id)) WITH CHECK (tm_is_partij(prestatieafspraak_id))`);

    await q.query(
      `CREATE POLICY doelwaarde_lezen ON afspraak_doelwaarde FOR SELECT USING (tm_prestatieafspraak_leesbaar(prestatieafspraak_id))`,
    );
    await q.query(`
      CREATE POLICY doelwaarde_schrijven ON afspraak_doelwaarde FOR ALL
        USING (tm_concept_bewerkbaar(prestatieafspraak_id)) WITH CHECK (tm_concept_bewerkbaar(prestatieafspraak_id))`);

    await q.query(
      `CREATE POLICY ondertekening_lezen ON prestatieafspraak_ondertekening FOR SELECT USING (tm_prestatieafspraak_leesbaar(prestatieafspraak_id))`,
    );
    // A party signs for itself only, only while TER_ONDERTEKENING.
    await q.query(`
      CREATE POLICY ondertekening_tekenen ON prestatieafspraak_ondertekening FOR INSERT
        WITH CHECK (organisatie_id = tm_organisatie() AND tm_ter_ondertekening_partij(prestatieafspraak_id))`);
    // Withdrawing the proposal voids the signatures collected so far (recorded in the audit log).
    await q.query(`
      CREATE POLICY ondertekening_vervallen ON prestatieafspraak_ondertekening FOR DELETE
        USING (tm_ter_ondertekening_partij(prestatieafspraak_id))`);

    await q.query(
      `CREATE POLICY reactie_lezen ON prestatieafspraak_reactie FOR SELECT USING (tm_is_partij(prestatieafspraak_id))`,
    );
    await q.query(`
      CREATE POLICY reactie_plaatsen ON prestatieafspraak_reactie FOR INSERT
        WITH CHECK (organisatie_id = tm_organisatie() AND tm_is_partij(prestatieafspraak_id))`);

    // Widens the audit log (own organisation's rows) with the history of the prestatieafspraken
    // the organisation is a party to, whoever wrote those rows.
    await q.query(`
      CREATE POLICY audit_log_prestatieafspraak_partij ON audit_log FOR SELECT
        USING (tm_audit_van_partij(entiteit, entiteit_id))`);

    // Signatures and reacties are never edited; prestatieafspraken are never deleted (history).
    await q.query(`REVOKE UPDATE ON prestatieafspraak_ondertekening FROM thuismonitor_app`);
    await q.query(`REVOKE UPDATE, DELETE ON prestatieafspraak_reactie FROM thuismonitor_app`);
    await q.query(`REVOKE DELETE ON prestatieafspraak FROM thuismonitor_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP POLICY audit_log_prestatieafspraak_partij ON audit_log`);
    await q.query(
      `DROP TABLE prestatieafspraak_reactie, prestatieafspraak_ondertekening, afspraak_doelwaarde, afspraak, prestatieafspraak_partij, prestatieafspraak`,
    );
    await q.query(`DROP FUNCTION tm_vervang_vorige_versie(uuid), tm_audit_van_partij(text, text), tm_ter_ondertekening_partij(uuid),
      tm_concept_bewerkbaar(uuid), tm_prestatieafspraak_leesbaar(uuid), tm_is_partij(uuid)`);
  }
}
