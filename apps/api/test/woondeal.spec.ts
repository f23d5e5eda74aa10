import { startTestApp, type TestApp } from './support/test-app';

/**
 * Regionale woondeals (issue 12, item 5) over HTTP: targets are taakstellingen on the nieuwbouw
 * indicators per woningmarktregio and gemeente (set by the level that owns the area), progress
 * from nieuwbouwprojecten (delivered by opleverdatum up to the peildatum), the shares betaalbaar and
 * sociale huur as Σ ÷ Σ over the same projects with coverage, the pipeline on the peildatum, the
 * legal basis by regime, and the stock share of sociale huur as a fact judged only against a
 * provincie's target. Sources: docs/decisions.md "Regionale woondeals (issue 12, item 5)".
 */
const STEL = `mutation ($i: StelTaakstellingInput!) { stelTaakstelling(invoer: $i) { id waarde gesteldDoor { soort } } }`;
const ZET = `mutation ($c: RegimeCode!, $d: String) { zetRegimeInwerkingtreding(code: $c, datum: $d) { code } }`;
const WOONDEAL = `query ($g: GebiedInput!, $p: DatumPeriodeInput!) { voortgang(gebied: $g, periode: $p) {
  peildatum
  woondeal {
    grondslag grondslagTekst peildatum periode { van tot }
    onderdelen { code taakstelling taakstellingBron opgeleverd percentage status vervaldatum }
    segmenten { socialeHuur middenhuur koopBetaalbaar vrijeSectorHuur koopVrij }
    aandeelBetaalbaar { aandeel weergave doel uitgangspunt oordeel }
    aandeelSocialeHuur { aandeel weergave doel uitgangspunt oordeel }
    projecten dekking { gemeenten totaal weergave }
    pijplijn { fase woningen betaalbaar socialeHuur }
    voorraad { aandeel { waarde weergave } dekking { gemeenten totaal } doel oordeel toelichting }
    gemeenten { gemeente { code } opgeleverd betaalbaar socialeHuur aandeelBetaalbaar aandeelSocialeHuur taakstelling voorraadAandeel voorraadDoel voorraadOordeel }
    regios { regio { code naam } opgeleverd betaalbaar socialeHuur aandeelBetaalbaar taakstelling taakstellingBetaalbaar taakstellingSocialeHuur status dekking { gemeenten totaal } }
  } } }`;

const WOONDEALPERIODE = { van: '2022-01-01', tot: '2030-12-31' };
const REGIO = { soort: 'WONINGMARKTREGIO', code: 'WMR09' };
const fout = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;

