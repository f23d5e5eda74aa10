import type { Beheer } from '../database/beheer';

/**
 * Demo figures so that the run command shows a living product: toewijzingen of the two demo
 * corporaties in their werkgebied since 2025, a few nieuwbouwprojecten, quarterly figures and the
 * statushouders taakstelling per gemeente. Deterministic (no random()), and only once: skipped as
 * soon as the demo corporatie has any toewijzing. Never used by the tests, which count rows.
 */
export async function seedDemoRealisatie(ds: Beheer, vandaag: string): Promise<boolean> {
  const [bestaand] = await ds.query(
    `SELECT 1 FROM toewijzing t JOIN organisatie o ON o.id = t.corporatie_id WHERE o.code = 'L0801' LIMIT 1`,
  );
  if (bestaand) return false;
  await ds.transaction(async (m) => {
    const ids = async (code: string) => (await m.query(`SELECT id FROM organisatie WHERE code = $1`, [code]))[0]?.id as string;
    const [domstad, eemland, bzk, pv26, utrecht, zorg] = await Promise.all(
      ['L0801', 'L0802', 'BZK', 'PV26', 'GM0344', 'ZA-STICHTWONEN'].map(ids),
    );
    if (!domstad || !eemland || !bzk || !pv26 || !utrecht || !zorg) return;

    // toewijzingen: about 8% to statushouders, 10% urgent, the rest spread over the other groups
    await m.query(
      `INSERT INTO toewijzing (corporatie_id, gemeente_code, datum, aandachtsgroep, huishoudgrootte, segment, via_urgentie, extern_kenmerk)
       SELECT c.corp, c.gemeente, date '2025-01-01' + (n * 7919 % (($3::date - date '2025-01-01') + 1)),
              (ARRAY['STATUSHOUDERS', NULL, 'URGENTEN', NULL, 'OUDEREN', NULL, 'STUDENTEN', NULL, 'UITSTROOM_INSTELLINGEN', NULL,
                     'DAK_EN_THUISLOZEN', NULL, 'ARBEIDSMIGRANTEN'])[1 + (n * 31 % 13)],
              1 + (n * 17 % 5), CASE WHEN n % 9 = 0 THEN 'MIDDENHUUR' ELSE 'SOCIALE_HUUR' END, n * 31 % 13 = 2,
              -- kenmerken are stored only as 64-hex hashes (docs/privacy.md); demo rows look the same
              encode(sha256(convert_to('DEMO-' || c.gemeente || '-' || n, 'UTF8')), 'hex')
       FROM (VALUES ($1::uuid, 'GM0344', 900), ($1::uuid, 'GM0356', 160), ($1::uuid, 'GM1904', 140),
                    ($2::uuid, 'GM0307', 420), ($2::uuid, 'GM0327', 60)) AS c(corp, gemeente, aantal),
            LATERAL generate_series(1, c.aantal) n`,
      [domstad, eemland, vandaag],
    );

    await m.query(
      `INSERT INTO nieuwbouwproject (naam, gemeente_code, eigenaar_id, fase, woningen_sociale_huur, woningen_middenhuur,
         woningen_koop_betaalbaar, woningen_aandachtsgroepen, woningen_nultreden, plan_datum, vergund_op, start_bouw_op, opgeleverd_op)
       VALUES ('Merwedekanaalzone blok 4', 'GM0344', $1, 'OPGELEVERD', 120, 40, 0, 24, 30, '2022-03-01', '2023-01-15', '2023-09-01', '2026-03-20'),
              ('Leidsche Rijn Centrum Noord', 'GM0344', $1, 'IN_AANBOUW', 210, 60, 30, 40, 50, '2023-05-01', '2024-06-01', '2025-04-01', NULL),
              ('Kanaleneiland flexwonen', 'GM0344', $1, 'OPGELEVERD', 64, 0, 0, 64, 0, '2024-01-10', '2024-08-01', '2025-02-01', '2025-11-14'),
              ('Galecopperzoom', 'GM0356', $1, 'VERGUND', 80, 20, 0, 10, 20, '2024-09-01', '2025-10-01', NULL, NULL),
              ('Amersfoort Vathorst west', 'GM0307', $2, 'OPGELEVERD', 96, 24, 12, 16, 24, '2022-11-01', '2023-10-01', '2024-06-01', '2026-06-30'),
              ('Leusden Biezenkamp', 'GM0327', $2, 'PLAN', 40, 10, 0, 4, 12, '2026-02-01', NULL, NULL, NULL)`,
      [domstad, eemland],
    );
    // fase VERGUND/IN_AANBOUW need their dates, OPGELEVERD its opleverdatum: satisfied above.

    // quarterly figures: stock of sociale huur (corporatie), total stock (gemeente), zorgvraag (zorgaanbieder)
    await m.query(
      `INSERT INTO kwartaalcijfer (indicator_code, organisatie_id, gemeente_code, jaar, kwartaal, waarde)
       SELECT v.indicator, v.org, v.gemeente, k / 4, k % 4 + 1, v.basis + (k - 8100) * v.groei
       FROM (VALUES ('SOCIALE_HUURVOORRAAD', $1::uuid, 'GM0344', 48200, 35), ('SOCIALE_HUURVOORRAAD', $2::uuid, 'GM0307', 18100, 12),
                    ('WONINGVOORRAAD_TOTAAL', $3::uuid, 'GM0344', 166000, 420),
                    ('UITSTROOM_WACHTEND', $4::uuid, 'GM0344', 46, -1), ('UITSTROOM_WACHTEND', $4::uuid, 'GM0307', 19, 0),
                    ('HUISUITZETTINGEN', $1::uuid, 'GM0344', 9, 0)) AS v(indicator, org, gemeente, basis, groei),
            generate_series(8100, (extract(year FROM $5::date)::int * 4 + (extract(month FROM $5::date)::int - 1) / 3) - 1) k`,
      [domstad, eemland, utrecht, zorg, vandaag],
    );

    // the statushouders taakstelling per gemeente per half year (Rijk), about 1 person per 1,400 inwoners
    await m.query(
      `INSERT INTO taakstelling (indicator_code, gebied_soort, gebied_code, periode_van, periode_tot, waarde, gesteld_door_id, toelichting)
       SELECT 'STATUSHOUDERS_GEHUISVEST', 'GEMEENTE', g.code, h.van, (h.van + interval '6 months - 1 day')::date,
              greatest(1, round(coalesce(g.inwoners, 20000) / 1400.0)), $1, 'Demo: halfjaarlijkse taakstelling'
       FROM gemeente g, (VALUES (date '2025-01-01'), (date '2025-07-01'), (date '2026-01-01'), (date '2026-07-01')) AS h(van)`,
      [bzk],
    );
    // and a provincial target for sociale huur opgeleverd in 2026 for the demo gemeenten
    await m.query(
      `INSERT INTO taakstelling (indicator_code, gebied_soort, gebied_code, periode_van, periode_tot, waarde, gesteld_door_id, toelichting)
       SELECT 'SOCIALE_HUURWONINGEN_OPGELEVERD', 'GEMEENTE', c, '2026-01-01', '2026-12-31', w, $1, 'Demo: provinciale taakstelling'
       FROM (VALUES ('GM0344', 400), ('GM0356', 90), ('GM1904', 60), ('GM0307', 150), ('GM0327', 30)) AS t(c, w)`,
      [pv26],
    );
    // the woondeal 2022–2030 per gemeente (the provincie's translation of the regional deal):
    // total, of which betaalbaar, of which sociale huur (issue 12 item 5, page /woondeals)
    await m.query(
      `INSERT INTO taakstelling (indicator_code, gebied_soort, gebied_code, periode_van, periode_tot, waarde, gesteld_door_id, toelichting)
       SELECT i.code, 'GEMEENTE', t.c, '2022-01-01', '2030-12-31', round(t.w * i.deel), $1, 'Demo: woondeal 2022–2030'
       FROM (VALUES ('GM0344', 30000), ('GM0356', 4200), ('GM1904', 2100), ('GM0307', 9000), ('GM0327', 1500)) AS t(c, w),
            (VALUES ('WONINGEN_OPGELEVERD', 1.0), ('BETAALBARE_WONINGEN_OPGELEVERD', 2.0 / 3), ('SOCIALE_HUURWONINGEN_OPGELEVERD', 0.3)) AS i(code, deel)`,
      [pv26],
    );
  });
  return true;
}
