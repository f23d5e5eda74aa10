import { vrijgegevenStatushouders } from './support/vrijgave';
import { startTestApp, type TestApp } from './support/test-app';

const STEL = `mutation ($i: StelTaakstellingInput!) { stelTaakstelling(invoer: $i) {
  id indicatorCode waarde actueel vervangtId halfjaar periode { van tot } gebied { soort code naam } gesteldDoor { code soort } } }`;

const STATUSHOUDERS = `query ($g: String!, $van: String!, $tot: String!) { statushoudersTaakstelling(gemeenteCode: $g, van: $van, tot: $tot) {
  gemeente { code naam } halfjaren { halfjaar taakstelling taakstellingGesteld meegenomen teRealiseren gehuisvest saldo status controledatum voorlopig } } }`;

const PROVINCIE = `query ($p: String!, $van: String!, $tot: String!) { statushoudersTaakstellingProvincie(provincieCode: $p, van: $van, tot: $tot) {
  provincie { code } gemeentenMetAchterstand gemeenten { gemeente { code } halfjaren { halfjaar taakstelling meegenomen gehuisvest saldo status } } } }`;

describe('taakstellingen: set by the level that owns the area', () => {
  let t: TestApp;
  const telRijen = async () =>
    (await t.db.query(`SELECT count(*)::int AS n FROM taakstelling`)).rows[0].n as number;

  beforeAll(async () => {
    t = await startTestApp();
    // U16 lies wholly in the provincie Utrecht, Food Valley crosses into Gelderland
    await t.db.query(
      `UPDATE gemeente SET woningmarktregio_code = 'WMR09' WHERE code IN ('GM0344', 'GM0356', 'GM1904')`,
    );
    await t.db.query(
      `UPDATE gemeente SET woningmarktregio_code = 'WMR10' WHERE code IN ('GM0228', 'GM0345', 'GM0339')`,
    );
  });
  afterAll(() => t.close());

  it('Rijk sets the statushouders taakstelling per gemeente per half year; a change keeps history and is audited', async () => {
    const eerst = await t.ok('bzk.analist', STEL, {
      i: {
        indicatorCode: 'STATUSHOUDERS_GEHUISVEST',
        gebied: { soort: 'GEMEENTE', code: 'GM0344' },
        halfjaar: '2026-H1',
        waarde: 120,
      },
    });
    expect(eerst.stelTaakstelling).toMatchObject({
      indicatorCode: 'STATUSHOUDERS_GEHUISVEST',
      waarde: 120,
      actueel: true,
      vervangtId: null,
      halfjaar: '2026-H1',
      periode: { van: '2026-01-01', tot: '2026-06-30' },
      gebied: { soort: 'GEMEENTE', code: 'GM0344', naam: 'Utrecht' },
      gesteldDoor: { code: 'BZK', soort: 'RIJK' },
    });
    const tweede = await t.ok('bzk.analist', STEL, {
      i: {
        indicatorCode: 'STATUSHOUDERS_GEHUISVEST',
        gebied: { soort: 'GEMEENTE', code: 'GM0344' },
        halfjaar: '2026-H1',
        waarde: 135,
        toelichting: 'circulaire bijgesteld',
      },
    });
    expect(tweede.stelTaakstelling).toMatchObject({
      waarde: 135,
      actueel: true,
      vervangtId: eerst.stelTaakstelling.id,
    });

    const { rows } = await t.db.query(
      `SELECT id, waarde::int, actueel, vervangt_id FROM taakstelling ORDER BY aangemaakt_op`,
    );
    expect(rows).toEqual([
      { id: eerst.stelTaakstelling.id, waarde: 120, actueel: false, vervangt_id: null },
      { id: tweede.stelTaakstelling.id, waarde: 135, actueel: true, vervangt_id: eerst.stelTaakstelling.id },
    ]);
    const audit = await t.db.query(
      `SELECT actie, entiteit_id, voor, na FROM audit_log WHERE entiteit = 'taakstelling' ORDER BY id`,
    );
    expect(audit.rows.map((r) => r.actie)).toEqual(['STEL_TAAKSTELLING', 'WIJZIG_TAAKSTELLING']);
    expect(audit.rows[1]).toMatchObject({
      entiteit_id: tweede.stelTaakstelling.id,
      voor: { waarde: 120 },
      na: { waarde: 135 },
    });

    const lijst = await t.ok(
      'gemeente.utrecht',
      `{ taakstellingen(gebied: { soort: GEMEENTE, code: "GM0344" }, metGeschiedenis: true) { waarde actueel } }`,
    );
    expect(lijst.taakstellingen).toEqual([
      { waarde: 135, actueel: true },
      { waarde: 120, actueel: false },
    ]);
  });

  it('statushouders: a whole half year, whole persons, only per gemeente', async () => {
    const jaar = await t.gql('bzk.analist', STEL, {
      i: {
        indicatorCode: 'STATUSHOUDERS_GEHUISVEST',
        gebied: { soort: 'GEMEENTE', code: 'GM0344' },
        jaar: 2026,
        waarde: 100,
      },
    });
    expect(jaar.errors?.[0].extensions).toMatchObject({
      code: 'ONGELDIGE_INVOER',
      reden: 'STATUSHOUDERS_PER_HALFJAAR',
    });
    const provincie = await t.gql('bzk.analist', STEL, {
      i: {
        indicatorCode: 'STATUSHOUDERS_GEHUISVEST',
        gebied: { soort: 'PROVINCIE', code: 'PV26' },
        halfjaar: '2026-H1',
        waarde: 100,
      },
    });
    expect(provincie.errors?.[0].extensions?.code).toBe('ONGELDIGE_INVOER');
    const beide = await t.gql('bzk.analist', STEL, {
      i: {
        indicatorCode: 'WONINGEN_OPGELEVERD',
        gebied: { soort: 'LAND', code: 'NL' },
        jaar: 2026,
        halfjaar: '2026-H1',
        waarde: 100,
      },
    });
    expect(beide.errors?.[0].extensions?.code).toBe('ONGELDIGE_INVOER');
  });

  it('Rijk: land and provincie targets, and a regio that crosses a provincial border', async () => {
    for (const gebied of [
      { soort: 'LAND', code: 'NL' },
      { soort: 'PROVINCIE', code: 'PV26' },
      { soort: 'WONINGMARKTREGIO', code: 'WMR10' },
    ]) {
      const r = await t.ok('bzk.analist', STEL, {
        i: { indicatorCode: 'WONINGEN_OPGELEVERD', gebied, jaar: 2026, waarde: 1000 },
      });
      expect(r.stelTaakstelling.gebied).toMatchObject(gebied);
    }
  });

  it('provincie: its gemeenten and regio’s wholly inside it', async () => {
    await t.ok('provincie.utrecht', STEL, {
      i: {
        indicatorCode: 'WONINGEN_OPGELEVERD',
        gebied: { soort: 'GEMEENTE', code: 'GM0307' },
        jaar: 2026,
        waarde: 900,
      },
    });
    await t.ok('provincie.utrecht', STEL, {
      i: {
        indicatorCode: 'WONINGEN_OPGELEVERD',
        gebied: { soort: 'WONINGMARKTREGIO', code: 'WMR09' },
        jaar: 2026,
        waarde: 5000,
      },
    });
  });

  it('gemeente: its own area', async () => {
    const r = await t.ok('gemeente.utrecht', STEL, {
      i: {
        indicatorCode: 'SOCIALE_HUURWONINGEN_OPGELEVERD',
        gebied: { soort: 'GEMEENTE', code: 'GM0344' },
        periode: { van: '2026-01-01', tot: '2029-12-31' },
        waarde: 4000,
      },
    });
    expect(r.stelTaakstelling.gesteldDoor).toEqual({ code: 'GM0344', soort: 'GEMEENTE' });
  });

  it('refuses the wrong level and writes nothing', async () => {
    const voor = await telRijen();
    const geweigerd: [string, Record<string, unknown>][] = [
      // a gemeente for another gemeente, or its own statushouders target (set by the Rijk)
      [
        'gemeente.utrecht',
        {
          indicatorCode: 'WONINGEN_OPGELEVERD',
          gebied: { soort: 'GEMEENTE', code: 'GM0307' },
          jaar: 2026,
          waarde: 1,
        },
      ],
      [
        'gemeente.utrecht',
        {
          indicatorCode: 'STATUSHOUDERS_GEHUISVEST',
          gebied: { soort: 'GEMEENTE', code: 'GM0344' },
          halfjaar: '2026-H2',
          waarde: 1,
        },
      ],
      [
        'gemeente.utrecht',
        {
          indicatorCode: 'WONINGEN_OPGELEVERD',
          gebied: { soort: 'PROVINCIE', code: 'PV26' },
          jaar: 2026,
          waarde: 1,
        },
      ],
      // a provincie outside its province, for its own total, or for a regio that crosses the border
      [
        'provincie.utrecht',
        {
          indicatorCode: 'WONINGEN_OPGELEVERD',
          gebied: { soort: 'GEMEENTE', code: 'GM0202' },
          jaar: 2026,
          waarde: 1,
        },
      ],
      [
        'provincie.utrecht',
        {
          indicatorCode: 'WONINGEN_OPGELEVERD',
          gebied: { soort: 'PROVINCIE', code: 'PV26' },
          jaar: 2026,
          waarde: 1,
        },
      ],
      [
        'provincie.utrecht',
        {
          indicatorCode: 'WONINGEN_OPGELEVERD',
          gebied: { soort: 'WONINGMARKTREGIO', code: 'WMR10' },
          jaar: 2026,
          waarde: 1,
        },
      ],
      [
        'provincie.gelderland',
        {
          indicatorCode: 'WONINGEN_OPGELEVERD',
          gebied: { soort: 'GEMEENTE', code: 'GM0344' },
          jaar: 2026,
          waarde: 1,
        },
      ],
      [
        'provincie.utrecht',
        {
          indicatorCode: 'STATUSHOUDERS_GEHUISVEST',
          gebied: { soort: 'GEMEENTE', code: 'GM0344' },
          halfjaar: '2026-H2',
          waarde: 1,
        },
      ],
      // the Rijk does not set ordinary gemeente targets, nor a regio inside one province
      [
        'bzk.analist',
        {
          indicatorCode: 'WONINGEN_OPGELEVERD',
          gebied: { soort: 'GEMEENTE', code: 'GM0344' },
          jaar: 2026,
          waarde: 1,
        },
      ],
      [
        'bzk.analist',
        {
          indicatorCode: 'WONINGEN_OPGELEVERD',
          gebied: { soort: 'WONINGMARKTREGIO', code: 'WMR09' },
          jaar: 2026,
          waarde: 1,
        },
      ],
      // a corporatie never, nor a reader without the manage role
      [
        'corporatie.domstad',
        {
          indicatorCode: 'WONINGEN_OPGELEVERD',
          gebied: { soort: 'GEMEENTE', code: 'GM0344' },
          jaar: 2026,
          waarde: 1,
        },
      ],
      [
        'corporatie.domstad',
        {
          indicatorCode: 'STATUSHOUDERS_GEHUISVEST',
          gebied: { soort: 'GEMEENTE', code: 'GM0344' },
          halfjaar: '2026-H2',
          waarde: 1,
        },
      ],
      [
        'gemeente.utrecht.lezer',
        {
          indicatorCode: 'WONINGEN_OPGELEVERD',
          gebied: { soort: 'GEMEENTE', code: 'GM0344' },
          jaar: 2026,
          waarde: 1,
        },
      ],
    ];
    for (const [wie, i] of geweigerd) {
      const r = await t.gql(wie, STEL, { i });
      expect({ wie, i, code: r.errors?.[0].extensions?.code }).toEqual({ wie, i, code: 'GEEN_TOEGANG' });
    }
    expect(await telRijen()).toBe(voor);
  });

  it('lists targets only for an area in scope', async () => {
    const r = await t.gql(
      'gemeente.amersfoort',
      `{ taakstellingen(gebied: { soort: GEMEENTE, code: "GM0344" }) { waarde } }`,
    );
    expect(r.errors?.[0].extensions?.code).toBe('NIET_GEVONDEN');
    const ok = await t.ok(
      'gemeente.amersfoort',
      `{ taakstellingen(gebied: { soort: GEMEENTE, code: "GM0307" }) { waarde gesteldDoor { code } } }`,
    );
    expect(ok.taakstellingen).toEqual([{ waarde: 900, gesteldDoor: { code: 'PV26' } }]);
  });
});