describe('regionale woondeals: targets per regio and gemeente, progress from nieuwbouwprojecten', () => {
  let t: TestApp;

  beforeAll(async () => {
    // a fixed day: Q3 2026 is closed (its deadline, 15 October, has passed), Q4 is not
    t = await startTestApp({ KLOK_VAST: '2026-11-29T12:00:00Z' });
    // U16-like regio wholly inside the provincie Utrecht
    await t.db.query(
      `UPDATE gemeente SET woningmarktregio_code = 'WMR09' WHERE code IN ('GM0344', 'GM0356', 'GM1904')`,
    );
    const { rows } = await t.db.query(`SELECT id FROM organisatie WHERE code = 'L0801'`);
    const domstad = rows[0].id as string;
    const project = (
      naam: string,
      gemeente: string,
      w: [number, number, number, number, number],
      d: { vergund?: string; start?: string; opgeleverd?: string },
    ) =>
      t.db.query(
        `INSERT INTO nieuwbouwproject (naam, gemeente_code, eigenaar_id, fase, woningen_sociale_huur, woningen_middenhuur,
           woningen_vrije_sector_huur, woningen_koop_betaalbaar, woningen_koop_vrij, vergund_op, start_bouw_op, opgeleverd_op)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [
          naam,
          gemeente,
          domstad,
          d.opgeleverd ? 'OPGELEVERD' : d.start ? 'IN_AANBOUW' : d.vergund ? 'VERGUND' : 'PLAN',
          ...w,
          d.vergund ?? null,
          d.start ?? null,
          d.opgeleverd ?? null,
        ],
      );
    // delivered: Utrecht 100 (60 sh, 10 mh, 30 vrije koop) + 20 (all koop vrij); Nieuwegein 10 (5 vsh, 5 kv)
    await project('Kade', 'GM0344', [60, 10, 0, 0, 30], {
      vergund: '2022-05-01',
      start: '2023-01-10',
      opgeleverd: '2024-06-01',
    });
    await project('Singel', 'GM0344', [0, 0, 0, 0, 20], { opgeleverd: '2025-03-01' });
    await project('Laan', 'GM0356', [0, 0, 5, 0, 5], { opgeleverd: '2025-09-30' });
    // delivered in Q4 2026: counts for the gemeente itself (today), not for the provincie (closed quarters only)
    await project('Haven', 'GM0344', [40, 0, 0, 0, 0], { start: '2025-01-01', opgeleverd: '2026-10-10' });
    // delivered before the woondeal period: not counted
    await project('Oud', 'GM0344', [99, 0, 0, 0, 0], { opgeleverd: '2021-12-31' });
    // pipeline: in aanbouw (20 betaalbare koop), vergund (10 middenhuur), plan (8 sociale huur)
    await project('Bouw', 'GM1904', [0, 0, 0, 20, 0], { vergund: '2025-01-01', start: '2026-02-01' });
    await project('Vergund', 'GM0356', [0, 10, 0, 0, 0], { vergund: '2026-05-01' });
    await project('Plan', 'GM0344', [8, 0, 0, 0, 0], {});
    // a standplaatsen-only project delivers no homes and does not count as a project
    await t.db.query(
      `INSERT INTO nieuwbouwproject (naam, gemeente_code, eigenaar_id, fase, standplaatsen, opgeleverd_op)
       VALUES ('Standplaatsen', 'GM1904', $1, 'OPGELEVERD', 6, '2024-01-01')`,
      [domstad],
    );
    // the stock: Utrecht 28.000 of 160.000 (17,5%), Nieuwegein 8.000 of 25.000 (32%), at Q2 2026
    const kc = (ind: string, org: string, gem: string, waarde: number) =>
      t.db.query(
        `INSERT INTO kwartaalcijfer (indicator_code, organisatie_id, gemeente_code, jaar, kwartaal, waarde, actueel)
         VALUES ($1, (SELECT id FROM organisatie WHERE code = $2), $3, 2026, 2, $4, true)`,
        [ind, org, gem, waarde],
      );
    await kc('SOCIALE_HUURVOORRAAD', 'L0801', 'GM0344', 28000);
    await kc('WONINGVOORRAAD_TOTAAL', 'GM0344', 'GM0344', 160000);
    await kc('SOCIALE_HUURVOORRAAD', 'L0801', 'GM0356', 8000);
    await kc('WONINGVOORRAAD_TOTAAL', 'GM0356', 'GM0356', 25000);
  });
  afterAll(() => t.close());

  describe('targets are taakstellingen, set by the level that owns the area', () => {
    it('the provincie sets the woondeal of a regio wholly inside it, for 2022–2030', async () => {
      for (const [indicatorCode, waarde] of [
        ['WONINGEN_OPGELEVERD', 3000],
        ['BETAALBARE_WONINGEN_OPGELEVERD', 2000],
        ['SOCIALE_HUURWONINGEN_OPGELEVERD', 900],
      ] as const) {
        const r = await t.ok('provincie.utrecht', STEL, {
          i: { indicatorCode, gebied: REGIO, periode: WOONDEALPERIODE, waarde },
        });
        expect(r.stelTaakstelling).toMatchObject({ waarde, gesteldDoor: { soort: 'PROVINCIE' } });
      }
      // and the part of a gemeente
      await t.ok('provincie.utrecht', STEL, {
        i: {
          indicatorCode: 'WONINGEN_OPGELEVERD',
          gebied: { soort: 'GEMEENTE', code: 'GM0344' },
          periode: WOONDEALPERIODE,
          waarde: 2000,
        },
      });
      // the stock share: provincial policy, for Utrecht only
      await t.ok('provincie.utrecht', STEL, {
        i: {
          indicatorCode: 'AANDEEL_SOCIALE_HUUR',
          gebied: { soort: 'GEMEENTE', code: 'GM0344' },
          periode: WOONDEALPERIODE,
          waarde: 30,
        },
      });
    });

    it('refused for anyone else: a gemeente for the regio, another provincie, the Rijk for a regio inside one provincie, a corporatie', async () => {
      const i = { indicatorCode: 'WONINGEN_OPGELEVERD', gebied: REGIO, periode: WOONDEALPERIODE, waarde: 1 };
      for (const als of ['gemeente.utrecht', 'provincie.gelderland', 'bzk.analist', 'corporatie.domstad']) {
        expect({ als, code: fout(await t.gql(als, STEL, { i })) }).toEqual({ als, code: 'GEEN_TOEGANG' });
      }
      // nobody but the provincie sets a target for the stock share
      for (const als of ['gemeente.utrecht', 'bzk.analist']) {
        const r = await t.gql(als, STEL, {
          i: {
            indicatorCode: 'AANDEEL_SOCIALE_HUUR',
            gebied: { soort: 'GEMEENTE', code: 'GM0344' },
            jaar: 2026,
            waarde: 40,
          },
        });
        expect({ als, code: fout(r) }).toEqual({ als, code: 'GEEN_TOEGANG' });
      }
      const { rows } = await t.db.query(
        `SELECT count(*)::int AS n FROM taakstelling WHERE waarde IN (1, 40)`,
      );
      expect(rows[0].n).toBe(0);
    });
  });

  describe('progress', () => {
    it('regio as the provincie: delivered homes up to the last closed quarter, shares Σ÷Σ over the same projects, coverage', async () => {
      const { voortgang: v } = await t.ok('provincie.utrecht', WOONDEAL, { g: REGIO, p: WOONDEALPERIODE });
      expect(v.peildatum).toBe('2026-09-30');
      const w = v.woondeal;
      expect(w).toMatchObject({
        grondslag: 'BESTUURLIJKE_AFSPRAKEN',
        peildatum: '2026-09-30',
        periode: WOONDEALPERIODE,
        // 100 + 20 + 10; Haven (Q4 2026) and Oud (2021) do not count
        segmenten: { socialeHuur: 60, middenhuur: 10, koopBetaalbaar: 0, vrijeSectorHuur: 5, koopVrij: 55 },
        projecten: 3,
        dekking: { gemeenten: 2, totaal: 3, weergave: '2 van 3 gemeenten' },
      });
      expect(w.onderdelen).toEqual([
        expect.objectContaining({
          code: 'WONINGEN_OPGELEVERD',
          taakstelling: 3000,
          taakstellingBron: 'GEBIED',
          opgeleverd: 130,
          status: 'LOOPT',
          vervaldatum: '2030-12-31',
        }),
        expect.objectContaining({
          code: 'BETAALBARE_WONINGEN_OPGELEVERD',
          taakstelling: 2000,
          opgeleverd: 70,
          status: 'LOOPT',
        }),
        expect.objectContaining({
          code: 'SOCIALE_HUURWONINGEN_OPGELEVERD',
          taakstelling: 900,
          opgeleverd: 60,
          status: 'LOOPT',
        }),
      ]);
      // 70 / 130 and 60 / 130, against the share the regio's own targets imply (2000/3000, 900/3000)
      expect(w.aandeelBetaalbaar).toEqual({
        aandeel: 53.85,
        weergave: '53,9%',
        doel: 66.67,
        uitgangspunt: expect.closeTo(66.667, 2),
        oordeel: 'ONDER_DOEL',
      });
      expect(w.aandeelSocialeHuur).toEqual({
        aandeel: 46.15,
        weergave: '46,2%',
        doel: 30,
        uitgangspunt: 30,
        oordeel: 'OP_OF_BOVEN_DOEL',
      });
      // pipeline on the peildatum by the phase dates: Haven was in aanbouw on 30-9-2026
      expect(w.pijplijn).toEqual([
        { fase: 'PLAN', woningen: 8, betaalbaar: 8, socialeHuur: 8 },
        { fase: 'VERGUND', woningen: 10, betaalbaar: 10, socialeHuur: 0 },
        { fase: 'IN_AANBOUW', woningen: 60, betaalbaar: 60, socialeHuur: 40 },
      ]);
      // the stock share: a fact with coverage; the regio has no provincie target of its own
      expect(w.voorraad).toMatchObject({
        aandeel: { waarde: 19.46, weergave: '19,5%' }, // (28.000 + 8.000) ÷ (160.000 + 25.000)
        dekking: { gemeenten: 2, totaal: 3 },
        doel: null,
        oordeel: 'GEEN_DOEL',
        toelichting: expect.stringMatching(/feit, geen wettelijke norm/),
      });
      const per = new Map(w.gemeenten.map((g: { gemeente: { code: string } }) => [g.gemeente.code, g]));
      expect(per.get('GM0344')).toEqual({
        gemeente: { code: 'GM0344' },
        opgeleverd: 120,
        betaalbaar: 70,
        socialeHuur: 60,
        aandeelBetaalbaar: 58.33,
        aandeelSocialeHuur: 50,
        taakstelling: 2000,
        voorraadAandeel: 17.5,
        voorraadDoel: 30,
        voorraadOordeel: 'Onder het doel',
      });
      // Nieuwegein: 32% sociale huur in the stock, and no provincie target: a fact, no verdict
      expect(per.get('GM0356')).toMatchObject({
        opgeleverd: 10,
        betaalbaar: 0,
        aandeelBetaalbaar: 0,
        voorraadAandeel: 32,
        voorraadDoel: null,
        voorraadOordeel: 'Geen doel gesteld',
      });
      expect(per.get('GM1904')).toMatchObject({
        opgeleverd: 0,
        aandeelBetaalbaar: null,
        aandeelSocialeHuur: null,
      });
    });

    it('the gemeente itself: up to today (the owner is not held to closed quarters), its own target and the provincie’s stock target', async () => {
      const { voortgang: v } = await t.ok('gemeente.utrecht', WOONDEAL, {
        g: { soort: 'GEMEENTE', code: 'GM0344' },
        p: WOONDEALPERIODE,
      });
      expect(v.woondeal).toMatchObject({
        peildatum: '2026-11-29',
        segmenten: { socialeHuur: 100, middenhuur: 10, koopVrij: 50 },
        projecten: 3,
        aandeelSocialeHuur: { aandeel: 62.5, doel: null, uitgangspunt: 30, oordeel: 'GEEN_DOEL' },
        voorraad: { aandeel: { waarde: 17.5 }, doel: 30, oordeel: 'ONDER_DOEL' },
        gemeenten: [],
        regios: [],
      });
      expect(v.woondeal.onderdelen[0]).toMatchObject({
        taakstelling: 2000,
        opgeleverd: 160,
        status: 'LOOPT',
      });
    });

    it('the provincie and the country add up the same projects', async () => {
      const pv = (
        await t.ok('provincie.utrecht', WOONDEAL, {
          g: { soort: 'PROVINCIE', code: 'PV26' },
          p: WOONDEALPERIODE,
        })
      ).voortgang.woondeal;
      const nl = (
        await t.ok('bzk.analist', WOONDEAL, { g: { soort: 'LAND', code: 'NL' }, p: WOONDEALPERIODE })
      ).voortgang.woondeal;
      for (const w of [pv, nl]) {
        expect(w.onderdelen[0].opgeleverd).toBe(130);
        expect(w.aandeelBetaalbaar.aandeel).toBe(53.85);
        expect(w.dekking.gemeenten).toBe(2);
        // no target of the provincie or the country for the share: the national starting point is shown, no verdict
        expect(w.aandeelBetaalbaar).toMatchObject({ doel: null, oordeel: 'GEEN_DOEL' });
      }
      expect(nl.dekking.totaal).toBe(342);
      // the regio's own woondeal, inside the provincie and the country (a regio wholly inside the area)
      for (const w of [pv, nl])
        expect(w.regios).toEqual([
          {
            regio: { code: 'WMR09', naam: 'U16' },
            opgeleverd: 130,
            betaalbaar: 70,
            socialeHuur: 60,
            aandeelBetaalbaar: 53.85,
            taakstelling: 3000,
            taakstellingBetaalbaar: 2000,
            taakstellingSocialeHuur: 900,
            status: 'LOOPT',
            dekking: { gemeenten: 2, totaal: 3 },
          },
        ]);
      // the provincie's targets for its gemeenten add up (Utrecht 2000); the regio's own target is not a part of the provincie
      expect(pv.onderdelen[0]).toMatchObject({ taakstelling: 2000, taakstellingBron: 'ONDERDELEN' });
    });

    it('the legal basis follows the regime on the peildatum', async () => {
      await t.ok('bzk.platformbeheer', ZET, { c: 'WET_VERSTERKING_REGIE', d: '2026-07-01' });
      try {
        const na = await t.ok('provincie.utrecht', WOONDEAL, { g: REGIO, p: WOONDEALPERIODE });
        expect(na.voortgang.woondeal).toMatchObject({
          grondslag: 'VOLKSHUISVESTINGSPROGRAMMA',
          grondslagTekst: expect.stringMatching(/volkshuisvestingsprogramma/),
        });
        const voor = await t.ok('provincie.utrecht', WOONDEAL, {
          g: REGIO,
          p: { van: '2022-01-01', tot: '2025-12-31' },
        });
        expect(voor.voortgang.woondeal.grondslag).toBe('BESTUURLIJKE_AFSPRAKEN');
      } finally {
        await t.ok('bzk.platformbeheer', ZET, { c: 'WET_VERSTERKING_REGIE', d: null });
      }
    });
  });

  describe('who may read it', () => {
    it.each([
      ['gemeente.utrecht', REGIO], // the regio holds other gemeenten
      ['gemeente.amersfoort', { soort: 'GEMEENTE', code: 'GM0344' }],
      ['corporatie.eemland', { soort: 'GEMEENTE', code: 'GM0344' }],
      ['provincie.gelderland', REGIO],
      ['provincie.gelderland', { soort: 'PROVINCIE', code: 'PV26' }],
    ])('%s is refused %j like an unknown area', async (als, g) => {
      const r = await t.gql(als, WOONDEAL, { g, p: WOONDEALPERIODE });
      expect(fout(r)).toBe('NIET_GEVONDEN');
      expect(r.data?.voortgang ?? null).toBeNull();
    });

    it('a corporatie working in the regio reads the public dwelling counts of its werkgebied', async () => {
      const r = await t.ok('corporatie.domstad', WOONDEAL, {
        g: { soort: 'GEMEENTE', code: 'GM0344' },
        p: WOONDEALPERIODE,
      });
      expect(r.voortgang.woondeal.segmenten.socialeHuur).toBe(60);
      expect(r.voortgang.woondeal.peildatum).toBe('2026-09-30');
    });
  });
});
