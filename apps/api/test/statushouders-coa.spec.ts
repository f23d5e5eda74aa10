import { vrijgegevenStatushouders } from './support/vrijgave';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Statushouders as the provincie supervises them (issue 12, item 6; docs/decisions.md
 * "Statushouders: COA's realisation and the interventieladder"):
 * - COA's realisation per gemeente per month, imported by the Rijk (file layout: src/taakstelling/
 *   coa-bestand.ts), shown beside the corporatie toewijzingen with the difference; the half year is
 *   judged on COA's figure when COA reported for it (the figure the provincie supervises on);
 * - the interventieladder step per gemeente, set only by the provincie the gemeente lies in
 *   (interbestuurlijk toezicht: Wet revitalisering generiek toezicht; indeplaatsstelling,
 *   Gemeentewet art. 124), append-only history.
 */
const IMPORT = `mutation ($n: String!, $i: String!) { importeerCoaRealisatie(bestandsnaam: $n, inhoud: $i) {
  id rijen gemeenten maanden vervangen } }`;

const STATUSHOUDERS = `query ($g: String!, $van: String!, $tot: String!) { statushoudersTaakstelling(gemeenteCode: $g, van: $van, tot: $tot) {
  gemeente { code } interventie { trede oordeel termijn }
  halfjaren { halfjaar taakstelling meegenomen teRealiseren gehuisvest gehuisvestToewijzingen gehuisvestCoa coaTotMaand verschilCoa getoetstOp saldo status voorlopig } } }`;

const PROVINCIE = `query ($p: String!, $van: String!, $tot: String!) { statushoudersTaakstellingProvincie(provincieCode: $p, van: $van, tot: $tot) {
  toetsHalfjaar gemeentenAchterBijToets gemeentenMetAchterstand
  gemeenten { gemeente { code } interventie { trede oordeelLabel } halfjaren { halfjaar gehuisvest gehuisvestToewijzingen gehuisvestCoa verschilCoa getoetstOp saldo status voorlopig } } } }`;

const STEL = `mutation ($i: StelInterventieInput!) { stelStatushoudersInterventie(invoer: $i) {
  id gemeente { code naam } halfjaar trede tredeLabel tredeNummer oordeel oordeelLabel termijn toelichting gesteldDoor } }`;

const HISTORIE = `query ($g: String!) { statushoudersInterventies(gemeenteCode: $g) { trede oordeel termijn halfjaar } }`;

const STEL_TAAK = `mutation ($i: StelTaakstellingInput!) { stelTaakstelling(invoer: $i) { id } }`;

/** months of a half year as jjjj-mm */
const maandenVan = (jaar: number, h: 1 | 2) =>
  Array.from({ length: 6 }, (_, i) => `${jaar}-${String((h - 1) * 6 + i + 1).padStart(2, '0')}`);

