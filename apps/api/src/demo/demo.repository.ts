import type { Beheer } from '../database/beheer';
import { qb, sql, voerUitAantal, voerUitEerste } from '../database/query';

/**
 * SQL of the demo data (demo-seeder.ts, demo-realisatie.ts), on the schema owner's manager
 * (database/beheer.ts), inside a transaction of it. Set-based and deterministic (no random()).
 */

/** Upserts an organisation by code (a changed name is taken over); its id. */
export async function bewaarOrganisatie(
  m: Beheer,
  o: { code: string; soort: string; naam: string; gemeenteCode: string | null; provincieCode: string | null },
): Promise<string> {
  const rij = await voerUitEerste(
    m,
    qb
      .insertInto('organisatie')
      .values({
        code: o.code,
        soort: o.soort,
        naam: o.naam,
        gemeente_code: o.gemeenteCode,
        provincie_code: o.provincieCode,
      })
      .onConflict((oc) => oc.column('code').doUpdateSet((eb) => ({ naam: eb.ref('excluded.naam') })))
      .returning('id'),
  );
  return rij!.id;
}

export async function voegWerkgebiedToe(
  m: Beheer,
  organisatieId: string,
  gemeenten: string[],
): Promise<void> {
  await voerUitAantal(
    m,
    sql`INSERT INTO organisatie_werkgebied (organisatie_id, gemeente_code)
        SELECT ${organisatieId}, unnest(${gemeenten}::text[]) ON CONFLICT DO NOTHING`,
  );
}

/** Every gemeente and provincie as an organisation of its own kind, and the Rijk (BZK). */
export async function voegOverheidsorganisatiesToe(m: Beheer): Promise<void> {
  await voerUitAantal(
    m,
    sql`INSERT INTO organisatie (code, soort, naam, gemeente_code)
        SELECT code, 'GEMEENTE', 'Gemeente ' || naam, code FROM gemeente
        ON CONFLICT DO NOTHING`,
  );
  await voerUitAantal(
    m,
    sql`INSERT INTO organisatie (code, soort, naam, provincie_code)
        SELECT code, 'PROVINCIE', 'Provincie ' || naam, code FROM provincie
        ON CONFLICT DO NOTHING`,
  );
  await voerUitAantal(
    m,
    qb
      .insertInto('organisatie')
      .values({
        code: 'BZK',
        soort: 'RIJK',
        naam: 'Ministerie van Binnenlandse Zaken en Koninkrijksrelaties',
      })
      .onConflict((oc) => oc.doNothing()),
  );
}

/** Whether the demo corporatie Domstad (L0801) already has any toewijzing. */
export async function heeftDemoToewijzingen(m: Beheer): Promise<boolean> {
  const rij = await voerUitEerste(
    m,
    qb
      .selectFrom('toewijzing as t')
      .innerJoin('organisatie as o', 'o.id', 't.corporatie_id')
      .select(sql<number>`1`.as('een'))
      .where('o.code', '=', 'L0801')
      .limit(1),
  );
  return rij !== undefined;
}

export async function organisatieId(m: Beheer, code: string): Promise<string | undefined> {
  return (await voerUitEerste(m, qb.selectFrom('organisatie').select('id').where('code', '=', code)))?.id;
}

