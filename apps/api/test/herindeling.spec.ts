import { Client } from 'pg';
import { verhaal } from './support/verhaal';
import { kwartaalEinde, parseKwartaal } from '@thuismonitor/domain';
import { ScopedDb } from '../src/database/scoped-db.service';
import { GebiedService } from '../src/gebied/gebied.service';
import { RapportageInhoudService } from '../src/rapportage/rapportage-inhoud.service';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Gemeentelijke herindeling by the platform operator over real HTTP GraphQL (issue 13, item 3),
 * on a real case: Heerhugowaard (GM0398) and Langedijk (GM0416) became Dijk en Waard (GM1980) on
 * 1 January 2022 (CBS; Wet arhi art. 1 lid 1 onder h: the date of a herindeling is 1 January).
 * The test database holds today's indeling, so the two old gemeenten are put back as the 2021
 * indeling had them, with figures for 2021 and 2022 on their own codes. Every expected figure is
 * counted here with SQL over the fixture, never taken from the API.
 *
 * Applied now (years after the date), it is a late herindeling: 2022 is a closed period, so its
 * targets and vastgestelde prestatieafspraken stay on the old codes and roll up; targets of next
 * year (open) follow the new gemeente (docs/decisions.md, "Herindeling: who reads and writes the
 * old codes, and a late herindeling").
 */
describe('herindeling (GraphQL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());
  // figures before, the herindeling applied, figures after: the steps build on each other (verhaal.ts)
  const stap = verhaal();

  const OP = 'bzk.platformbeheer';
  const NIEUW = 'GM1980';
  const OUD = ['GM0398', 'GM0416'];
  const DIJK_EN_WAARD = {
    datum: '2022-01-01',
    nieuweGemeenteCode: NIEUW,
    nieuweGemeenteNaam: 'Dijk en Waard',
    oudeGemeenteCodes: OUD,
  };
  const HERINDELING = `mutation ($i: HerindelingInput!, $p: Boolean!) { pasHerindelingToe(invoer: $i, proefrun: $p) {
    toegepast datum nieuweGemeente { code naam provincieCode } nieuweGemeenteAangemaakt oudeGemeenten { code naam }
    werkgebiedOrganisaties prestatieafspraken { titel status gemeenteCode } taakstellingen gebruikers
    afgeslotenTot laat taakstellingenAfgesloten prestatieafsprakenAfgesloten } }`;
  const VOORTGANG = `query ($g: GebiedInput!, $j: Int) { voortgang(gebied: $g, jaar: $j) {
    actielijnen { indicatoren { code taakstelling realisatie { waarde } } } } }`;
  /** next year: a period that is open whenever the test runs */
  const OPEN = new Date().getUTCFullYear() + 1;

  const tel = async (sql: string, params: unknown[] = []) =>
    (await t.db.query(sql, params)).rows[0].n as number;
  const als = async (code: string, rollen = ['lezen', 'invoeren', 'tekenen', 'beheren']) => ({
    token: await t.token('gemeente.utrecht', {
      claims: {
        organisatie: code,
        preferred_username: `test.${code.toLowerCase()}`,
        resource_access: { 'thuismonitor-api': { roles: rollen } },
      },
    }),
  });
  /** TOEWIJZINGEN_TOTAAL of an area and year as `code` sees it */
  const totaal = async (kijker: string, soort: string, gebied: string, jaar: number) => {
    const r = await t.gql(await als(kijker), VOORTGANG, { g: { soort, code: gebied }, j: jaar });
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r
      .data!.voortgang.actielijnen.flatMap((a: { indicatoren: { code: string }[] }) => a.indicatoren)
      .find((i: { code: string }) => i.code === 'TOEWIJZINGEN_TOTAAL') as {
      taakstelling: number | null;
      realisatie: { waarde: number | null };
    };
  };
  const toewijzingen = async (kijker: string, soort: string, gebied: string, jaar: number) =>
    (await totaal(kijker, soort, gebied, jaar)).realisatie.waarde;
  /** the same figure counted from the rows */
  const telToewijzingen = (codes: string[], jaar: number) =>
    tel(
      `SELECT count(*)::int AS n FROM toewijzing WHERE gemeente_code = ANY($1) AND datum BETWEEN make_date($2, 1, 1) AND make_date($2, 12, 31)`,
      [codes, jaar],
    );
  const gesloten = async () =>
    (await t.db.query(`SELECT tm_publicatie_laatst_gesloten()::text AS d`)).rows[0].d as string;
  /** the released figures of every base cell: a herindeling never changes them */
  const vrijgegeven = async () =>
    (
      await t.db.query(
        `SELECT md5(string_agg(c::text, ',' ORDER BY c::text)) AS h
         FROM (SELECT gemeente_code, corporatie_id, jaar, kwartaal, aandachtsgroep, via_urgentie, huishoudens_vrij, personen_vrij
               FROM publicatie_toewijzing_cel) c`,
      )
    ).rows[0].h as string;
  const pv27 = async () =>
    (await t.db.query(`SELECT array_agg(code) AS c FROM gemeente WHERE provincie_code = 'PV27'`)).rows[0]
      .c as string[];
  const stand = async () => ({
    opgeheven: await tel(`SELECT count(*)::int AS n FROM gemeente WHERE opgeheven_op IS NOT NULL`),
    werkgebied: await tel(
      `SELECT count(*)::int AS n FROM organisatie_werkgebied WHERE gemeente_code = ANY($1)`,
      [OUD],
    ),
    taak: await tel(`SELECT count(*)::int AS n FROM taakstelling WHERE actueel AND gebied_code = ANY($1)`, [
      OUD,
    ]),
    afspraken: await tel(`SELECT count(*)::int AS n FROM prestatieafspraak WHERE gemeente_code = ANY($1)`, [
      OUD,
    ]),
    actief: await tel(`SELECT count(*)::int AS n FROM organisatie WHERE actief`),
    audit: await tel(`SELECT count(*)::int AS n FROM audit_log`),
  });

  let corporatie: string;
  /** worked only in Langedijk before the herindeling */
  let langedijkCorporatie: string;
  let heerhugowaard: string;
  let nieuwOrg: string;
  let pvOrg: string;
  const voor: Record<string, number | null> = {};

  // the 2021 indeling with figures on the old codes: every test below starts from it
  beforeAll(async () => {
    await t.db.query(
      `INSERT INTO gemeente (code, naam, provincie_code) VALUES ('GM0398', 'Heerhugowaard', 'PV27'), ('GM0416', 'Langedijk', 'PV27')`,
    );
    await t.db.query(
      `INSERT INTO organisatie (code, soort, naam, gemeente_code)
       VALUES ('GM0398', 'GEMEENTE', 'Gemeente Heerhugowaard', 'GM0398'), ('GM0416', 'GEMEENTE', 'Gemeente Langedijk', 'GM0416')`,
    );
    heerhugowaard = await t.orgId('GM0398');
    nieuwOrg = await t.orgId(NIEUW);
    pvOrg = await t.orgId('PV27');
    corporatie = (
      await t.db.query(
        `INSERT INTO organisatie (code, soort, naam) VALUES ('L0992', 'CORPORATIE', 'Woonstichting Kennemerkwartier (test)') RETURNING id`,
      )
    ).rows[0].id;
    await t.db.query(
      `INSERT INTO organisatie_werkgebied (organisatie_id, gemeente_code) SELECT $1, unnest($2::text[])`,
      [corporatie, OUD],
    );
    langedijkCorporatie = (
      await t.db.query(
        `INSERT INTO organisatie (code, soort, naam) VALUES ('L0993', 'CORPORATIE', 'Woonstichting Langedijk (test)') RETURNING id`,
      )
    ).rows[0].id;
    await t.db.query(
      `INSERT INTO organisatie_werkgebied (organisatie_id, gemeente_code) VALUES ($1, 'GM0416')`,
      [langedijkCorporatie],
    );
    // at least 5 per released cell (gemeente × corporatie × quarter × group), so released = exact
    const rijen: [string, string, number][] = [
      ['GM0398', '2021-05-10', 6],
      ['GM0398', '2022-05-10', 7],
      ['GM0416', '2021-08-10', 5],
      ['GM0416', '2022-08-10', 8],
      [NIEUW, '2022-03-10', 5],
    ];
    for (const [g, d, n] of rijen) {
      await t.db.query(
        `INSERT INTO toewijzing (corporatie_id, gemeente_code, datum, aandachtsgroep, huishoudgrootte, via_urgentie, extern_kenmerk)
         SELECT $1, $2, $3::date, 'STATUSHOUDERS', 2, false, 'hi-' || $2 || '-' || $3 || '-' || i FROM generate_series(1, $4) i`,
        [corporatie, g, d, n],
      );
    }
    // targets: the provincie's per half year (2021 before the date; 2022 closed by now: both
    // stay; next year's open half year moves), Heerhugowaard's own for 2022 (closed: stays)
    await t.db.query(
      `INSERT INTO taakstelling (indicator_code, gebied_soort, gebied_code, periode_van, periode_tot, waarde, gesteld_door_id) VALUES
       ('STATUSHOUDERS_GEHUISVEST', 'GEMEENTE', 'GM0398', '2022-01-01', '2022-06-30', 30, $1),
       ('STATUSHOUDERS_GEHUISVEST', 'GEMEENTE', 'GM0416', '2022-01-01', '2022-06-30', 20, $1),
       ('STATUSHOUDERS_GEHUISVEST', 'GEMEENTE', 'GM0398', '2021-07-01', '2021-12-31', 25, $1),
       ('STATUSHOUDERS_GEHUISVEST', 'GEMEENTE', 'GM0398', make_date($3, 1, 1), make_date($3, 6, 30), 12, $1),
       ('STATUSHOUDERS_GEHUISVEST', 'GEMEENTE', 'GM0416', make_date($3, 1, 1), make_date($3, 6, 30), 8, $1),
       ('TOEWIJZINGEN_TOTAAL', 'GEMEENTE', 'GM0398', '2022-01-01', '2022-12-31', 40, $2)`,
      [pvOrg, heerhugowaard, OPEN],
    );
    // an open concept (moves) and a prestatieafspraak that ended with 2021 (stays)
    const pa = async (titel: string, status: string, jaarTot: number) => {
      const id = (
        await t.db.query(
          `INSERT INTO prestatieafspraak (gemeente_code, titel, jaar_van, jaar_tot, status, opgesteld_door_id, vastgesteld_op)
           VALUES ('GM0398', $1, $2 - 1, $2, $3, $4, CASE WHEN $3 = 'VASTGESTELD' THEN now() END) RETURNING id`,
          [titel, jaarTot, status, heerhugowaard],
        )
      ).rows[0].id;
      await t.db.query(
        `INSERT INTO prestatieafspraak_partij (prestatieafspraak_id, organisatie_id) VALUES ($1, $2), ($1, $3)`,
        [id, heerhugowaard, corporatie],
      );
      return id as string;
    };
    await pa('Prestatieafspraken Heerhugowaard 2022–2023', 'CONCEPT', 2023);
    await pa('Prestatieafspraken Heerhugowaard 2020–2021', 'VASTGESTELD', 2021);
    // vastgesteld, running after the date but ended in a period closed by now: stays
    await pa('Vastgestelde prestatieafspraken Heerhugowaard 2022–2023', 'VASTGESTELD', 2023);
    // awaiting signatures, Heerhugowaard has signed: moves, and the signature with its party row stays
    const getekend = await pa(
      `Prestatieafspraken Heerhugowaard ${OPEN - 1}–${OPEN}`,
      'TER_ONDERTEKENING',
      OPEN,
    );
    await t.db.query(
      `INSERT INTO prestatieafspraak_ondertekening (prestatieafspraak_id, organisatie_id, getekend_door_sub, getekend_door, versie)
       VALUES ($1, $2, 'test:hhw', 'Burgemeester Heerhugowaard', 1)`,
      [getekend, heerhugowaard],
    );
    await t.db.query(
      `INSERT INTO organisatie_gebruiker (organisatie_id, gebruikersnaam, naam, email, rollen)
       VALUES ($1, 'heerhugowaard.beheer', 'Beheer Heerhugowaard', 'beheer@heerhugowaard.example', '{lezen,beheren}')`,
      [heerhugowaard],
    );
  });

  stap('the dry run says what will change and stores nothing', async () => {
    const was = await stand();
    const r = (await t.ok(OP, HERINDELING, { i: DIJK_EN_WAARD, p: true })).pasHerindelingToe;
    expect(r).toEqual({
      toegepast: false,
      datum: '2022-01-01',
      nieuweGemeente: { code: NIEUW, naam: 'Dijk en Waard', provincieCode: 'PV27' },
      nieuweGemeenteAangemaakt: false,
      oudeGemeenten: [
        { code: 'GM0398', naam: 'Heerhugowaard' },
        { code: 'GM0416', naam: 'Langedijk' },
      ],
      werkgebiedOrganisaties: ['Woonstichting Kennemerkwartier (test)', 'Woonstichting Langedijk (test)'],
      prestatieafspraken: [
        { titel: 'Prestatieafspraken Heerhugowaard 2022–2023', status: 'CONCEPT', gemeenteCode: 'GM0398' },
        {
          titel: `Prestatieafspraken Heerhugowaard ${OPEN - 1}–${OPEN}`,
          status: 'TER_ONDERTEKENING',
          gemeenteCode: 'GM0398',
        },
      ],
      taakstellingen: 2,
      gebruikers: 1,
      afgeslotenTot: await gesloten(),
      laat: true,
      taakstellingenAfgesloten: 3,
      prestatieafsprakenAfgesloten: 1,
    });
    expect(await stand()).toEqual(was);
  });

  stap('anyone but the operator is refused with the answer a missing record gets, and nothing changes', async () => {
    const was = await stand();
    const onbekend = { ...DIJK_EN_WAARD, oudeGemeenteCodes: ['GM9998'] };
    for (const wie of ['bzk.analist', 'gemeente.utrecht', 'provincie.utrecht']) {
      for (const i of [DIJK_EN_WAARD, onbekend]) {
        const r = await t.gql(wie, HERINDELING, { i, p: false });
        expect(r.data).toBeNull();
        expect(r.errors?.map((e) => [e.message, e.extensions?.code])).toEqual([
          ['U heeft geen toestemming voor deze handeling.', 'GEEN_TOEGANG'],
        ]);
      }
    }
    expect(await stand()).toEqual(was);
  });

  it.each([
    ['an unknown code', { oudeGemeenteCodes: ['GM0398', 'GM9998'] }, 'Onbekende gemeente: GM9998.'],
    ['a merge into itself', { oudeGemeenteCodes: ['GM0398', NIEUW] }, 'GM1980 kan niet in zichzelf opgaan.'],
    [
      'a date that is not 1 January',
      { datum: '2022-03-24' },
      'Een herindeling gaat in op 1 januari (Wet arhi, artikel 1); 2022-03-24 is geen 1 januari.',
    ],
    [
      'a name other than the existing code’s',
      { nieuweGemeenteNaam: 'Alkmaar-Noord' },
      'GM1980 heet Dijk en Waard, niet Alkmaar-Noord.',
    ],
    [
      'applying before the date',
      { datum: '2099-01-01' },
      'Een herindeling wordt toegepast vanaf 2099-01-01 zelf; tot dan blijven de oude gemeenten bestaan. De proefrun kan nu al.',
    ],
  ])('refuses %s in Dutch, nothing stored', async (_naam, wijziging, melding) => {
    const was = await stand();
    const r = await t.gql(OP, HERINDELING, { i: { ...DIJK_EN_WAARD, ...wijziging }, p: false });
    expect(r.errors?.map((e) => [e.message, e.extensions?.code])).toEqual([[melding, 'ONGELDIGE_INVOER']]);
    expect(await stand()).toEqual(was);
  });

  stap('figures before: Dijk en Waard has only its own, the provincie all of them', async () => {
    const codes = await pv27();
    voor.nieuw2022 = await toewijzingen(NIEUW, 'GEMEENTE', NIEUW, 2022);
    expect(voor.nieuw2022).toBe(await telToewijzingen([NIEUW], 2022));
    for (const jaar of [2021, 2022]) {
      voor[`pv${jaar}`] = await toewijzingen('PV27', 'PROVINCIE', 'PV27', jaar);
      expect(voor[`pv${jaar}`]).toBe(await telToewijzingen(codes, jaar));
    }
    voor.heerhugowaard2021 = await toewijzingen('PV27', 'GEMEENTE', 'GM0398', 2021);
  });

  stap('is applied all at once and audited: werkgebied, open targets, open afspraken, users and organisations follow; closed periods stay', async () => {
    const cellen = await vrijgegeven();
    const bewaard = async () =>
      Promise.all(
        [
          'toewijzing',
          'kwartaalcijfer',
          'nieuwbouwproject',
          'prestatieafspraak',
          'prestatieafspraak_ondertekening',
        ].map((tabel) => tel(`SELECT count(*)::int AS n FROM ${tabel}`)),
      );
    const rijen = await bewaard();
    const r = (await t.ok(OP, HERINDELING, { i: DIJK_EN_WAARD, p: false })).pasHerindelingToe;
    expect(r.toegepast).toBe(true);
    // released figures are never touched (they stay on the old codes); no figure or signature goes
    expect(await vrijgegeven()).toBe(cellen);
    expect(await bewaard()).toEqual(rijen);
    expect(
      await tel(`SELECT count(*)::int AS n FROM prestatieafspraak_ondertekening WHERE organisatie_id = $1`, [
        heerhugowaard,
      ]),
    ).toBe(1);

    const { rows: gemeenten } = await t.db.query(
      `SELECT code, opgeheven_op::text AS op, opgegaan_in AS "in" FROM gemeente WHERE code = ANY($1) ORDER BY code`,
      [OUD],
    );
    expect(gemeenten).toEqual(OUD.map((code) => ({ code, op: '2022-01-01', in: NIEUW })));
    const { rows: werkgebied } = await t.db.query(
      `SELECT array_agg(gemeente_code ORDER BY gemeente_code) AS g FROM organisatie_werkgebied WHERE organisatie_id = $1`,
      [corporatie],
    );
    expect(werkgebied[0].g).toEqual([NIEUW]);
    // who worked where before: read history of exactly those old codes (principal resolver)
    const { rows: eerder } = await t.db.query(
      `SELECT o.code, array_agg(h.gemeente_code ORDER BY h.gemeente_code) AS g, min(h.opgeheven_op)::text AS op
       FROM organisatie_werkgebied_herindeling h JOIN organisatie o ON o.id = h.organisatie_id
       WHERE o.code IN ('L0992', 'L0993') GROUP BY o.code ORDER BY o.code`,
    );
    expect(eerder).toEqual([
      { code: 'L0992', g: OUD, op: '2022-01-01' },
      { code: 'L0993', g: ['GM0416'], op: '2022-01-01' },
    ]);

    // targets from the date: summed per indicator, period and setter; history kept; 2021 stays
    const { rows: taak } = await t.db.query(
      `SELECT indicator_code, gebied_code, periode_van::text AS van, waarde::int, gesteld_door_id AS door, actueel
       FROM taakstelling WHERE gebied_code = ANY($1) ORDER BY indicator_code, periode_van, gebied_code, actueel`,
      [[...OUD, NIEUW]],
    );
    const open = `${OPEN}-01-01`;
    expect(taak).toEqual([
      // before the date: stays
      {
        indicator_code: 'STATUSHOUDERS_GEHUISVEST',
        gebied_code: 'GM0398',
        van: '2021-07-01',
        waarde: 25,
        door: pvOrg,
        actueel: true,
      },
      // after the date but closed by now (a late herindeling): stay where they were judged
      {
        indicator_code: 'STATUSHOUDERS_GEHUISVEST',
        gebied_code: 'GM0398',
        van: '2022-01-01',
        waarde: 30,
        door: pvOrg,
        actueel: true,
      },
      {
        indicator_code: 'STATUSHOUDERS_GEHUISVEST',
        gebied_code: 'GM0416',
        van: '2022-01-01',
        waarde: 20,
        door: pvOrg,
        actueel: true,
      },
      // open: summed on the new gemeente, the old rows kept as history
      {
        indicator_code: 'STATUSHOUDERS_GEHUISVEST',
        gebied_code: 'GM0398',
        van: open,
        waarde: 12,
        door: pvOrg,
        actueel: false,
      },
      {
        indicator_code: 'STATUSHOUDERS_GEHUISVEST',
        gebied_code: 'GM0416',
        van: open,
        waarde: 8,
        door: pvOrg,
        actueel: false,
      },
      {
        indicator_code: 'STATUSHOUDERS_GEHUISVEST',
        gebied_code: NIEUW,
        van: open,
        waarde: 12 + 8,
        door: pvOrg,
        actueel: true,
      },
      {
        indicator_code: 'TOEWIJZINGEN_TOTAAL',
        gebied_code: 'GM0398',
        van: '2022-01-01',
        waarde: 40,
        door: heerhugowaard,
        actueel: true,
      },
    ]);

    const { rows: afspraken } = await t.db.query(
      `SELECT p.titel, p.gemeente_code AS g,
              (SELECT array_agg(o.code ORDER BY o.code) FROM prestatieafspraak_partij pp JOIN organisatie o ON o.id = pp.organisatie_id
               WHERE pp.prestatieafspraak_id = p.id) AS partijen
       FROM prestatieafspraak p WHERE p.titel LIKE 'Prestatieafspraken Heerhugowaard%' ORDER BY p.titel`,
    );
    expect(afspraken).toEqual([
      { titel: 'Prestatieafspraken Heerhugowaard 2020–2021', g: 'GM0398', partijen: ['GM0398', 'L0992'] },
      { titel: 'Prestatieafspraken Heerhugowaard 2022–2023', g: NIEUW, partijen: [NIEUW, 'L0992'] },
      {
        titel: `Prestatieafspraken Heerhugowaard ${OPEN - 1}–${OPEN}`,
        g: NIEUW,
        partijen: ['GM0398', NIEUW, 'L0992'],
      },
    ]);
    // vastgesteld and ended in a closed period: not rewritten after the fact
    expect(
      await tel(
        `SELECT count(*)::int AS n FROM prestatieafspraak WHERE titel = 'Vastgestelde prestatieafspraken Heerhugowaard 2022–2023' AND gemeente_code = 'GM0398'`,
      ),
    ).toBe(1);

    const { rows: orgs } = await t.db.query(
      `SELECT code, actief, (SELECT code FROM organisatie d WHERE d.id = o.opgegaan_in) AS "in" FROM organisatie o
       WHERE code = ANY($1) ORDER BY code`,
      [OUD],
    );
    expect(orgs).toEqual(OUD.map((code) => ({ code, actief: false, in: NIEUW })));
    expect(
      await tel(
        `SELECT count(*)::int AS n FROM organisatie_gebruiker WHERE gebruikersnaam = 'heerhugowaard.beheer' AND organisatie_id = $1`,
        [nieuwOrg],
      ),
    ).toBe(1);

    const { rows: audit } = await t.db.query(
      `SELECT gebruikersnaam, voor, na FROM audit_log WHERE actie = 'HERINDELING' AND entiteit = 'gemeente' AND entiteit_id = $1`,
      [NIEUW],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0].gebruikersnaam).toBe(OP);
    expect(audit[0].voor.gemeenten.map((g: { code: string }) => g.code)).toEqual(OUD);
    // the audit row says it was applied late and what stayed on the old codes for that reason
    expect(audit[0].na).toMatchObject({
      datum: '2022-01-01',
      nieuweGemeente: expect.objectContaining({ code: NIEUW }),
      nieuweGemeenteAangemaakt: expect.any(Boolean),
      taakstellingen: 2,
      gebruikers: 1,
      laat: true,
      afgeslotenTot: await gesloten(),
      taakstellingenAfgesloten: 3,
      prestatieafsprakenAfgesloten: 1,
    });
  });

  stap('figures after: the new gemeente takes in the old ones from the date; provincie totals are unchanged', async () => {
    // 2022 (after the date): Dijk en Waard's own rows plus the old gemeenten's 2022 rows
    const na2022 = await toewijzingen(NIEUW, 'GEMEENTE', NIEUW, 2022);
    expect(na2022).toBe(await telToewijzingen([NIEUW, ...OUD], 2022));
    expect(na2022).toBeGreaterThan(voor.nieuw2022!);
    // 2021 (before the date): not taken in
    expect(await toewijzingen(NIEUW, 'GEMEENTE', NIEUW, 2021)).toBe(await telToewijzingen([NIEUW], 2021));
    // provincie totals: every row once, before and after
    for (const jaar of [2021, 2022]) {
      expect(await toewijzingen('PV27', 'PROVINCIE', 'PV27', jaar)).toBe(voor[`pv${jaar}`]);
    }
    // the old gemeente's history stays readable, for its provincie and for its successor
    expect(await toewijzingen('PV27', 'GEMEENTE', 'GM0398', 2021)).toBe(voor.heerhugowaard2021);
    expect(await toewijzingen(NIEUW, 'GEMEENTE', 'GM0398', 2021)).toBe(
      await telToewijzingen(['GM0398'], 2021),
    );
    // the 2022 target stayed on Heerhugowaard's code (closed when applied) and rolls up too
    expect((await totaal(NIEUW, 'GEMEENTE', NIEUW, 2022)).taakstelling).toBe(40);
    expect((await totaal(NIEUW, 'GEMEENTE', NIEUW, 2021)).taakstelling).toBeNull();
  });

  /** households of toewijzingen in `codes` dated from `van` to `tot` */
  const telTussen = (codes: string[], van: string, tot: string) =>
    tel(
      `SELECT count(*)::int AS n FROM toewijzing WHERE gemeente_code = ANY($1) AND datum BETWEEN $2 AND $3`,
      [codes, van, tot],
    );

  stap('the quarterly report of the new gemeente takes in the old gemeenten from the date; the provincie report counts every row once', async () => {
    const db = t.app.get(ScopedDb);
    const inhoud = t.app.get(RapportageInhoudService);
    const gebieden = t.app.get(GebiedService);
    const systeem = await db.systeemContext('kwartaalrapportage');
    /** the report's shared content for an area and quarter, made the way the report job makes it */
    const rapport = async (soort: 'GEMEENTE' | 'PROVINCIE', code: string, kwartaal: string) => {
      const gebied = (await gebieden.opzoeken(soort, code))!;
      return db.snapshot(systeem, (m) => inhoud.verzamel(m, gebied, parseKwartaal(kwartaal), systeem, null));
    };
    const cijfer = (v: {
      actielijnen: { indicatoren: { code: string; realisatie: { waarde: number | null } }[] }[];
    }) =>
      v.actielijnen.flatMap((a) => a.indicatoren).find((i) => i.code === 'TOEWIJZINGEN_TOTAAL')!.realisatie
        .waarde;

    // 2022-Q2, after the date: Heerhugowaard's May 2022 rows count for Dijk en Waard
    const na = await rapport('GEMEENTE', NIEUW, '2022-Q2');
    expect(cijfer(na.ditKwartaal.gedeeld)).toBe(await telTussen([NIEUW, ...OUD], '2022-04-01', '2022-06-30'));
    expect(cijfer(na.ditKwartaal.gedeeld)).toBeGreaterThan(
      await telTussen([NIEUW], '2022-04-01', '2022-06-30'),
    );
    expect(cijfer(na.jaarTotNu.gedeeld)).toBe(await telTussen([NIEUW, ...OUD], '2022-01-01', '2022-06-30'));
    // its statushouders table: the gemeente's own row, with the old gemeenten's persons and targets
    const h1 = na.statushouders.gedeeld.filter((r) => r.halfjaar === '2022-H1');
    expect(h1.map((r) => [r.gemeenteCode, r.taakstelling])).toEqual([[NIEUW, 30 + 20]]);

    // 2021-Q3, before the date: only its own code (Langedijk's August 2021 rows stay Langedijk's)
    const voorDatum = await rapport('GEMEENTE', NIEUW, '2021-Q3');
    expect(await telTussen(['GM0416'], '2021-07-01', '2021-09-30')).toBeGreaterThan(0);
    expect(cijfer(voorDatum.ditKwartaal.gedeeld) ?? 0).toBe(
      await telTussen([NIEUW], '2021-07-01', '2021-09-30'),
    );
    // the previous quarter of 2022-Q1 lies before the date: own code only there too
    const q1 = await rapport('GEMEENTE', NIEUW, '2022-Q1');
    expect(cijfer(q1.vorigKwartaal.gedeeld) ?? 0).toBe(await telTussen([NIEUW], '2021-10-01', '2021-12-31'));

    // the provincie: every row of its gemeenten once, old codes included
    const codes = await pv27();
    for (const k of ['2021-Q3', '2022-Q2']) {
      const pv = await rapport('PROVINCIE', 'PV27', k);
      const einde = kwartaalEinde(parseKwartaal(k));
      const begin = `${einde.slice(0, 5)}${String(Number(einde.slice(5, 7)) - 2).padStart(2, '0')}-01`;
      expect(cijfer(pv.ditKwartaal.gedeeld)).toBe(await telTussen(codes, begin, einde));
    }
  });

  const STATUSHOUDERS = `query ($g: String!, $van: String!, $tot: String!) {
    statushoudersTaakstelling(gemeenteCode: $g, van: $van, tot: $tot) {
      halfjaren { halfjaar taakstelling gehuisvest gehuisvestToewijzingen } } }`;
  /** persons (sum of huishoudgrootte) housed as statushouders in `codes` from `van` to `tot` */
  const personen = (codes: string[], van: string, tot: string) =>
    tel(
      `SELECT coalesce(sum(huishoudgrootte), 0)::int AS n FROM toewijzing
       WHERE aandachtsgroep = 'STATUSHOUDERS' AND gemeente_code = ANY($1) AND datum BETWEEN $2 AND $3`,
      [codes, van, tot],
    );

  stap('statushoudersTaakstelling of the new gemeente counts the old gemeenten from the date, for itself and for its provincie', async () => {
    const verwacht = [
      // before the date: its own code only (no target, none housed on GM1980 in 2021)
      {
        halfjaar: '2021-H2',
        taakstelling: 0,
        gehuisvest: await personen([NIEUW], '2021-07-01', '2021-12-31'),
      },
      // after: the old gemeenten's persons and their targets (kept on their codes: closed) count
      {
        halfjaar: '2022-H1',
        taakstelling: 30 + 20,
        gehuisvest: await personen([NIEUW, ...OUD], '2022-01-01', '2022-06-30'),
      },
      {
        halfjaar: '2022-H2',
        taakstelling: 0,
        gehuisvest: await personen([NIEUW, ...OUD], '2022-07-01', '2022-12-31'),
      },
    ];
    expect(verwacht[1].gehuisvest).toBeGreaterThan(await personen([NIEUW], '2022-01-01', '2022-06-30'));
    expect(await personen(['GM0416'], '2021-07-01', '2021-12-31')).toBeGreaterThan(0);
    for (const kijker of [NIEUW, 'PV27']) {
      const r = await t.gql(await als(kijker), STATUSHOUDERS, { g: NIEUW, van: '2021-H2', tot: '2022-H2' });
      expect(r.errors).toBeUndefined();
      expect(
        r.data!.statushoudersTaakstelling.halfjaren.map(
          (h: { halfjaar: string; taakstelling: number; gehuisvest: number }) => ({
            halfjaar: h.halfjaar,
            taakstelling: h.taakstelling,
            gehuisvest: h.gehuisvest,
          }),
        ),
      ).toEqual(verwacht);
    }
  });

  stap('a corporatie that worked only in Langedijk writes only in Dijk en Waard and reads no Heerhugowaard history it could not read before', async () => {
    const CREATE = `mutation ($input: ToewijzingInput!) { maakToewijzing(invoer: $input) { id } }`;
    const lk = await als('L0993', ['lezen', 'invoeren']);
    const nu = new Date().toISOString().slice(0, 10);
    const invoer = (gemeenteCode: string) => ({
      input: { gemeenteCode, datum: nu, huishoudgrootte: 2, aandachtsgroep: 'STATUSHOUDERS' },
    });
    const voor = await tel(`SELECT count(*)::int AS n FROM toewijzing WHERE corporatie_id = $1`, [
      langedijkCorporatie,
    ]);
    // no write under an old code: Heerhugowaard (never its werkgebied), nor its own Langedijk
    for (const oud of OUD) {
      const r = await t.gql(lk, CREATE, invoer(oud));
      expect(r.data).toBeNull();
      expect(r.errors?.map((e) => [e.message, e.extensions?.code])).toEqual([
        [
          `U kunt alleen toewijzingen vastleggen in het werkgebied van uw organisatie; gemeente ${oud} hoort daar niet bij.`,
          'GEEN_TOEGANG',
        ],
      ]);
    }
    expect(
      await tel(`SELECT count(*)::int AS n FROM toewijzing WHERE corporatie_id = $1`, [langedijkCorporatie]),
    ).toBe(voor);
    // the new gemeente is its werkgebied now
    expect((await t.gql(lk, CREATE, invoer(NIEUW))).errors).toBeUndefined();

    // Heerhugowaard's protected aggregates stay closed to it, like a gemeente outside its werkgebied
    const hhw = await t.gql(lk, VOORTGANG, { g: { soort: 'GEMEENTE', code: 'GM0398' }, j: 2021 });
    expect(hhw.data).toBeNull();
    expect(hhw.errors?.map((e) => e.extensions?.code)).toEqual(['NIET_GEVONDEN']);
    const buiten = await t.gql(lk, VOORTGANG, { g: { soort: 'GEMEENTE', code: 'GM0344' }, j: 2021 });
    expect(hhw.errors?.map((e) => e.message)).toEqual(buiten.errors?.map((e) => e.message));
    const sh = await t.gql(lk, STATUSHOUDERS, { g: 'GM0398', van: '2021-H2', tot: '2021-H2' });
    expect(sh.errors?.map((e) => e.extensions?.code)).toEqual(['NIET_GEVONDEN']);
    // what it read before stays readable: Langedijk's history, and Dijk en Waard
    expect(await toewijzingen('L0993', 'GEMEENTE', 'GM0416', 2021)).toBe(
      await telToewijzingen(['GM0416'], 2021),
    );
    expect(
      (await t.gql(lk, VOORTGANG, { g: { soort: 'GEMEENTE', code: NIEUW }, j: 2021 })).errors,
    ).toBeUndefined();
    // the corporatie that worked in both keeps both
    for (const oud of OUD) {
      expect(await toewijzingen('L0992', 'GEMEENTE', oud, 2021)).toBe(await telToewijzingen([oud], 2021));
    }
  });

  stap('the provincie reads an old gemeente’s history but sets no target or intervention step for it', async () => {
    const pv = await als('PV27');
    expect(await toewijzingen('PV27', 'GEMEENTE', 'GM0416', 2021)).toBe(
      await telToewijzingen(['GM0416'], 2021),
    );
    const taak = await t.gql(
      pv,
      `mutation ($i: StelTaakstellingInput!) { stelTaakstelling(invoer: $i) { id } }`,
      {
        i: {
          indicatorCode: 'TOEWIJZINGEN_TOTAAL',
          gebied: { soort: 'GEMEENTE', code: 'GM0416' },
          jaar: OPEN,
          waarde: 10,
        },
      },
    );
    expect(taak.errors?.map((e) => e.extensions?.code)).toEqual(['GEEN_TOEGANG']);
    const stap = await t.gql(
      pv,
      `mutation ($i: StelInterventieInput!) { stelStatushoudersInterventie(invoer: $i) { id } }`,
      { i: { gemeenteCode: 'GM0416', halfjaar: '2022-H1', trede: 'SIGNALERING', oordeel: 'VOLDOET_NIET' } },
    );
    expect(stap.errors?.map((e) => [e.message, e.extensions?.code])).toEqual([
      ['De gemeente is niet gevonden.', 'NIET_GEVONDEN'],
    ]);
    expect(
      await tel(`SELECT count(*)::int AS n FROM statushouders_interventie WHERE gemeente_code = ANY($1)`, [
        OUD,
      ]),
    ).toBe(0);
  });

  stap('the database refuses a write on an old code even when a transaction holds it in its read scope', async () => {
    const c = new Client({ connectionString: t.config.databaseUrl });
    await c.connect();
    try {
      await c.query('BEGIN');
      await c.query('SET LOCAL ROLE thuismonitor_app');
      // as the widened scope of before: the old codes readable, the werkgebied the new gemeente
      await c.query(
        `SELECT set_config('tm.organisatie_id', $1, true), set_config('tm.organisatie_soort', 'CORPORATIE', true),
                set_config('tm.gemeenten', $2, true), set_config('tm.werkgebied', $3, true)`,
        [langedijkCorporatie, [NIEUW, ...OUD].join(','), [NIEUW, ...OUD].join(',')],
      );
      await c.query('SAVEPOINT s');
      await expect(
        c.query(
          `INSERT INTO toewijzing (corporatie_id, gemeente_code, datum, aandachtsgroep, huishoudgrootte, via_urgentie, extern_kenmerk)
           VALUES ($1, 'GM0398', current_date, 'STATUSHOUDERS', 2, false, 'hi-wand')`,
          [langedijkCorporatie],
        ),
      ).rejects.toThrow(/row-level security/);
      await c.query('ROLLBACK TO SAVEPOINT s');
      // and its own earlier rows on an old code cannot be corrected or removed through the app role
      await c.query(`SELECT set_config('tm.organisatie_id', $1, true)`, [corporatie]);
      expect(
        (await c.query(`UPDATE toewijzing SET huishoudgrootte = 3 WHERE gemeente_code = 'GM0398'`)).rowCount,
      ).toBe(0);
      expect((await c.query(`DELETE FROM toewijzing WHERE gemeente_code = 'GM0416'`)).rowCount).toBe(0);
    } finally {
      await c.query('ROLLBACK');
      await c.end();
    }
  });

  stap('a code already merged is refused; public lists show today’s indeling unless asked', async () => {
    const r = await t.gql(OP, HERINDELING, { i: DIJK_EN_WAARD, p: true });
    expect(r.errors?.map((e) => [e.message, e.extensions?.code])).toEqual([
      ['Heerhugowaard (GM0398) is al per 2022-01-01 opgegaan in GM1980.', 'ONGELDIGE_INVOER'],
    ]);
    const Q = `query ($f: GemeenteFilter) { gemeenten(filter: $f) { code opgehevenOp opgegaanIn } }`;
    const nu = (await t.ok('gemeente.utrecht', Q, { f: { provincieCode: 'PV27' } })).gemeenten;
    expect(nu.map((g: { code: string }) => g.code)).not.toContain('GM0398');
    const alle = (
      await t.ok('gemeente.utrecht', Q, { f: { provincieCode: 'PV27', inclusiefOpgeheven: true } })
    ).gemeenten;
    expect(alle.filter((g: { opgehevenOp: string | null }) => g.opgehevenOp)).toEqual(
      OUD.map((code) => ({ code, opgehevenOp: '2022-01-01', opgegaanIn: NIEUW })),
    );
  });
});
