import { ok as paOk, Q } from './prestatieafspraak.helpers';
import { startTestApp, type TestApp } from './support/test-app';
import { vrijgegevenStatushouders } from './support/vrijgave';

/**
 * Voortgang over HTTP against fixture rows inserted with SQL; every figure is checked against a
 * count computed independently here (own SQL over the fixture), never against the API's own code.
 */
const CEL = 'waarde onderdrukt weergave';
const VOORTGANG = `query ($g: GebiedInput!, $j: Int, $p: DatumPeriodeInput) { voortgang(gebied: $g, jaar: $j, periode: $p) {
  gebied { soort code naam } periode { van tot } peildatum verstrekenFractie afgeschermd
  actielijnen { code nummer indicatoren { code eenheid taakstelling taakstellingBron onderdelenMetTaakstelling
    realisatie { ${CEL} } percentage verwacht status dekking { gemeenten totaal } } }
  gemeenten { gemeente { code naam } indicatoren { indicatorCode taakstelling realisatie { ${CEL} } percentage status } } } }`;

const STEL = `mutation ($i: StelTaakstellingInput!) { stelTaakstelling(invoer: $i) { id } }`;

const GROEPEN = [
  'STATUSHOUDERS',
  'URGENTEN',
  'UITSTROOM_INSTELLINGEN',
  'DAK_EN_THUISLOZEN',
  'ARBEIDSMIGRANTEN',
  'STUDENTEN',
  'WOONWAGENBEWONERS',
  'OUDEREN',
];

/** The household-count toewijzing indicators and the SQL filter each one means (written out here, not taken from the API). */
const HUISHOUDEN_FILTER: Record<string, string> = {
  TOEWIJZINGEN_TOTAAL: 'true',
  TOEWIJZINGEN_VIA_URGENTIE: 'via_urgentie',
  ...Object.fromEntries(GROEPEN.map((g) => [`TOEWIJZINGEN_${g}`, `aandachtsgroep = '${g}'`])),
};

type Cel = { waarde: number | null; onderdrukt: boolean; weergave: string };
type Ind = {
  code: string;
  taakstelling: number | null;
  taakstellingBron: string;
  onderdelenMetTaakstelling: number;
  realisatie: Cel;
  percentage: number | null;
  status: string | null;
};
type Gem = {
  gemeente: { code: string };
  indicatoren: {
    indicatorCode: string;
    taakstelling: number | null;
    realisatie: Cel;
    status: string | null;
  }[];
};

const indicatoren = (v: { actielijnen: { indicatoren: Ind[] }[] }) =>
  new Map(v.actielijnen.flatMap((a) => a.indicatoren).map((i) => [i.code, i]));

/** Small deterministic generator so the fixture is the same on every run. */
function rng(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}