/** Toewijzingen since 2025: about 8% to statushouders, 10% urgent, the rest spread over the other groups. */
export async function voegDemoToewijzingenToe(
  m: Beheer,
  domstad: string,
  eemland: string,
  vandaag: string,
): Promise<void> {
  await voerUitAantal(
    m,
    sql`INSERT INTO toewijzing (corporatie_id, gemeente_code, datum, aandachtsgroep, huishoudgrootte, segment, via_urgentie, extern_kenmerk)
       SELECT c.corp, c.gemeente, date '2025-01-01' + (n * 7919 % ((${vandaag}::date - date '2025-01-01') + 1)),
              (ARRAY['STATUSHOUDERS', NULL, 'URGENTEN', NULL, 'OUDEREN', NULL, 'STUDENTEN', NULL, 'UITSTROOM_INSTELLINGEN', NULL,
                     'DAK_EN_THUISLOZEN', NULL, 'ARBEIDSMIGRANTEN'])[1 + (n * 31 % 13)],
              1 + (n * 17 % 5), CASE WHEN n % 9 = 0 THEN 'MIDDENHUUR' ELSE 'SOCIALE_HUUR' END, n * 31 % 13 = 2,
              -- kenmerken are stored only as 64-hex hashes (docs/privacy.md); demo rows look the same
              encode(sha256(convert_to('DEMO-' || c.gemeente || '-' || n, 'UTF8')), 'hex')
       FROM (VALUES (${domstad}::uuid, 'GM0344', 900), (${domstad}::uuid, 'GM0356', 160), (${domstad}::uuid, 'GM1904', 140),
                    (${eemland}::uuid, 'GM0307', 420), (${eemland}::uuid, 'GM0327', 60)) AS c(corp, gemeente, aantal),
            LATERAL generate_series(1, c.aantal) n`,
  );
}

/** A few nieuwbouwprojecten; each phase has the dates it needs (VERGUND on, a vergund_op, …). */
export async function voegDemoNieuwbouwToe(m: Beheer, domstad: string, eemland: string): Promise<void> {
  const project = (
    naam: string,
    gemeente: string,
    eigenaar: string,
    fase: string,
    [sociaal, midden, koop, aandacht, nultreden]: number[],
    [plan, vergund, start, opgeleverd]: (string | null)[],
  ) => ({
    naam,
    gemeente_code: gemeente,
    eigenaar_id: eigenaar,
    fase,
    woningen_sociale_huur: sociaal,
    woningen_middenhuur: midden,
    woningen_koop_betaalbaar: koop,
    woningen_aandachtsgroepen: aandacht,
    woningen_nultreden: nultreden,
    plan_datum: plan,
    vergund_op: vergund,
    start_bouw_op: start,
    opgeleverd_op: opgeleverd,
  });
  await voerUitAantal(
    m,
    qb
      .insertInto('nieuwbouwproject')
      .values([
        project(
          'Merwedekanaalzone blok 4',
          'GM0344',
          domstad,
          'OPGELEVERD',
          [120, 40, 0, 24, 30],
          ['2022-03-01', '2023-01-15', '2023-09-01', '2026-03-20'],
        ),
        project(
          'Leidsche Rijn Centrum Noord',
          'GM0344',
          domstad,
          'IN_AANBOUW',
          [210, 60, 30, 40, 50],
          ['2023-05-01', '2024-06-01', '2025-04-01', null],
        ),
        project(
          'Kanaleneiland flexwonen',
          'GM0344',
          domstad,
          'OPGELEVERD',
          [64, 0, 0, 64, 0],
          ['2024-01-10', '2024-08-01', '2025-02-01', '2025-11-14'],
        ),
        project(
          'Galecopperzoom',
          'GM0356',
          domstad,
          'VERGUND',
          [80, 20, 0, 10, 20],
          ['2024-09-01', '2025-10-01', null, null],
        ),
        project(
          'Amersfoort Vathorst west',
          'GM0307',
          eemland,
          'OPGELEVERD',
          [96, 24, 12, 16, 24],
          ['2022-11-01', '2023-10-01', '2024-06-01', '2026-06-30'],
        ),
        project(
          'Leusden Biezenkamp',
          'GM0327',
          eemland,
          'PLAN',
          [40, 10, 0, 4, 12],
          ['2026-02-01', null, null, null],
        ),
      ]),
  );
}