describe('statushoudersTaakstelling: carry-over against persons housed', () => {
  let t: TestApp;
  // targets per half year for Utrecht, as the Rijk sets them
  const taak: Record<string, number> = { '2025-H1': 40, '2025-H2': 50, '2026-H1': 30, '2026-H2': 60 };

  beforeAll(async () => {
    t = await startTestApp();
    for (const [halfjaar, waarde] of Object.entries(taak)) {
      await t.ok('bzk.analist', STEL, {
        i: {
          indicatorCode: 'STATUSHOUDERS_GEHUISVEST',
          gebied: { soort: 'GEMEENTE', code: 'GM0344' },
          halfjaar,
          waarde,
        },
      });
    }
    await t.ok('bzk.analist', STEL, {
      i: {
        indicatorCode: 'STATUSHOUDERS_GEHUISVEST',
        gebied: { soort: 'GEMEENTE', code: 'GM0307' },
        halfjaar: '2025-H1',
        waarde: 10,
      },
    });
    const domstad = await t.orgId('L0801');
    const eemland = await t.orgId('L0802');
    // Utrecht: statushouders households of different sizes, plus rows that must not count
    // (other aandachtsgroepen, regulier, another gemeente); the expected persons are counted below.
    const rijen: [string, string, string, string | null, number][] = [];
    let n = 0;
    const voeg = (corp: string, gemeente: string, datum: string, groep: string | null, grootte: number) =>
      rijen.push([corp, gemeente, datum, groep, grootte]);
    for (const [datum, grootte] of [
      ['2025-01-15', 4],
      ['2025-03-01', 1],
      ['2025-06-30', 6],
      ['2025-05-05', 3], // 2025-H1: 14 persons
      ['2025-07-01', 5],
      ['2025-12-31', 2],
      ['2025-09-09', 8],
      ['2025-10-10', 1],
      ['2025-11-11', 4], // 2025-H2: 20
      ['2026-02-02', 3], // 2026-H1: 3 … then a big 2026-H2 below
    ] as [string, number][])
      voeg(domstad, 'GM0344', datum, 'STATUSHOUDERS', grootte);
    for (let i = 0; i < 20; i++)
      voeg(domstad, 'GM0344', `2026-0${7 + (i % 3)}-1${i % 9}`, 'STATUSHOUDERS', 5); // 2026-H2: 100
    voeg(domstad, 'GM0344', '2025-02-02', 'URGENTEN', 7);
    voeg(domstad, 'GM0344', '2025-02-02', null, 3);
    voeg(domstad, 'GM0344', '2024-12-31', 'STATUSHOUDERS', 9); // before the first target
    voeg(eemland, 'GM0307', '2025-03-03', 'STATUSHOUDERS', 11);
    for (const [corp, gemeente, datum, groep, grootte] of rijen) {
      await t.db.query(
        `INSERT INTO toewijzing (corporatie_id, gemeente_code, datum, aandachtsgroep, huishoudgrootte, extern_kenmerk) VALUES ($1, $2, $3, $4, $5, $6)`,
        [corp, gemeente, datum, groep, grootte, `k${++n}`],
      );
    }
  });
  afterAll(() => t.close());

  it('counts persons per half year and carries achterstand and voorsprong forward', async () => {
    // persons housed, counted independently from the fixture
    const { rows } = await t.db.query(
      `SELECT to_char(datum, 'YYYY') || CASE WHEN extract(month FROM datum) <= 6 THEN '-H1' ELSE '-H2' END AS hj, sum(huishoudgrootte)::int AS p
       FROM toewijzing WHERE gemeente_code = 'GM0344' AND aandachtsgroep = 'STATUSHOUDERS' GROUP BY 1`,
    );
    const p = Object.fromEntries(rows.map((r) => [r.hj, r.p]));
    expect(p).toEqual({ '2024-H2': 9, '2025-H1': 14, '2025-H2': 20, '2026-H1': 3, '2026-H2': 100 });

    const data = await t.ok('gemeente.utrecht', STATUSHOUDERS, {
      g: 'GM0344',
      van: '2025-H1',
      tot: '2026-H2',
    });
    // 2025-H1: 40 target, 14 housed → 26 behind; 2025-H2: 50 + 26 = 76 to do, 20 housed → 56 behind;
    // 2026-H1: 30 + 56 = 86, 3 housed → 83 behind; 2026-H2: 60 + 83 = 143, 100 housed → 43 behind
    expect(data.statushoudersTaakstelling.gemeente).toEqual({ code: 'GM0344', naam: 'Utrecht' });
    expect(
      data.statushoudersTaakstelling.halfjaren.map(
        ({ controledatum: _c, voorlopig: _v, ...h }: Record<string, unknown>) => h,
      ),
    ).toEqual([
      {
        halfjaar: '2025-H1',
        taakstelling: 40,
        taakstellingGesteld: true,
        meegenomen: 0,
        teRealiseren: 40,
        gehuisvest: 14,
        saldo: 26,
        status: 'ACHTERSTAND',
      },
      {
        halfjaar: '2025-H2',
        taakstelling: 50,
        taakstellingGesteld: true,
        meegenomen: 26,
        teRealiseren: 76,
        gehuisvest: 20,
        saldo: 56,
        status: 'ACHTERSTAND',
      },
      {
        halfjaar: '2026-H1',
        taakstelling: 30,
        taakstellingGesteld: true,
        meegenomen: 56,
        teRealiseren: 86,
        gehuisvest: 3,
        saldo: 83,
        status: 'ACHTERSTAND',
      },
      {
        halfjaar: '2026-H2',
        taakstelling: 60,
        taakstellingGesteld: true,
        meegenomen: 83,
        teRealiseren: 143,
        gehuisvest: 100,
        saldo: 43,
        status: 'ACHTERSTAND',
      },
    ]);
    expect(
      data.statushoudersTaakstelling.halfjaren.map((h: { controledatum: string }) => h.controledatum),
    ).toEqual(['2025-07-01', '2026-01-01', '2026-07-01', '2027-01-01']);
  });

  /**
   * What the provincie sees for Utrecht (not the owner): persons housed as released per base cell
   * (test/support/vrijgave.ts, from the rows), the same targets (40, 50, 30, 60 from 2025-H1, none
   * after), the carry-over computed here: per half year [halfjaar, meegenomen, saldo, gesteld].
   */
  async function provincieKeten(tonen: string[]) {
    const doel: Record<string, number> = { '2025-H1': 40, '2025-H2': 50, '2026-H1': 30, '2026-H2': 60 };
    const halfjaren = ['2025-H1', '2025-H2', '2026-H1', '2026-H2', '2027-H1'];
    const grens = (hj: string) =>
      hj.endsWith('H1')
        ? [`${hj.slice(0, 4)}-01-01`, `${hj.slice(0, 4)}-06-30`]
        : [`${hj.slice(0, 4)}-07-01`, `${hj.slice(0, 4)}-12-31`];
    const uit: [string, number, number, boolean][] = [];
    let saldo = 0;
    for (const hj of halfjaren) {
      const [van, tot] = grens(hj);
      const gehuisvest = await vrijgegevenStatushouders(t.db, ['GM0344'], van, tot);
      const meegenomen = saldo;
      saldo = meegenomen + (doel[hj] ?? 0) - gehuisvest;
      if (tonen.includes(hj)) uit.push([hj, meegenomen, saldo, hj in doel]);
    }
    return uit;
  }

  it('a later start still carries the real achterstand in; a half year without target counts as 0', async () => {
    const data = await t.ok('provincie.utrecht', STATUSHOUDERS, {
      g: 'GM0344',
      van: '2026-H1',
      tot: '2027-H1',
    });
    expect(
      data.statushoudersTaakstelling.halfjaren.map((h: Record<string, unknown>) => [
        h.halfjaar,
        h.meegenomen,
        h.saldo,
        h.taakstellingGesteld,
      ]),
    ).toEqual(await provincieKeten(['2026-H1', '2026-H2', '2027-H1']));
  });

  it('a voorsprong carries forward as a negative saldo', async () => {
    // Amersfoort: target 10 in 2025-H1, 11 housed → voorsprong 1, nothing set after
    const data = await t.ok('gemeente.amersfoort', STATUSHOUDERS, {
      g: 'GM0307',
      van: '2025-H1',
      tot: '2025-H2',
    });
    expect(
      data.statushoudersTaakstelling.halfjaren.map((h: Record<string, unknown>) => [
        h.halfjaar,
        h.teRealiseren,
        h.gehuisvest,
        h.saldo,
        h.status,
      ]),
    ).toEqual([
      ['2025-H1', 10, 11, -1, 'VOORSPRONG'],
      ['2025-H2', 0, 0, -1, 'VOORSPRONG'],
    ]);
  });

  it('the provincie sees all its gemeenten at once, with the same figures', async () => {
    const data = await t.ok('provincie.utrecht', PROVINCIE, { p: 'PV26', van: '2025-H1', tot: '2026-H2' });
    const { rows } = await t.db.query(
      `SELECT count(*)::int AS n FROM gemeente WHERE provincie_code = 'PV26'`,
    );
    expect(data.statushoudersTaakstellingProvincie.gemeenten).toHaveLength(rows[0].n);
    const utrecht = data.statushoudersTaakstellingProvincie.gemeenten.find(
      (g: { gemeente: { code: string } }) => g.gemeente.code === 'GM0344',
    );
    expect(utrecht.halfjaren.map((h: { saldo: number }) => h.saldo)).toEqual(
      (await provincieKeten(['2025-H1', '2025-H2', '2026-H1', '2026-H2'])).map(([, , saldo]) => saldo),
    );
    // Utrecht behind; Amersfoort (10 to do in 2025-H1, one household of 11 persons) behind for the
    // provincie when that single household's cell was released as 0
    const amersfoort = await vrijgegevenStatushouders(t.db, ['GM0307'], '2025-01-01', '2025-06-30');
    expect(data.statushoudersTaakstellingProvincie.gemeentenMetAchterstand).toBe(amersfoort < 10 ? 2 : 1);
  });

  it('refuses gemeenten and provincies outside the viewer’s scope like unknown ones', async () => {
    for (const [wie, g] of [
      ['gemeente.amersfoort', 'GM0344'],
      ['provincie.gelderland', 'GM0344'],
      ['corporatie.eemland', 'GM0344'],
      ['gemeente.utrecht', 'GM9999'],
    ]) {
      const r = await t.gql(wie, STATUSHOUDERS, { g, van: '2025-H1', tot: '2025-H2' });
      expect(r.errors?.[0]).toMatchObject({
        message: 'De gemeente is niet gevonden.',
        extensions: { code: 'NIET_GEVONDEN' },
      });
      expect(r.data).toBeNull();
    }
    for (const wie of ['gemeente.utrecht', 'provincie.gelderland']) {
      const r = await t.gql(wie, PROVINCIE, { p: 'PV26', van: '2025-H1', tot: '2025-H2' });
      expect(r.errors?.[0].extensions?.code).toBe('NIET_GEVONDEN');
    }
    const fout = await t.gql('gemeente.utrecht', STATUSHOUDERS, {
      g: 'GM0344',
      van: '2026-H2',
      tot: '2025-H1',
    });
    expect(fout.errors?.[0].extensions?.code).toBe('ONGELDIGE_INVOER');
  });
});