describe('voortgang over HTTP', () => {
  let t: TestApp;
  let pv26: string[];

  /** independent count of household-based toewijzingen per gemeente for one indicator, 2024 */
  async function telPerGemeente(
    filter: string,
    gemeenten: string[] | null,
    van = '2024-01-01',
    tot = '2024-12-31',
  ): Promise<Map<string, number>> {
    const { rows } = await t.db.query(
      `SELECT gemeente_code AS g, count(*) FILTER (WHERE ${filter})::int AS n FROM toewijzing
       WHERE datum BETWEEN $1 AND $2 AND ($3::text[] IS NULL OR gemeente_code = ANY($3)) GROUP BY 1`,
      [van, tot, gemeenten],
    );
    return new Map(rows.map((r) => [r.g, r.n]));
  }

  /** base cells (gemeente, corporatie, quarter, group, via urgentie) of one indicator, 2024, per gemeente */
  async function basisCellen(filter: string, gemeenten: string[] | null): Promise<Map<string, number[]>> {
    const { rows } = await t.db.query(
      `SELECT gemeente_code AS g, count(*)::int AS n FROM toewijzing
       WHERE datum BETWEEN '2024-01-01' AND '2024-12-31' AND (${filter}) AND ($1::text[] IS NULL OR gemeente_code = ANY($1))
       GROUP BY gemeente_code, corporatie_id, date_trunc('quarter', datum), aandachtsgroep, via_urgentie`,
      [gemeenten],
    );
    const uit = new Map<string, number[]>();
    for (const r of rows) uit.set(r.g, [...(uit.get(r.g) ?? []), r.n]);
    return uit;
  }

  /**
   * A released value is the sum of the base cells, each 0 or ≥ 5 as is and each 1–4 as 0 or 5:
   * so never 1–4, at least the sum of the large cells, at most 5 more per small cell, and off by a
   * multiple of 5. Checked against the exact rows, without the key.
   */
  function controleerVrijgegeven(wat: string, waarde: number, cellen: number[]) {
    const groot = cellen.filter((n) => n >= 5).reduce((s, n) => s + n, 0);
    const klein = cellen.filter((n) => n >= 1 && n <= 4).length;
    const ok =
      waarde >= groot &&
      (waarde - groot) % 5 === 0 &&
      waarde - groot <= 5 * klein &&
      !(waarde >= 1 && waarde <= 4);
    expect({ wat, waarde, groot, klein, ok }).toEqual({ wat, waarde, groot, klein, ok: true });
  }

  beforeAll(async () => {
    t = await startTestApp();
    pv26 = (
      await t.db.query(`SELECT code FROM gemeente WHERE provincie_code = 'PV26' ORDER BY code`)
    ).rows.map((r) => r.code);
    const domstad = await t.orgId('L0801');
    const eemland = await t.orgId('L0802');
    const utrechtOrg = await t.orgId('GM0344');

    // toewijzingen: random small and large counts in every gemeente of Utrecht, in 2024 and around it
    const r = rng(42);
    const rij = {
      corp: [] as string[],
      gem: [] as string[],
      datum: [] as string[],
      groep: [] as (string | null)[],
      grootte: [] as number[],
      urg: [] as boolean[],
    };
    const voeg = (gem: string, datum: string, groep: string | null, grootte: number, urgent = false) => {
      rij.corp.push(gem === 'GM0307' ? eemland : domstad);
      rij.gem.push(gem);
      rij.datum.push(datum);
      rij.groep.push(groep);
      rij.grootte.push(grootte);
      rij.urg.push(urgent);
    };
    const datum = (jaar: number) =>
      `${jaar}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
    for (const gem of [...pv26, 'GM0202', 'GM0014']) {
      const schaal = gem === 'GM0344' ? 40 : gem === 'GM0307' ? 20 : 1 + Math.floor(r() * 8);
      for (const groep of [...GROEPEN, null]) {
        // Utrecht gets exactly 3 statushouders households and 2 woonwagenbewoners in 2024: small cells
        const n =
          gem === 'GM0344' && groep === 'STATUSHOUDERS'
            ? 3
            : gem === 'GM0344' && groep === 'WOONWAGENBEWONERS'
              ? 2
              : Math.floor(r() * schaal * (groep ? 1 : 5));
        for (let i = 0; i < n; i++) voeg(gem, datum(2024), groep, 1 + Math.floor(r() * 6), r() < 0.15);
      }
      for (let i = 0; i < 6; i++) voeg(gem, datum(r() < 0.5 ? 2023 : 2025), GROEPEN[i], 2);
    }
    await t.db.query(
      `INSERT INTO toewijzing (corporatie_id, gemeente_code, datum, aandachtsgroep, huishoudgrootte, via_urgentie, extern_kenmerk)
       SELECT c, g, d::date, a, h, u, 'fx-' || n FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::int[], $6::bool[]) WITH ORDINALITY AS x(c, g, d, a, h, u, n)`,
      [rij.corp, rij.gem, rij.datum, rij.groep, rij.grootte, rij.urg],
    );

    // nieuwbouw: opgeleverd in 2024 counts by opleverdatum; earlier, later or not opgeleverd does not
    const project = (
      gem: string,
      eigenaar: string,
      fase: string,
      opgeleverd: string | null,
      w: number[],
      aandacht: number,
      per: object,
    ) =>
      t.db.query(
        `INSERT INTO nieuwbouwproject (naam, gemeente_code, eigenaar_id, fase, woningen_sociale_huur, woningen_middenhuur,
           woningen_vrije_sector_huur, woningen_koop_betaalbaar, woningen_koop_vrij, woningen_aandachtsgroepen, woningen_per_aandachtsgroep, opgeleverd_op)
         VALUES ('p', $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [gem, eigenaar, fase, ...w, aandacht, JSON.stringify(per), opgeleverd],
      );
    await project('GM0344', domstad, 'OPGELEVERD', '2024-05-01', [100, 20, 0, 0, 30], 15, {
      OUDEREN: 10,
      STUDENTEN: 5,
    });
    await project('GM0344', domstad, 'OPGELEVERD', '2024-12-31', [10, 0, 5, 7, 0], 0, {});
    await project('GM0344', domstad, 'OPGELEVERD', '2023-12-31', [999, 0, 0, 0, 0], 0, {});
    await project('GM0344', domstad, 'IN_AANBOUW', null, [500, 0, 0, 0, 0], 0, {});
    await project('GM0307', eemland, 'OPGELEVERD', '2024-11-11', [40, 0, 0, 0, 0], 4, {
      ARBEIDSMIGRANTEN: 4,
    });
    await project('GM0202', domstad, 'OPGELEVERD', '2024-02-02', [70, 0, 0, 0, 0], 0, {});

    // kwartaalcijfers: stands per corporatie (a corrected figure replaces the old one), sums per quarter
    const kc = (
      ind: string,
      org: string,
      gem: string,
      jaar: number,
      k: number,
      waarde: number,
      actueel = true,
    ) =>
      t.db.query(
        `INSERT INTO kwartaalcijfer (indicator_code, organisatie_id, gemeente_code, jaar, kwartaal, waarde, actueel) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [ind, org, gem, jaar, k, waarde, actueel],
      );
    for (const [k, w] of [
      [1, 20000],
      [2, 20100],
      [4, 20300],
    ])
      await kc('SOCIALE_HUURVOORRAAD', domstad, 'GM0344', 2024, k, w);
    await kc('SOCIALE_HUURVOORRAAD', domstad, 'GM0344', 2024, 3, 20200, false);
    await kc('SOCIALE_HUURVOORRAAD', domstad, 'GM0344', 2024, 3, 20250);
    await kc('SOCIALE_HUURVOORRAAD', domstad, 'GM0344', 2025, 1, 20400); // after the period
    await kc('SOCIALE_HUURVOORRAAD', eemland, 'GM0307', 2024, 3, 7900);
    await kc('SOCIALE_HUURVOORRAAD', domstad, 'GM0356', 2024, 2, 5000); // last reported in Q2: still the stand
    await kc('SOCIALE_HUURVOORRAAD', eemland, 'GM0327', 2023, 3, 999); // more than four quarters old in 2024: stopped reporting
    await kc('WONINGVOORRAAD_TOTAAL', utrechtOrg, 'GM0344', 2024, 4, 160000);
    for (const [k, w] of [
      [1, 3],
      [2, 2],
      [3, 4],
      [4, 1],
    ])
      await kc('HUISUITZETTINGEN', domstad, 'GM0344', 2024, k, w);
    await kc('HUISUITZETTINGEN', domstad, 'GM0344', 2025, 1, 5);
    await kc('HUISUITZETTINGEN', eemland, 'GM0307', 2024, 2, 6);

    // taakstellingen through the API, each by the level that owns the area
    const stel = (als: string, i: Record<string, unknown>) => t.ok(als, STEL, { i });
    await stel('provincie.utrecht', {
      indicatorCode: 'WONINGEN_OPGELEVERD',
      gebied: { soort: 'GEMEENTE', code: 'GM0344' },
      jaar: 2024,
      waarde: 1000,
    });
    await stel('gemeente.utrecht', {
      indicatorCode: 'WONINGEN_OPGELEVERD',
      gebied: { soort: 'GEMEENTE', code: 'GM0344' },
      jaar: 2024,
      waarde: 2000,
    });
    await stel('provincie.utrecht', {
      indicatorCode: 'WONINGEN_OPGELEVERD',
      gebied: { soort: 'GEMEENTE', code: 'GM0307' },
      jaar: 2024,
      waarde: 500,
    });
    await stel('bzk.analist', {
      indicatorCode: 'WONINGEN_OPGELEVERD',
      gebied: { soort: 'LAND', code: 'NL' },
      jaar: 2024,
      waarde: 100000,
    });
    await stel('bzk.analist', {
      indicatorCode: 'SOCIALE_HUURWONINGEN_OPGELEVERD',
      gebied: { soort: 'PROVINCIE', code: 'PV26' },
      jaar: 2024,
      waarde: 800,
    });
    await stel('bzk.analist', {
      indicatorCode: 'STATUSHOUDERS_GEHUISVEST',
      gebied: { soort: 'GEMEENTE', code: 'GM0344' },
      halfjaar: '2024-H1',
      waarde: 10,
    });
    await stel('bzk.analist', {
      indicatorCode: 'STATUSHOUDERS_GEHUISVEST',
      gebied: { soort: 'GEMEENTE', code: 'GM0344' },
      halfjaar: '2024-H2',
      waarde: 12,
    });
    // the stock share of sociale huur is judged only against a provincie's target (decisions.md
    // "Regionale woondeals"): a gemeente cannot set one, the provincie can
    const eigen = await t.gql('gemeente.utrecht', STEL, {
      i: {
        indicatorCode: 'AANDEEL_SOCIALE_HUUR',
        gebied: { soort: 'GEMEENTE', code: 'GM0344' },
        jaar: 2024,
        waarde: 35,
      },
    });
    expect(eigen.errors?.[0].extensions?.code).toBe('GEEN_TOEGANG');
    await stel('provincie.utrecht', {
      indicatorCode: 'AANDEEL_SOCIALE_HUUR',
      gebied: { soort: 'GEMEENTE', code: 'GM0344' },
      jaar: 2024,
      waarde: 30,
    });
  });
  afterAll(() => t.close());

  it('a gemeente sees its own figures exactly, each equal to an independent count', async () => {
    const { voortgang: v } = await t.ok('gemeente.utrecht', VOORTGANG, {
      g: { soort: 'GEMEENTE', code: 'GM0344' },
      j: 2024,
    });
    expect(v).toMatchObject({
      gebied: { soort: 'GEMEENTE', code: 'GM0344', naam: 'Utrecht' },
      periode: { van: '2024-01-01', tot: '2024-12-31' },
      peildatum: '2024-12-31',
      verstrekenFractie: 1,
      afgeschermd: false,
      gemeenten: [],
    });
    expect(v.actielijnen.map((a: { nummer: number }) => a.nummer)).toEqual([1, 2, 3, 4]);
    const ind = indicatoren(v);
    for (const [code, filter] of Object.entries(HUISHOUDEN_FILTER)) {
      const verwacht = (await telPerGemeente(filter, ['GM0344'])).get('GM0344') ?? 0;
      expect({ code, realisatie: ind.get(code)!.realisatie }).toEqual({
        code,
        realisatie: { waarde: verwacht, onderdrukt: false, weergave: String(verwacht) },
      });
    }
    // the small cells are shown to the gemeente itself
    expect(ind.get('TOEWIJZINGEN_WOONWAGENBEWONERS')!.realisatie.waarde).toBe(2);
    expect(ind.get('TOEWIJZINGEN_STATUSHOUDERS')!.realisatie.waarde).toBe(3);
    const personen = (
      await t.db.query(
        `SELECT sum(huishoudgrootte)::int AS p FROM toewijzing WHERE gemeente_code = 'GM0344' AND aandachtsgroep = 'STATUSHOUDERS' AND datum BETWEEN '2024-01-01' AND '2024-12-31'`,
      )
    ).rows[0].p;
    expect(ind.get('STATUSHOUDERS_GEHUISVEST')).toMatchObject({
      taakstelling: 22,
      realisatie: { waarde: personen },
    });

    // nieuwbouw by opleverdatum in 2024: 150 + 22; sociale huur 110; betaalbaar 100+20+10+7
    expect(ind.get('WONINGEN_OPGELEVERD')).toMatchObject({
      realisatie: { waarde: 172 },
      taakstelling: 1000,
      taakstellingBron: 'GEBIED',
      percentage: 17.2,
      status: 'ACHTER',
    });
    expect(ind.get('SOCIALE_HUURWONINGEN_OPGELEVERD')!.realisatie.waarde).toBe(110);
    expect(ind.get('BETAALBARE_WONINGEN_OPGELEVERD')!.realisatie.waarde).toBe(137);
    expect(ind.get('NIEUWBOUW_VOOR_AANDACHTSGROEPEN')!.realisatie.waarde).toBe(15);
    expect(ind.get('OUDERENWONINGEN_OPGELEVERD')!.realisatie.waarde).toBe(10);
    expect(ind.get('FLEXWONINGEN_STUDENTEN')!.realisatie.waarde).toBe(5);
    expect(ind.get('FLEXWONINGEN_ARBEIDSMIGRANTEN')!.realisatie.waarde).toBe(0);

    // kwartaalcijfers: the stand at the end of 2024, the sum of the quarters of 2024, the share
    expect(ind.get('SOCIALE_HUURVOORRAAD')!.realisatie).toEqual({
      waarde: 20300,
      onderdrukt: false,
      weergave: '20.300',
    });
    expect(ind.get('WONINGVOORRAAD_TOTAAL')!.realisatie.waarde).toBe(160000);
    expect(ind.get('AANDEEL_SOCIALE_HUUR')).toMatchObject({
      realisatie: { waarde: 12.69, weergave: '12,7%' },
      taakstelling: 30,
      status: 'ACHTER',
    });
    expect(ind.get('HUISUITZETTINGEN')).toMatchObject({
      realisatie: { waarde: 10 },
      taakstelling: null,
      status: 'GEEN_DOEL',
    });
    expect(ind.get('UITSTROOM_WACHTEND')!.realisatie).toEqual({
      waarde: null,
      onderdrukt: false,
      weergave: '–',
    });
  });

  it('over part of a year: the year target in full, not due in it ("loopt"); counts only that part', async () => {
    const { voortgang: v } = await t.ok('gemeente.utrecht', VOORTGANG, {
      g: { soort: 'GEMEENTE', code: 'GM0344' },
      p: { van: '2024-01-01', tot: '2024-06-30' },
    });
    const ind = indicatoren(v);
    // a target due on 31 December is not spread by day over the first half year
    expect(ind.get('WONINGEN_OPGELEVERD')).toMatchObject({
      taakstelling: 1000,
      realisatie: { waarde: 150 },
      percentage: 15,
      verwacht: 0,
      status: 'LOOPT',
    });
    // the H1 statushouders target is due on 30 June, inside the period: judged in full
    const personenH1 = (
      await t.db.query(
        `SELECT coalesce(sum(huishoudgrootte), 0)::int AS p FROM toewijzing WHERE gemeente_code = 'GM0344' AND aandachtsgroep = 'STATUSHOUDERS' AND datum BETWEEN '2024-01-01' AND '2024-06-30'`,
      )
    ).rows[0].p;
    expect(ind.get('STATUSHOUDERS_GEHUISVEST')).toMatchObject({
      taakstelling: 10,
      verwacht: 10,
      realisatie: { waarde: personenH1 },
    });
    expect(ind.get('STATUSHOUDERS_GEHUISVEST')!.status).not.toBe('LOOPT');
    const verwacht = (await telPerGemeente('true', ['GM0344'], '2024-01-01', '2024-06-30')).get('GM0344');
    expect(ind.get('TOEWIJZINGEN_TOTAAL')!.realisatie.waarde).toBe(verwacht);
    // the quarters inside: Q1 and Q2 huisuitzettingen, the stand at Q2
    expect(ind.get('HUISUITZETTINGEN')!.realisatie.waarde).toBe(5);
    expect(ind.get('SOCIALE_HUURVOORRAAD')!.realisatie.waarde).toBe(20100);
  });

  it('a provincie gets released values: never 1–4, exact where every base cell is 0 or ≥ 5, totals the sum of their parts', async () => {
    const { voortgang: v } = await t.ok('provincie.utrecht', VOORTGANG, {
      g: { soort: 'PROVINCIE', code: 'PV26' },
      j: 2024,
    });
    expect(v.afgeschermd).toBe(true);
    expect(v.gemeenten.map((g: Gem) => g.gemeente.code).sort()).toEqual(pv26);
    const ind = indicatoren(v);
    const cel = (gem: string, code: string) =>
      v.gemeenten
        .find((g: Gem) => g.gemeente.code === gem)
        .indicatoren.find((i: { indicatorCode: string }) => i.indicatorCode === code);

    for (const [code, filter] of Object.entries(HUISHOUDEN_FILTER)) {
      const basis = await basisCellen(filter, pv26);
      let som = 0;
      for (const gem of pv26) {
        const c = cel(gem, code).realisatie as Cel;
        expect({ gem, code, onderdrukt: c.onderdrukt }).toEqual({ gem, code, onderdrukt: false });
        controleerVrijgegeven(`${gem} ${code}`, c.waarde!, basis.get(gem) ?? []);
        som += c.waarde!;
      }
      // additive: the provincie total is the sum of the released gemeente values
      expect({ code, totaal: ind.get(code)!.realisatie.waarde }).toEqual({ code, totaal: som });
    }
    // what gemeente Utrecht saw exactly (2 and 3) is never shown as such to the provincie
    expect([2, 3]).not.toContain(cel('GM0344', 'TOEWIJZINGEN_WOONWAGENBEWONERS').realisatie.waarde);
    // persons housed are counted from households: released per base cell like them (a
    // corporatie could otherwise subtract its own persons and read its competitors' households)
    expect(cel('GM0344', 'STATUSHOUDERS_GEHUISVEST').realisatie).toMatchObject({
      waarde: await vrijgegevenStatushouders(t.db, ['GM0344'], '2024-01-01', '2024-12-31'),
      onderdrukt: false,
    });

    // figures that are not household counts are exact sums over the provincie
    expect(ind.get('WONINGEN_OPGELEVERD')!.realisatie.waarde).toBe(172 + 40);
    expect(ind.get('SOCIALE_HUURVOORRAAD')!.realisatie.waarde).toBe(20300 + 7900 + 5000);
    // huisuitzettingen are households: per quarter and reporter 3, 2, 4, 1 and 6 → released
    // (Amersfoort's 6 as is, each of Utrecht's four small cells 0 or 5)
    expect([6, 11, 16, 21, 26]).toContain(ind.get('HUISUITZETTINGEN')!.realisatie.waarde);
    // no own target: the sum of its gemeenten' (the provincie's 1000 for Utrecht, not Utrecht's own 2000)
    expect(ind.get('WONINGEN_OPGELEVERD')).toMatchObject({
      taakstelling: 1500,
      taakstellingBron: 'ONDERDELEN',
      onderdelenMetTaakstelling: 2,
    });
    expect(ind.get('SOCIALE_HUURWONINGEN_OPGELEVERD')).toMatchObject({
      taakstelling: 800,
      taakstellingBron: 'GEBIED',
    });
    expect(cel('GM0344', 'WONINGEN_OPGELEVERD')).toMatchObject({
      taakstelling: 1000,
      realisatie: { waarde: 172 },
    });
  });

  it('the same cell asked in another way gives the same released value (nothing to subtract)', async () => {
    const prov = (
      await t.ok('provincie.utrecht', VOORTGANG, { g: { soort: 'PROVINCIE', code: 'PV26' }, j: 2024 })
    ).voortgang;
    const een = indicatoren(
      (await t.ok('provincie.utrecht', VOORTGANG, { g: { soort: 'GEMEENTE', code: 'GM0344' }, j: 2024 }))
        .voortgang,
    );
    const utrecht = prov.gemeenten.find((g: Gem) => g.gemeente.code === 'GM0344');
    for (const code of Object.keys(HUISHOUDEN_FILTER)) {
      const inTabel = utrecht.indicatoren.find((i: { indicatorCode: string }) => i.indicatorCode === code)
        .realisatie.waarde;
      expect({ code, waarde: een.get(code)!.realisatie.waarde }).toEqual({ code, waarde: inTabel });
    }
    // the year is the sum of its quarters (additive over periods too)
    let kwartalen = 0;
    for (const [van, tot] of [
      ['2024-01-01', '2024-03-31'],
      ['2024-04-01', '2024-06-30'],
      ['2024-07-01', '2024-09-30'],
      ['2024-10-01', '2024-12-31'],
    ]) {
      const q = (
        await t.ok('provincie.utrecht', VOORTGANG, {
          g: { soort: 'GEMEENTE', code: 'GM0344' },
          p: { van, tot },
        })
      ).voortgang;
      kwartalen += indicatoren(q).get('TOEWIJZINGEN_STATUSHOUDERS')!.realisatie.waarde!;
    }
    expect(kwartalen).toBe(een.get('TOEWIJZINGEN_STATUSHOUDERS')!.realisatie.waarde);
  });

  it('a non-owner asking for a period off the quarter grid is refused in Dutch; the gemeente itself is not', async () => {
    const dag = { van: '2024-01-01', tot: '2024-06-29' };
    const r = await t.gql('provincie.utrecht', VOORTGANG, {
      g: { soort: 'GEMEENTE', code: 'GM0344' },
      p: dag,
    });
    expect(r.errors?.[0]).toMatchObject({
      message: expect.stringContaining('hele kwartalen'),
      extensions: { code: 'ONGELDIGE_INVOER' },
    });
    const eigen = await t.ok('gemeente.utrecht', VOORTGANG, {
      g: { soort: 'GEMEENTE', code: 'GM0344' },
      p: dag,
    });
    expect(eigen.voortgang.peildatum).toBe('2024-06-29');
  });

  it('the country: every figure equals an independent national count', async () => {
    const { voortgang: v } = await t.ok('bzk.analist', VOORTGANG, {
      g: { soort: 'LAND', code: 'nl' },
      j: 2024,
    });
    expect(v.gebied).toEqual({ soort: 'LAND', code: 'NL', naam: 'Nederland' });
    expect(v.gemeenten).toHaveLength(342);
    const ind = indicatoren(v);
    const { rows } = await t.db.query(
      `SELECT count(*)::int AS totaal, count(*) FILTER (WHERE via_urgentie)::int AS urgentie,
              sum(huishoudgrootte) FILTER (WHERE aandachtsgroep = 'STATUSHOUDERS')::int AS personen
       FROM toewijzing WHERE datum BETWEEN '2024-01-01' AND '2024-12-31'`,
    );
    // protected counts: the sum of the released gemeente values, each checked against the rows
    for (const [code, filter] of [
      ['TOEWIJZINGEN_TOTAAL', 'true'],
      ['TOEWIJZINGEN_VIA_URGENTIE', 'via_urgentie'],
    ]) {
      const basis = await basisCellen(filter, null);
      let som = 0;
      for (const g of v.gemeenten as Gem[]) {
        const w = g.indicatoren.find((i) => i.indicatorCode === code)!.realisatie.waarde!;
        controleerVrijgegeven(`${g.gemeente.code} ${code}`, w, basis.get(g.gemeente.code) ?? []);
        som += w;
      }
      expect(ind.get(code)!.realisatie.waarde).toBe(som);
      const exact = code === 'TOEWIJZINGEN_TOTAAL' ? rows[0].totaal : rows[0].urgentie;
      expect(Math.abs(som - exact)).toBeLessThanOrEqual(4 * [...basis.values()].flat().length);
    }
    // persons housed: released per base cell, summed
    expect(ind.get('STATUSHOUDERS_GEHUISVEST')!.realisatie.waarde).toBe(
      await vrijgegevenStatushouders(t.db, null, '2024-01-01', '2024-12-31'),
    );
    expect(ind.get('WONINGEN_OPGELEVERD')).toMatchObject({
      realisatie: { waarde: 172 + 40 + 70 },
      taakstelling: 100000,
      taakstellingBron: 'GEBIED',
    });
    expect(ind.get('WONINGEN_OPGELEVERD')!.percentage).toBeCloseTo(0.282, 9);
    // no national target: the sum of the provincies' (PV26's own 800)
    expect(ind.get('SOCIALE_HUURWONINGEN_OPGELEVERD')).toMatchObject({
      taakstelling: 800,
      taakstellingBron: 'ONDERDELEN',
      onderdelenMetTaakstelling: 1,
    });
    // huisuitzettingen per quarter and reporter 3, 2, 4, 1 (Utrecht) and 6 (Amersfoort): released
    expect([6, 11, 16, 21, 26]).toContain(ind.get('HUISUITZETTINGEN')!.realisatie.waarde);
    // every national figure states how many gemeenten it covers
    const gedekt = (
      await t.db.query(
        `SELECT count(DISTINCT gemeente_code)::int AS n FROM toewijzing WHERE datum BETWEEN '2024-01-01' AND '2024-12-31'`,
      )
    ).rows[0].n;
    const dekking = (code: string) => (ind.get(code) as unknown as { dekking: object }).dekking;
    // for a non-owner: the gemeenten with a released figure above 0 (a group released as 0 is not
    // returned at all, publicatie), so at most those with rows
    const metCijfer = (v.gemeenten as Gem[]).filter(
      (g) => g.indicatoren.find((i) => i.indicatorCode === 'TOEWIJZINGEN_TOTAAL')!.realisatie.waarde! > 0,
    ).length;
    expect(dekking('TOEWIJZINGEN_TOTAAL')).toEqual({ gemeenten: metCijfer, totaal: 342 });
    expect(metCijfer).toBeLessThanOrEqual(gedekt);
    // Utrecht, Amersfoort and Utrechtse Heuvelrug's last stand; the stand of 2023 no longer counts
    expect(dekking('SOCIALE_HUURVOORRAAD')).toEqual({ gemeenten: 3, totaal: 342 });
    expect(dekking('AANDEEL_SOCIALE_HUUR')).toEqual({ gemeenten: 1, totaal: 342 });
    const arnhem = v.gemeenten.find((g: Gem) => g.gemeente.code === 'GM0202');
    expect(
      arnhem.indicatoren.find((i: { indicatorCode: string }) => i.indicatorCode === 'WONINGEN_OPGELEVERD')
        .realisatie.waarde,
    ).toBe(70);
  });

  it('shows the progress of each afspraak of a vastgestelde prestatieafspraak, with the same suppression', async () => {
    const domstad = await t.orgId('L0801');
    const utrecht = await t.orgId('GM0344');
    const huurders = await t.orgId('HO-DOMSTAD');
    let pa = await paOk(t, 'gemeente.utrecht', Q.create, {
      i: {
        gemeenteCode: 'GM0344',
        titel: 'Prestatieafspraken Utrecht 2024',
        jaarVan: 2024,
        jaarTot: 2024,
        partijIds: [domstad, huurders],
      },
    });
    pa = await paOk(t, 'gemeente.utrecht', Q.voegAfspraakToe, {
      id: pa.id,
      v: pa.versie,
      i: {
        actielijn: 'EVENWICHTIGE_VERDELING',
        aandachtsgroep: 'STATUSHOUDERS',
        omschrijving: 'Woningen voor statushouders',
        indicatorCode: 'TOEWIJZINGEN_STATUSHOUDERS',
        doelwaarden: [{ jaar: 2024, waarde: 6 }],
        verantwoordelijkeId: domstad,
      },
    });
    pa = await paOk(t, 'gemeente.utrecht', Q.voegAfspraakToe, {
      id: pa.id,
      v: pa.versie,
      i: {
        actielijn: 'VOLDOENDE_WONINGEN',
        omschrijving: 'Sociale huurwoningen opleveren',
        indicatorCode: 'SOCIALE_HUURWONINGEN_OPGELEVERD',
        doelwaarden: [{ jaar: 2024, waarde: 100 }],
        verantwoordelijkeId: domstad,
      },
    });
    pa = await paOk(t, 'gemeente.utrecht', Q.voegAfspraakToe, {
      id: pa.id,
      v: pa.versie,
      i: {
        actielijn: 'WONEN_ZORG_WELZIJN',
        omschrijving: 'Woonzorgvisie vastgesteld',
        indicatorCode: 'WOONZORGVISIE_VASTGESTELD',
        mijlpaalDatum: '2024-07-01',
        verantwoordelijkeId: utrecht,
      },
    });
    pa = await paOk(t, 'gemeente.utrecht', Q.indienen, { id: pa.id, v: pa.versie });
    pa = await paOk(t, 'gemeente.utrecht', Q.tekenen, { id: pa.id, v: pa.versie });
    pa = await paOk(t, 'corporatie.domstad', Q.tekenen, { id: pa.id, v: pa.versie });
    pa = await paOk(t, 'huurders.domstad', Q.tekenen, { id: pa.id, v: pa.versie });
    expect(pa.status).toBe('VASTGESTELD');
    const mijlpaal = pa.afspraken.find((a: { soort: string }) => a.soort === 'MIJLPAAL');
    await paOk(t, 'gemeente.utrecht', Q.mijlpaal, {
      a: mijlpaal.id,
      s: 'GEREED',
      t: 'raadsbesluit',
      g: '2024-06-20',
    });

    const AFSPRAKEN = `query ($g: GebiedInput!) { voortgang(gebied: $g, jaar: 2024) {
      actielijnen { indicatoren { code realisatie { waarde } } }
      afspraken { omschrijving soort indicatorCode jaar doelwaarde realisatie { ${CEL} } percentage status mijlpaalStatus verantwoordelijke } } }`;
    const eigen = (await t.ok('gemeente.utrecht', AFSPRAKEN, { g: { soort: 'GEMEENTE', code: 'GM0344' } }))
      .voortgang;
    const per = (v: { afspraken: { indicatorCode: string }[] }) =>
      new Map(v.afspraken.map((a) => [a.indicatorCode, a]));
    // 3 statushouders households in 2024 against 6 agreed; 110 sociale huurwoningen against 100
    expect(per(eigen).get('TOEWIJZINGEN_STATUSHOUDERS')).toMatchObject({
      jaar: 2024,
      doelwaarde: 6,
      realisatie: { waarde: 3, onderdrukt: false },
      percentage: 50,
      status: 'ACHTER',
      verantwoordelijke: 'Woonstichting Domstad',
    });
    expect(per(eigen).get('SOCIALE_HUURWONINGEN_OPGELEVERD')).toMatchObject({
      doelwaarde: 100,
      realisatie: { waarde: 110 },
      status: 'OP_SCHEMA',
    });
    expect(
      (per(eigen).get('SOCIALE_HUURWONINGEN_OPGELEVERD') as unknown as { percentage: number }).percentage,
    ).toBeCloseTo(110, 9);
    expect(per(eigen).get('WOONZORGVISIE_VASTGESTELD')).toMatchObject({
      soort: 'MIJLPAAL',
      mijlpaalStatus: 'GEREED',
      realisatie: { waarde: 1 },
      status: 'OP_SCHEMA',
    });
    // the milestone indicator of the gemeente: reached
    expect(indicatoren(eigen as never).get('WOONZORGVISIE_VASTGESTELD')!.realisatie.waarde).toBe(1);

    // the provincie reads the vastgestelde afspraken with the released value: the same number as
    // in its voortgang table for Utrecht, never the exact 3
    const prov = (await t.ok('provincie.utrecht', AFSPRAKEN, { g: { soort: 'PROVINCIE', code: 'PV26' } }))
      .voortgang;
    const vrij = per(prov).get('TOEWIJZINGEN_STATUSHOUDERS') as unknown as { realisatie: Cel };
    expect(vrij.realisatie.onderdrukt).toBe(false);
    expect(vrij.realisatie.waarde! % 5).toBe(0);
    const tabel = (
      await t.ok('provincie.utrecht', VOORTGANG, { g: { soort: 'GEMEENTE', code: 'GM0344' }, j: 2024 })
    ).voortgang;
    expect(vrij.realisatie.waarde).toBe(
      indicatoren(tabel).get('TOEWIJZINGEN_STATUSHOUDERS')!.realisatie.waarde,
    );
    expect(per(prov).get('SOCIALE_HUURWONINGEN_OPGELEVERD')).toMatchObject({ realisatie: { waarde: 110 } });
    expect(indicatoren(prov as never).get('WOONZORGVISIE_VASTGESTELD')!.realisatie.waarde).toBe(1);
  });

  it('refuses areas outside the viewer’s scope exactly like unknown ones', async () => {
    const geweigerd: [string, { soort: string; code: string }][] = [
      ['gemeente.amersfoort', { soort: 'GEMEENTE', code: 'GM0344' }],
      ['gemeente.amersfoort', { soort: 'PROVINCIE', code: 'PV26' }],
      ['gemeente.amersfoort', { soort: 'LAND', code: 'NL' }],
      ['provincie.gelderland', { soort: 'GEMEENTE', code: 'GM0344' }],
      ['provincie.gelderland', { soort: 'PROVINCIE', code: 'PV26' }],
      ['provincie.utrecht', { soort: 'LAND', code: 'NL' }],
      ['corporatie.eemland', { soort: 'GEMEENTE', code: 'GM0344' }],
      ['huurders.domstad', { soort: 'GEMEENTE', code: 'GM0307' }],
      ['gemeente.utrecht', { soort: 'GEMEENTE', code: 'GM9999' }],
      ['bzk.analist', { soort: 'WONINGMARKTREGIO', code: 'WMR01' }], // no members imported
    ];
    for (const [wie, g] of geweigerd) {
      const r = await t.gql(wie, VOORTGANG, { g, j: 2024 });
      expect({ wie, g, fout: r.errors?.[0] }).toMatchObject({
        wie,
        g,
        fout: { message: 'Het gebied is niet gevonden.', extensions: { code: 'NIET_GEVONDEN' } },
      });
      expect(r.data).toBeNull();
    }
    // a corporatie sees its werkgebied: its own cells exact (all of Utrecht's rows are Domstad's
    // here), others' cells released (it is not the owner of the gemeente's figures)
    const { voortgang: v } = await t.ok('corporatie.domstad', VOORTGANG, {
      g: { soort: 'GEMEENTE', code: 'GM0344' },
      j: 2024,
    });
    expect(v.afgeschermd).toBe(true);
    expect(indicatoren(v).get('TOEWIJZINGEN_WOONWAGENBEWONERS')!.realisatie).toMatchObject({
      waarde: 2,
      onderdrukt: false,
    });
    const beide = await t.gql('gemeente.utrecht', VOORTGANG, { g: { soort: 'GEMEENTE', code: 'GM0344' } });
    expect(beide.errors?.[0].extensions?.code).toBe('ONGELDIGE_INVOER');
  });
});