/** Quarterly figures up to the last ended quarter: stock of sociale huur, total stock, zorgvraag, huisuitzettingen. */
export async function voegDemoKwartaalcijfersToe(
  m: Beheer,
  o: { domstad: string; eemland: string; utrecht: string; zorg: string },
  vandaag: string,
): Promise<void> {
  await voerUitAantal(
    m,
    sql`INSERT INTO kwartaalcijfer (indicator_code, organisatie_id, gemeente_code, jaar, kwartaal, waarde)
       SELECT v.indicator, v.org, v.gemeente, k / 4, k % 4 + 1, v.basis + (k - 8100) * v.groei
       FROM (VALUES ('SOCIALE_HUURVOORRAAD', ${o.domstad}::uuid, 'GM0344', 48200, 35), ('SOCIALE_HUURVOORRAAD', ${o.eemland}::uuid, 'GM0307', 18100, 12),
                    ('WONINGVOORRAAD_TOTAAL', ${o.utrecht}::uuid, 'GM0344', 166000, 420),
                    ('UITSTROOM_WACHTEND', ${o.zorg}::uuid, 'GM0344', 46, -1), ('UITSTROOM_WACHTEND', ${o.zorg}::uuid, 'GM0307', 19, 0),
                    ('HUISUITZETTINGEN', ${o.domstad}::uuid, 'GM0344', 9, 0)) AS v(indicator, org, gemeente, basis, groei),
            generate_series(8100, (extract(year FROM ${vandaag}::date)::int * 4 + (extract(month FROM ${vandaag}::date)::int - 1) / 3) - 1) k`,
  );
}

/** The statushouders taakstelling per gemeente per half year (Rijk), about 1 person per 1,400 inwoners. */
export async function voegDemoStatushoudersTaakToe(m: Beheer, bzk: string): Promise<void> {
  await voerUitAantal(
    m,
    sql`INSERT INTO taakstelling (indicator_code, gebied_soort, gebied_code, periode_van, periode_tot, waarde, gesteld_door_id, toelichting)
       SELECT 'STATUSHOUDERS_GEHUISVEST', 'GEMEENTE', g.code, h.van, (h.van + interval '6 months - 1 day')::date,
              greatest(1, round(coalesce(g.inwoners, 20000) / 1400.0)), ${bzk}, 'Demo: halfjaarlijkse taakstelling'
       FROM gemeente g, (VALUES (date '2025-01-01'), (date '2025-07-01'), (date '2026-01-01'), (date '2026-07-01')) AS h(van)`,
  );
}

/**
 * The provincie's targets for the demo gemeenten: sociale huur opgeleverd in 2026, and the
 * woondeal 2022–2030 per gemeente (total, of which betaalbaar, of which sociale huur).
 */
export async function voegDemoProvincieTakenToe(m: Beheer, provincie: string): Promise<void> {
  await voerUitAantal(
    m,
    sql`INSERT INTO taakstelling (indicator_code, gebied_soort, gebied_code, periode_van, periode_tot, waarde, gesteld_door_id, toelichting)
       SELECT 'SOCIALE_HUURWONINGEN_OPGELEVERD', 'GEMEENTE', c, '2026-01-01', '2026-12-31', w, ${provincie}, 'Demo: provinciale taakstelling'
       FROM (VALUES ('GM0344', 400), ('GM0356', 90), ('GM1904', 60), ('GM0307', 150), ('GM0327', 30)) AS t(c, w)`,
  );
  await voerUitAantal(
    m,
    sql`INSERT INTO taakstelling (indicator_code, gebied_soort, gebied_code, periode_van, periode_tot, waarde, gesteld_door_id, toelichting)
       SELECT i.code, 'GEMEENTE', t.c, '2022-01-01', '2030-12-31', round(t.w * i.deel), ${provincie}, 'Demo: woondeal 2022–2030'
       FROM (VALUES ('GM0344', 30000), ('GM0356', 4200), ('GM1904', 2100), ('GM0307', 9000), ('GM0327', 1500)) AS t(c, w),
            (VALUES ('WONINGEN_OPGELEVERD', 1.0), ('BETAALBARE_WONINGEN_OPGELEVERD', 2.0 / 3), ('SOCIALE_HUURWONINGEN_OPGELEVERD', 0.3)) AS i(code, deel)`,
  );
}