describe('statushouders: COA realisation and the interventieladder', () => {
  let t: TestApp;
  const tel = async (tabel: string) =>
    (await t.db.query(`SELECT count(*)::int AS n FROM ${tabel}`)).rows[0].n as number;

  /** COA's file for GM0344 (Utrecht) and GM0307 (Amersfoort), 2025-H1 and the first quarter of 2025-H2 */
  const utrechtH1 = [5, 7, 6, 8, 4, 8]; // 38
  const amersfoortH1 = [0, 2, 3, 0, 5, 0]; // 10
  const utrechtH2 = [6, 6, 8]; // 20 (jul–sep)
  function goedBestand(): string {
    const regels = ['\uFEFFGemeentecode;Gemeente;Maand;Personen'];
    maandenVan(2025, 1).forEach((m, i) => {
      regels.push(`GM0344;"Utrecht";${m};${utrechtH1[i]}`);
      // Amersfoort by name only, month in words for one row
      regels.push(`;Amersfoort;${i === 0 ? 'januari 2025' : m};${amersfoortH1[i]}`);
    });
    maandenVan(2025, 2)
      .slice(0, 3)
      .forEach((m, i) => regels.push(`0344;Utrecht;${m};${utrechtH2[i]}`));
    return regels.join('\r\n') + '\r\n';
  }

  beforeAll(async () => {
    t = await startTestApp();
    for (const [g, halfjaar, waarde] of [
      ['GM0344', '2025-H1', 40],
      ['GM0344', '2025-H2', 50],
      ['GM0307', '2025-H1', 10],
    ] as const)
      await t.ok('bzk.analist', STEL_TAAK, {
        i: {
          indicatorCode: 'STATUSHOUDERS_GEHUISVEST',
          gebied: { soort: 'GEMEENTE', code: g },
          halfjaar,
          waarde,
        },
      });
    const domstad = await t.orgId('L0801');
    const eemland = await t.orgId('L0802');
    let n = 0;
    // corporatie toewijzingen: Utrecht 14 persons in 2025-H1, 9 in 2025-H2; Amersfoort one household of 11
    for (const [corp, g, datum, grootte] of [
      [domstad, 'GM0344', '2025-01-15', 4],
      [domstad, 'GM0344', '2025-03-01', 1],
      [domstad, 'GM0344', '2025-05-05', 3],
      [domstad, 'GM0344', '2025-06-30', 6],
      [domstad, 'GM0344', '2025-08-08', 9],
      [eemland, 'GM0307', '2025-03-03', 11],
    ] as [string, string, string, number][])
      await t.db.query(
        `INSERT INTO toewijzing (corporatie_id, gemeente_code, datum, aandachtsgroep, huishoudgrootte, extern_kenmerk)
         VALUES ($1, $2, $3, 'STATUSHOUDERS', $4, $5)`,
        [corp, g, datum, grootte, `coa${++n}`],
      );
  });
  afterAll(() => t.close());

  it('a malformed COA file is refused with a Dutch error per line, and nothing is stored', async () => {
    const bestand = [
      'gemeentecode;gemeente;maand;personen',
      'GM0344;Utrecht;2025-01;5', // good
      'GM9999;;2025-01;3', // unknown code
      ';Bergen;2025-01;2', // ambiguous name (Bergen (L.) and Bergen (NH.))
      'GM0344;Amersfoort;2025-02;4', // code and name disagree
      'GM0307;;2025-13;4', // no such month
      'GM0307;;2025-02;-3', // negative
      'GM0307;;2025-03;2,5', // not whole
      'GM0307;;2099-01;1', // future
      'GM0344;Utrecht;januari 2025;6', // same gemeente and month as line 2
      'GM0307;;;', // empty
    ].join('\n');
    const r = await t.gql('bzk.analist', IMPORT, { n: 'coa-fout.csv', i: bestand });
    expect(r.errors?.[0].extensions?.code).toBe('ONGELDIGE_INVOER');
    expect(r.errors?.[0].message).toBe(
      'Het bestand is niet ingelezen: 9 regels kloppen niet. Er is niets opgeslagen.',
    );
    const details = r.errors?.[0].extensions?.details as { veld: string; melding: string }[];
    expect(details.map((d) => d.veld)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11].map((n) => `regel ${n}`));
    expect(details.map((d) => d.melding)).toEqual([
      'Regel 3: gemeentecode "GM9999" bestaat niet.',
      'Regel 4: gemeente "Bergen" is onbekend of niet eenduidig; vul de gemeentecode in.',
      'Regel 5: gemeentecode GM0344 en gemeente "Amersfoort" horen niet bij elkaar.',
      'Regel 6: maand "2025-13" is onleesbaar; schrijf bijvoorbeeld 2026-01.',
      'Regel 7: aantal personen "-3" is geen geheel getal van 0 of meer.',
      'Regel 8: aantal personen "2,5" is geen geheel getal van 0 of meer.',
      'Regel 9: maand januari 2099 ligt in de toekomst.',
      'Regel 10: GM0344 staat voor januari 2025 ook al op regel 2.',
      'Regel 11: maand ontbreekt; aantal personen ontbreekt.',
    ]);

    const kop = await t.gql('bzk.analist', IMPORT, {
      n: 'x.csv',
      i: 'gemeente;aantal huishoudens\nUtrecht;4',
    });
    expect(kop.errors?.[0].extensions?.details).toEqual([
      {
        veld: 'regel 1',
        melding:
          'De kopregel mist een kolom "maand", een kolom "personen". Verwacht: gemeentecode;gemeente;maand;personen.',
      },
    ]);
    const leeg = await t.gql('bzk.analist', IMPORT, { n: 'leeg.csv', i: '\n' });
    expect(leeg.errors?.[0].extensions?.details).toEqual([
      { veld: 'regel 1', melding: 'Het bestand is leeg.' },
    ]);

    expect(await tel('coa_realisatie')).toBe(0);
    expect(await tel('coa_import')).toBe(0);
    expect(
      (await t.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE entiteit = 'coa_import'`)).rows[0].n,
    ).toBe(0);
  });

  it('only the Rijk imports COA figures; others are refused and nothing is stored', async () => {
    for (const wie of ['provincie.utrecht', 'gemeente.utrecht', 'corporatie.domstad', 'bzk.platformbeheer']) {
      const r = await t.gql(wie, IMPORT, { n: 'coa.csv', i: goedBestand() });
      expect({ wie, code: r.errors?.[0].extensions?.code }).toEqual({ wie, code: 'GEEN_TOEGANG' });
    }
    expect(await tel('coa_realisatie')).toBe(0);
  });

  it('the Rijk imports a file; a re-import of a month replaces that month (idempotent)', async () => {
    const eerst = await t.ok('bzk.analist', IMPORT, { n: 'coa-2025.csv', i: goedBestand() });
    expect(eerst.importeerCoaRealisatie).toMatchObject({
      rijen: 15,
      gemeenten: 2,
      maanden: [...maandenVan(2025, 1), '2025-07', '2025-08', '2025-09'],
      vervangen: 0,
    });
    const som = async (g: string, van: string, tot: string) =>
      (
        await t.db.query(
          `SELECT coalesce(sum(personen), 0)::int AS p FROM coa_realisatie WHERE gemeente_code = $1 AND maand BETWEEN $2 AND $3`,
          [g, van, tot],
        )
      ).rows[0].p as number;
    expect(await som('GM0344', '2025-01-01', '2025-06-30')).toBe(38);
    expect(await som('GM0307', '2025-01-01', '2025-06-30')).toBe(10);

    // the same file again: same state, every row replaced
    const weer = await t.ok('bzk.analist', IMPORT, { n: 'coa-2025.csv', i: goedBestand() });
    expect(weer.importeerCoaRealisatie.vervangen).toBe(15);
    expect(await tel('coa_realisatie')).toBe(15);
    expect(await som('GM0344', '2025-01-01', '2025-06-30')).toBe(38);

    // COA corrects September for Utrecht: the month is replaced, the other months stay
    const correctie = await t.ok('bzk.analist', IMPORT, {
      n: 'coa-2025-09.csv',
      i: 'gemeentecode,maand,personen\nGM0344,2025-09,10\n',
    });
    expect(correctie.importeerCoaRealisatie).toMatchObject({ rijen: 1, maanden: ['2025-09'], vervangen: 1 });
    expect(await som('GM0344', '2025-07-01', '2025-12-31')).toBe(22);
    expect(await tel('coa_realisatie')).toBe(15);
    const audit = await t.db.query(`SELECT actie FROM audit_log WHERE entiteit = 'coa_import' ORDER BY id`);
    expect(audit.rows.map((r) => r.actie)).toEqual(Array(3).fill('IMPORTEER_COA_REALISATIE'));
  });

  it('COA beside the toewijzingen, with the difference; judged on COA where COA reported', async () => {
    const data = await t.ok('gemeente.utrecht', STATUSHOUDERS, {
      g: 'GM0344',
      van: '2025-H1',
      tot: '2026-H1',
    });
    const [h1, h2, h3] = data.statushoudersTaakstelling.halfjaren;
    // 2025-H1: target 40, COA 38 (toewijzingen 14): judged on 38 → 2 behind
    expect(h1).toMatchObject({
      halfjaar: '2025-H1',
      taakstelling: 40,
      gehuisvestToewijzingen: 14,
      gehuisvestCoa: 38,
      coaTotMaand: '2025-06',
      verschilCoa: 24,
      getoetstOp: 'COA',
      gehuisvest: 38,
      saldo: 2,
      status: 'ACHTERSTAND',
      voorlopig: false,
    });
    // 2025-H2: 50 + 2 carried = 52, COA 22 up to September (toewijzingen 9) → 30 behind
    expect(h2).toMatchObject({
      meegenomen: 2,
      teRealiseren: 52,
      gehuisvestToewijzingen: 9,
      gehuisvestCoa: 22,
      coaTotMaand: '2025-09',
      verschilCoa: 13,
      getoetstOp: 'COA',
      saldo: 30,
    });
    // 2026-H1: no COA figures: judged on the toewijzingen, no difference
    expect(h3).toMatchObject({
      gehuisvestCoa: null,
      verschilCoa: null,
      coaTotMaand: null,
      getoetstOp: 'TOEWIJZINGEN',
      gehuisvest: 0,
      saldo: 30,
    });
  });

  it('the provincie: exact COA figures, released toewijzingen, and the gemeenten behind at the last judged half year', async () => {
    const data = await t.ok('provincie.utrecht', PROVINCIE, { p: 'PV26', van: '2025-H1', tot: '2026-H2' });
    const p = data.statushoudersTaakstellingProvincie;
    const utrecht = p.gemeenten.find((g: { gemeente: { code: string } }) => g.gemeente.code === 'GM0344');
    const amersfoort = p.gemeenten.find((g: { gemeente: { code: string } }) => g.gemeente.code === 'GM0307');
    // COA is public and exact; the toewijzingen are the released persons per base cell
    expect(utrecht.halfjaren[0]).toMatchObject({
      gehuisvestCoa: 38,
      gehuisvestToewijzingen: await vrijgegevenStatushouders(t.db, ['GM0344'], '2025-01-01', '2025-06-30'),
      getoetstOp: 'COA',
      saldo: 2,
      status: 'ACHTERSTAND',
    });
    expect(utrecht.halfjaren[0].verschilCoa).toBe(38 - utrecht.halfjaren[0].gehuisvestToewijzingen);
    // Amersfoort: one household of 11 may be released as 0, but COA says 10 of 10: met
    expect(amersfoort.halfjaren[0]).toMatchObject({ gehuisvestCoa: 10, saldo: 0, status: 'GEHAALD' });

    // the running half year is provisional and not the one judged
    const laatste = utrecht.halfjaren[utrecht.halfjaren.length - 1];
    const vandaag = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(new Date());
    const lopend = `${vandaag.slice(0, 4)}-H${Number(vandaag.slice(5, 7)) <= 6 ? 1 : 2}`;
    expect(laatste.voorlopig).toBe(laatste.halfjaar >= lopend);
    const getoetst = utrecht.halfjaren.filter((h: { voorlopig: boolean }) => !h.voorlopig).at(-1).halfjaar;
    expect(p.toetsHalfjaar).toBe(getoetst);
    // counted from the answer's own rows at the judged half year: Utrecht behind (carried 30),
    // Amersfoort met, every other gemeente without target 0
    const achter = p.gemeenten.filter(
      (g: { halfjaren: { halfjaar: string; status: string }[] }) =>
        g.halfjaren.find((h) => h.halfjaar === getoetst)?.status === 'ACHTERSTAND',
    );
    expect(achter.map((g: { gemeente: { code: string } }) => g.gemeente.code)).toEqual(['GM0344']);
    expect(p.gemeentenAchterBijToets).toBe(1);
  });

  it('the provincie of the gemeente sets interventieladder steps; history is append-only', async () => {
    const eerste = await t.ok('provincie.utrecht', STEL, {
      i: {
        gemeenteCode: 'GM0344',
        halfjaar: '2025-H1',
        trede: 'SIGNALERING',
        oordeel: 'VOLDOET_NIET_VERSCHOONBAAR',
        toelichting: 'COA koppelde te laat; achterstand van 2 personen',
      },
    });
    expect(eerste.stelStatushoudersInterventie).toMatchObject({
      gemeente: { code: 'GM0344', naam: 'Utrecht' },
      halfjaar: '2025-H1',
      trede: 'SIGNALERING',
      tredeNummer: 1,
      oordeel: 'VOLDOET_NIET_VERSCHOONBAAR',
      oordeelLabel: 'Voldoet niet, doch verschoonbaar',
      termijn: null,
      gesteldDoor: expect.stringMatching(/Utrecht/),
    });

    // from the aanschrijving on, a termijn is required
    const zonder = await t.gql('provincie.utrecht', STEL, {
      i: { gemeenteCode: 'GM0344', halfjaar: '2025-H2', trede: 'AANSCHRIJVING', oordeel: 'VOLDOET_NIET' },
    });
    expect(zonder.errors?.[0].extensions).toMatchObject({
      code: 'ONGELDIGE_INVOER',
      details: [{ veld: 'termijn', melding: expect.stringMatching(/^Bij "Aanschrijving.*termijn/) }],
    });
    const fout = await t.gql('provincie.utrecht', STEL, {
      i: {
        gemeenteCode: 'GM0344',
        halfjaar: '2099-H1',
        trede: 'GEEN',
        oordeel: 'VOLDOET',
        termijn: '31-12-2026',
      },
    });
    expect((fout.errors?.[0].extensions?.details as { veld: string }[]).map((d) => d.veld).sort()).toEqual([
      'halfjaar',
      'termijn',
    ]);

    const termijn = `${Number(new Date().getUTCFullYear()) + 1}-03-31`;
    await t.ok('provincie.utrecht', STEL, {
      i: {
        gemeenteCode: 'GM0344',
        halfjaar: '2025-H2',
        trede: 'AANSCHRIJVING',
        oordeel: 'VOLDOET_NIET',
        termijn,
      },
    });
    const historie = await t.ok('gemeente.utrecht', HISTORIE, { g: 'GM0344' });
    expect(historie.statushoudersInterventies).toEqual([
      { trede: 'AANSCHRIJVING', oordeel: 'VOLDOET_NIET', termijn, halfjaar: '2025-H2' },
      { trede: 'SIGNALERING', oordeel: 'VOLDOET_NIET_VERSCHOONBAAR', termijn: null, halfjaar: '2025-H1' },
    ]);
    const stand = await t.ok('gemeente.utrecht', STATUSHOUDERS, {
      g: 'GM0344',
      van: '2025-H1',
      tot: '2025-H1',
    });
    expect(stand.statushoudersTaakstelling.interventie).toEqual({
      trede: 'AANSCHRIJVING',
      oordeel: 'VOLDOET_NIET',
      termijn,
    });
    const prov = await t.ok('provincie.utrecht', PROVINCIE, { p: 'PV26', van: '2025-H1', tot: '2025-H1' });
    const gemeenten = prov.statushoudersTaakstellingProvincie.gemeenten as {
      gemeente: { code: string };
      interventie: { trede: string } | null;
    }[];
    expect(gemeenten.find((g) => g.gemeente.code === 'GM0344')?.interventie?.trede).toBe('AANSCHRIJVING');
    expect(gemeenten.find((g) => g.gemeente.code === 'GM0307')?.interventie).toBeNull();
    const audit = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE actie = 'STEL_INTERVENTIE_STATUSHOUDERS' AND gemeente_code = 'GM0344'`,
    );
    expect(audit.rows[0].n).toBe(2);
  });

  it('setting a step is refused for anyone but the provincie of the gemeente, like a missing gemeente', async () => {
    const voor = await tel('statushouders_interventie');
    const stap = (g: string) => ({
      i: { gemeenteCode: g, halfjaar: '2025-H1', trede: 'SIGNALERING', oordeel: 'VOLDOET_NIET' },
    });
    for (const [wie, g] of [
      ['provincie.gelderland', 'GM0344'],
      ['provincie.utrecht', 'GM0202'], // Arnhem lies in Gelderland
      ['gemeente.utrecht', 'GM0344'],
      ['bzk.analist', 'GM0344'],
      ['provincie.utrecht', 'GM9999'],
    ]) {
      const r = await t.gql(wie, STEL, stap(g));
      expect({ wie, g, code: r.errors?.[0].extensions?.code }).toEqual({ wie, g, code: 'NIET_GEVONDEN' });
    }
    for (const wie of ['corporatie.domstad', 'gemeente.utrecht.lezer', 'huurders.domstad']) {
      const r = await t.gql(wie, STEL, stap('GM0344'));
      expect({ wie, code: r.errors?.[0].extensions?.code }).toEqual({ wie, code: 'GEEN_TOEGANG' });
    }
    expect(await tel('statushouders_interventie')).toBe(voor);
  });

  it('reading the history is refused outside the reader’s scope, like a missing gemeente', async () => {
    for (const [wie, g] of [
      ['gemeente.amersfoort', 'GM0344'],
      ['provincie.gelderland', 'GM0344'],
      ['gemeente.utrecht', 'GM9999'],
    ]) {
      const r = await t.gql(wie, HISTORIE, { g });
      expect({ wie, code: r.errors?.[0].extensions?.code, data: r.data }).toEqual({
        wie,
        code: 'NIET_GEVONDEN',
        data: null,
      });
    }
    // a provincie outside the gemeente's scope does not get its COA figures or its step either
    const r = await t.gql('provincie.gelderland', STATUSHOUDERS, {
      g: 'GM0344',
      van: '2025-H1',
      tot: '2025-H2',
    });
    expect(r.errors?.[0].extensions?.code).toBe('NIET_GEVONDEN');
  });

  it('the database holds the same rules (RLS and grants) when a service would not', async () => {
    const gelderland = await t.orgId('PV25');
    const utrecht = await t.orgId('PV26');
    const alsApp = async (
      org: string,
      soort: string,
      gemeenten: string,
      sql: string,
      params: unknown[] = [],
    ) => {
      const c = await t.db.connect();
      try {
        await c.query('BEGIN');
        await c.query(
          `SELECT set_config('role', 'thuismonitor_app', true), set_config('tm.organisatie_id', $1, true),
                  set_config('tm.organisatie_soort', $2, true), set_config('tm.gemeenten', $3, true),
                  set_config('tm.werkgebied', $3, true)`,
          [org, soort, gemeenten],
        );
        return await c.query(sql, params);
      } finally {
        await c.query('ROLLBACK');
        c.release();
      }
    };
    const stap = `INSERT INTO statushouders_interventie (gemeente_code, halfjaar, trede, oordeel, gesteld_door_id, gebruiker)
                  VALUES ('GM0344', '2025-H1', 'SIGNALERING', 'VOLDOET_NIET', $1, 'x')`;
    // Gelderland, even with GM0344 forced into its scope, is not Utrecht's provincie
    await expect(alsApp(gelderland, 'PROVINCIE', 'GM0344', stap, [gelderland])).rejects.toThrow(
      /row-level security/,
    );
    await expect(alsApp(utrecht, 'PROVINCIE', 'GM0344', stap, [utrecht])).resolves.toBeDefined();
    // history is append-only: no UPDATE or DELETE for the app role at all
    await expect(
      alsApp(utrecht, 'PROVINCIE', 'GM0344', `UPDATE statushouders_interventie SET oordeel = 'VOLDOET'`),
    ).rejects.toThrow(/permission denied/);
    await expect(
      alsApp(utrecht, 'PROVINCIE', 'GM0344', `DELETE FROM statushouders_interventie`),
    ).rejects.toThrow(/permission denied/);
    // COA rows: only the Rijk writes; a provincie's delete touches nothing
    const imp = (await t.db.query(`SELECT id FROM coa_import LIMIT 1`)).rows[0].id;
    await expect(
      alsApp(
        utrecht,
        'PROVINCIE',
        'GM0344',
        `INSERT INTO coa_realisatie VALUES ('GM0344', '2025-10-01', 1, $1)`,
        [imp],
      ),
    ).rejects.toThrow(/row-level security/);
    const weg = await alsApp(utrecht, 'PROVINCIE', 'GM0344', `DELETE FROM coa_realisatie`);
    expect(weg.rowCount).toBe(0);
    // reading: public within scope only
    const gelezen = await alsApp(
      utrecht,
      'PROVINCIE',
      'GM0307',
      `SELECT DISTINCT gemeente_code FROM coa_realisatie`,
    );
    expect(gelezen.rows).toEqual([{ gemeente_code: 'GM0307' }]);
  });

  it('a non-owner sees COA months only up to the last closed quarter, like the toewijzingen; the gemeente up to today', async () => {
    const vandaag = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
    const maand = vandaag.slice(0, 7);
    const hj = `${vandaag.slice(0, 4)}-H${Number(vandaag.slice(5, 7)) <= 6 ? 1 : 2}`;
    await t.ok('bzk.analist', IMPORT, {
      n: 'coa-nu.csv',
      i: `gemeentecode,maand,personen\nGM0344,${maand},4\n`,
    });
    const eigen = (await t.ok('gemeente.utrecht', STATUSHOUDERS, { g: 'GM0344', van: hj, tot: hj }))
      .statushoudersTaakstelling.halfjaren[0];
    expect(eigen.coaTotMaand).toBe(maand);
    // the running month is never inside a closed quarter: the provincie's difference must not
    // set this month's COA persons against toewijzingen that stop at the last closed quarter
    const pv = (
      await t.ok('provincie.utrecht', PROVINCIE, { p: 'PV26', van: hj, tot: hj })
    ).statushoudersTaakstellingProvincie.gemeenten.find(
      (g: { gemeente: { code: string } }) => g.gemeente.code === 'GM0344',
    );
    expect(
      pv.halfjaren[0].gehuisvestCoa === null || pv.halfjaren[0].gehuisvestCoa < eigen.gehuisvestCoa,
    ).toBe(true);
  });
});
