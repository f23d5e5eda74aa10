import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 12, items 1 and 2 (docs/decisions.md "Regime by date", "Volkshuisvestingsprogramma").
 *
 * - volkshuisvesting_regime: the rules of the cycle per legal regime with their validity dates.
 *   Reference data: every signed-in organisation reads it; only the Rijk's platform operator changes
 *   the validity dates (the service checks the role; RLS allows the UPDATE only in a RIJK
 *   transaction, and the grant covers only the two date columns). The rules themselves change only
 *   by migration, with their sources.
 *   The Wet versterking regie volkshuisvesting starts without a date: at the time of writing it was
 *   not yet in the Staatsblad (Tweede Kamer adopted it in July 2025; the novelle 36881 was in the
 *   Tweede Kamer in January 2026; the government aimed at 1 July 2026), so the operator sets the
 *   date of the inwerkingtredingsbesluit.
 * - volkshuisvestingsprogramma: one current record per gemeente, provincie or the Rijk, written only
 *   by that organisation; read under the area rule (gebiedZichtbaar): a gemeente's programme by
 *   whoever has the gemeente in scope, a provincie's by whoever has all its gemeenten in scope, the
 *   Rijk's by the Rijk. History: the audit log (before/after of every change).
 */
export class VolkshuisvestingRegime1766200000000 implements MigrationInterface {
  name = 'VolkshuisvestingRegime1766200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE volkshuisvesting_regime (
        code text PRIMARY KEY CHECK (code IN ('WONINGWET_2015','WET_VERSTERKING_REGIE')),
        volgorde integer NOT NULL UNIQUE,
        naam text NOT NULL,
        geldig_van date,
        geldig_tot date,
        beoogde_inwerkingtreding date,
        bod_deadline text NOT NULL CHECK (bod_deadline ~ '^[0-9]{2}-[0-9]{2}$'),
        geschil_van text NOT NULL CHECK (geschil_van ~ '^[0-9]{2}-[0-9]{2}$'),
        geschil_tot text NOT NULL CHECK (geschil_tot ~ '^[0-9]{2}-[0-9]{2}$'),
        geschil_onderwerpen text[] NOT NULL CHECK (geschil_onderwerpen <@ ARRAY['INHOUD','NAKOMING']::text[]),
        bod_grondslag text NOT NULL,
        programma_verplicht boolean NOT NULL,
        woonzorg text NOT NULL CHECK (woonzorg IN ('WOONZORGVISIE_BELEID','VOLKSHUISVESTINGSPROGRAMMA')),
        bronnen text NOT NULL,
        CHECK (geldig_tot IS NULL OR geldig_van IS NULL OR geldig_tot >= geldig_van)
      )`);
    await q.query(
      `INSERT INTO volkshuisvesting_regime VALUES
        ('WONINGWET_2015', 1, 'Woningwet (herziening 2015)', '2015-07-01', NULL, NULL, '07-01', '07-01', '01-29',
         ARRAY['INHOUD'], 'het volkshuisvestingsbeleid (woonvisie) van de gemeente', false, 'WOONZORGVISIE_BELEID',
         $1),
        ('WET_VERSTERKING_REGIE', 2, 'Wet versterking regie volkshuisvesting', NULL, NULL, '2026-07-01', '07-01', '07-01', '01-29',
         ARRAY['INHOUD','NAKOMING'], 'het volkshuisvestingsprogramma van de gemeente', true, 'VOLKSHUISVESTINGSPROGRAMMA',
         $2)`,
      [
        'Woningwet art. 42 (toegelaten instelling werkt naar het volkshuisvestingsbeleid van de gemeente), art. 43 en 44 ' +
          '(bod: overzicht van voorgenomen werkzaamheden vóór 1 juli aan gemeente en huurdersorganisaties; ' +
          'geschil over de inhoud van de prestatieafspraken). Woonzorgvisie: beleid van het programma ' +
          '"Een thuis voor iedereen" (Kamerstukken 32847-883), geen wettelijke plicht.',
        'Wet versterking regie volkshuisvesting, Kamerstukken 36512 (MvT 36512-3 §2.2.3 prestatieafspraken, ' +
          'geschillen ook over nakoming; §3.1.4 verplicht volkshuisvestingsprogramma voor gemeente, provincie en Rijk, ' +
          'woonzorg als onderdeel) en novelle 36881. Inwerkingtreding bij koninklijk besluit; beoogd 1 juli 2026 ' +
          '(rijksoverheid.nl, 19 december 2025).',
      ],
    );

    await q.query(`
      CREATE TABLE volkshuisvestingsprogramma (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisatie_id uuid NOT NULL UNIQUE REFERENCES organisatie(id),
        gebied_soort text NOT NULL CHECK (gebied_soort IN ('GEMEENTE','PROVINCIE','LAND')),
        gebied_code text NOT NULL,
        status text NOT NULL CHECK (status IN ('IN_VOORBEREIDING','VASTGESTELD','HERZIEN')),
        titel text NOT NULL CHECK (length(titel) BETWEEN 1 AND 200),
        vastgesteld_op date,
        herzien_op date,
        jaar_van integer,
        jaar_tot integer,
        woonzorg_opgenomen boolean NOT NULL,
        woonzorg_toelichting text CHECK (length(woonzorg_toelichting) <= 4000),
        document_url text CHECK (document_url ~ '^https?://'),
        versie integer NOT NULL DEFAULT 1,
        gebruiker text NOT NULL,
        gewijzigd_op timestamptz NOT NULL DEFAULT clock_timestamp(),
        UNIQUE (gebied_soort, gebied_code),
        CHECK ((status = 'IN_VOORBEREIDING') = (vastgesteld_op IS NULL)),
        CHECK ((status = 'HERZIEN') = (herzien_op IS NOT NULL)),
        CHECK (herzien_op IS NULL OR herzien_op > vastgesteld_op),
        CHECK (jaar_tot IS NULL OR jaar_van IS NULL OR jaar_tot >= jaar_van)
      )`);

    await q.query(`REVOKE ALL ON volkshuisvesting_regime, volkshuisvestingsprogramma FROM thuismonitor_app`);
    await q.query(`GRANT SELECT ON volkshuisvesting_regime TO thuismonitor_app`);
    await q.query(`GRANT UPDATE (geldig_van, geldig_tot) ON volkshuisvesting_regime TO thuismonitor_app`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON volkshuisvestingsprogramma TO thuismonitor_app`);

    await q.query(`ALTER TABLE volkshuisvesting_regime ENABLE ROW LEVEL SECURITY`);
    // reference data: readable on the public path too (no tenant settings), like gemeenten
    await q.query(`CREATE POLICY volkshuisvesting_regime_lezen ON volkshuisvesting_regime FOR SELECT USING (true)`);
    await q.query(`
      CREATE POLICY volkshuisvesting_regime_zetten ON volkshuisvesting_regime FOR UPDATE
        USING (tm_organisatie_soort() = 'RIJK') WITH CHECK (tm_organisatie_soort() = 'RIJK')`);

    await q.query(`ALTER TABLE volkshuisvestingsprogramma ENABLE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY volkshuisvestingsprogramma_lezen ON volkshuisvestingsprogramma FOR SELECT
        USING (tm_organisatie() IS NOT NULL AND CASE gebied_soort
          WHEN 'GEMEENTE' THEN tm_gemeente_in_scope(gebied_code)
          WHEN 'PROVINCIE' THEN NOT EXISTS (SELECT 1 FROM gemeente g
                                            WHERE g.provincie_code = gebied_code AND NOT tm_gemeente_in_scope(g.code))
          ELSE tm_organisatie_soort() = 'RIJK' END)`);
    // only the organisation itself, for its own area
    const eigen = `organisatie_id = tm_organisatie() AND CASE gebied_soort
          WHEN 'GEMEENTE' THEN tm_organisatie_soort() = 'GEMEENTE'
               AND gebied_code = (SELECT o.gemeente_code FROM organisatie o WHERE o.id = tm_organisatie())
          WHEN 'PROVINCIE' THEN tm_organisatie_soort() = 'PROVINCIE'
               AND gebied_code = (SELECT o.provincie_code FROM organisatie o WHERE o.id = tm_organisatie())
          ELSE tm_organisatie_soort() = 'RIJK' AND gebied_code = 'NL' END`;
    await q.query(
      `CREATE POLICY volkshuisvestingsprogramma_maken ON volkshuisvestingsprogramma FOR INSERT WITH CHECK (${eigen})`,
    );
    await q.query(
      `CREATE POLICY volkshuisvestingsprogramma_wijzigen ON volkshuisvestingsprogramma FOR UPDATE
         USING (${eigen}) WITH CHECK (${eigen})`,
    );

    // voortgang answers (and their whole-answer cache) show the programme count and the regime's
    // duty: a write to either table raises the data version (migration 1765400000003)
    for (const t of ['volkshuisvesting_regime', 'volkshuisvestingsprogramma'])
      await q.query(`
        CREATE TRIGGER tm_gegevens_gewijzigd AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${t}
          FOR EACH STATEMENT EXECUTE FUNCTION tm_gegevens_gewijzigd()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE volkshuisvestingsprogramma, volkshuisvesting_regime`);
  }
}
