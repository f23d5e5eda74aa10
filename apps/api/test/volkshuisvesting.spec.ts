import { startTestApp, type TestApp } from './support/test-app';
import { verhaal } from './support/verhaal';

/**
 * Issue 12 items 1–2 over real HTTP GraphQL (docs/decisions.md "Regime by date",
 * "Volkshuisvestingsprogramma"):
 * - the legal regime of the cycle as reference data with validity dates; the entry into force of
 *   the Wet versterking regie volkshuisvesting (Kamerstukken 36512/36881) is set by the platform
 *   operator only, audited; the cycle calendar follows the regime of its year (Woningwet art. 44:
 *   bod before 1 July; geschillen about nakoming only under the new law);
 * - the volkshuisvestingsprogramma per gemeente, provincie and Rijk, written by its own
 *   organisation, read under the area rule, counted in voortgang ("n van m gemeenten").
 */
const REGIMES = `{ volkshuisvestingRegimes { code geldigVan geldigTot beoogdeInwerkingtreding bodDeadline geschilOnderwerpen programmaVerplicht woonzorg bronnen } }`;
const REGIME_OP = `query ($d: String) { volkshuisvestingRegime(datum: $d) { code programmaVerplicht woonzorg } }`;
const ZET = `mutation ($c: RegimeCode!, $d: String) { zetRegimeInwerkingtreding(code: $c, datum: $d) { code geldigVan geldigTot } }`;
const KALENDER = `query ($g: String!, $j: Int!, $p: String) { cyclusKalender(gemeenteCode: $g, jaar: $j, peildatum: $p) {
  regime { code } geschilMogelijk geschilOnderwerpen geschilTermijn { van tot } stappen { code deadline } } }`;
const PROGRAMMA = `query ($s: GebiedSoort!, $c: String!) { volkshuisvestingsprogramma(gebied: { soort: $s, code: $c }) {
  id gebied { soort code } organisatie status statusLabel titel vastgesteldOp herzienOp jaarVan jaarTot vaststellendOrgaan
  woonzorgOpgenomen woonzorgToelichting documentUrl versie } }`;
const BEWAAR = `mutation ($i: ProgrammaInput!, $v: Int) { bewaarVolkshuisvestingsprogramma(invoer: $i, versie: $v) {
  id gebied { soort code } status vastgesteldOp herzienOp vaststellendOrgaan versie woonzorgOpgenomen documentUrl } }`;
const VOORTGANG = `query ($s: GebiedSoort!, $c: String!, $j: Int!) { voortgang(gebied: { soort: $s, code: $c }, jaar: $j) {
  peildatum volkshuisvestingsprogrammas { vastgesteld totaal weergave wettelijkVerplicht } } }`;

const UTRECHT = {
  status: 'VASTGESTELD',
  titel: 'Volkshuisvestingsprogramma Utrecht 2026–2030',
  vastgesteldOp: '2026-03-10',
  jaarVan: 2026,
  jaarTot: 2030,
  woonzorgOpgenomen: true,
  woonzorgToelichting: 'Hoofdstuk 5: wonen en zorg (voorheen de woonzorgvisie)',
  documentUrl: 'https://www.utrecht.nl/volkshuisvestingsprogramma.pdf',
};

describe('volkshuisvesting: regime by date and programmes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());
  // the regime dated by the operator, programmes recorded and revised, then counted: the steps build on each other (verhaal.ts)
  const stap = verhaal();

  const code = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions?.code;
  const regimeDatums = async () =>
    (await t.db.query(`SELECT code, geldig_van, geldig_tot FROM volkshuisvesting_regime ORDER BY volgorde`)).rows;
  const programmas = async () => (await t.db.query(`SELECT count(*)::int AS n FROM volkshuisvestingsprogramma`)).rows[0].n;

  describe('the regime by date', () => {
    stap('starts with the Woningwet in force and the new law without a date (its aimed date shown as such)', async () => {
      const r = await t.ok('gemeente.utrecht', REGIMES);
      expect(r.volkshuisvestingRegimes).toMatchObject([
        { code: 'WONINGWET_2015', geldigVan: '2015-07-01', geldigTot: null, geschilOnderwerpen: ['INHOUD'], programmaVerplicht: false },
        {
          code: 'WET_VERSTERKING_REGIE',
          geldigVan: null,
          beoogdeInwerkingtreding: '2026-07-01',
          geschilOnderwerpen: ['INHOUD', 'NAKOMING'],
          programmaVerplicht: true,
          woonzorg: 'VOLKSHUISVESTINGSPROGRAMMA',
        },
      ]);
      expect(r.volkshuisvestingRegimes[0].bronnen).toMatch(/Woningwet art\. 42.*43 en 44/);
      expect(r.volkshuisvestingRegimes[1].bronnen).toMatch(/36512.*36881/);
      expect((await t.ok('corporatie.domstad', REGIME_OP, { d: '2027-01-01' })).volkshuisvestingRegime.code).toBe('WONINGWET_2015');
    });

    it.each(['gemeente.utrecht', 'provincie.utrecht', 'corporatie.domstad', 'huurders.domstad', 'bzk.analist'])(
      '%s may not set the entry into force: answered as a missing record, nothing changes, nothing audited',
      async (account) => {
        const voor = await regimeDatums();
        const r = await t.gql(account, ZET, { c: 'WET_VERSTERKING_REGIE', d: '2026-07-01' });
        expect(code(r)).toBe('NIET_GEVONDEN');
        expect(r.errors![0].message).toBe('Het regime is niet gevonden.');
        expect(await regimeDatums()).toEqual(voor);
        const audit = await t.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE actie = 'ZET_REGIME_INWERKINGTREDING'`);
        expect(audit.rows[0].n).toBe(0);
      },
    );

    stap('bad dates are refused in Dutch and change nothing', async () => {
      const voor = await regimeDatums();
      for (const [d, melding] of [
        ['1-7-2026', "'1-7-2026' is geen datum; schrijf de datum als jjjj-mm-dd."],
        ['2026-02-30', "'2026-02-30' is geen datum; schrijf de datum als jjjj-mm-dd."],
        ['2014-01-01', 'De inwerkingtreding moet na het begin van het huidige regime (2015-07-01) liggen.'],
      ]) {
        const r = await t.gql('bzk.platformbeheer', ZET, { c: 'WET_VERSTERKING_REGIE', d });
        expect(code(r)).toBe('ONGELDIGE_INVOER');
        expect(r.errors![0].message).toBe(melding);
      }
      expect(code(await t.gql('bzk.platformbeheer', ZET, { c: 'WONINGWET_2015', d: '2026-07-01' }))).toBe('NIET_GEVONDEN');
      const q = await t.gql('gemeente.utrecht', REGIME_OP, { d: '30-06-2026' });
      expect(code(q)).toBe('ONGELDIGE_INVOER');
      expect(q.errors![0].message).toBe("'30-06-2026' is geen datum; schrijf de datum als jjjj-mm-dd.");
      expect(await regimeDatums()).toEqual(voor);
    });

    stap('the cycle under the Woningwet: geschillen only about the content', async () => {
      const k = (await t.ok('gemeente.utrecht', KALENDER, { g: 'GM0344', j: 2026, p: '2026-08-01' })).cyclusKalender;
      expect(k).toMatchObject({
        regime: { code: 'WONINGWET_2015' },
        geschilMogelijk: true,
        geschilOnderwerpen: ['INHOUD'],
        geschilTermijn: { van: '2026-07-01', tot: '2027-01-29' },
      });
      expect(k.stappen.find((s: { code: string }) => s.code === 'BOD').deadline).toBe('2026-07-01');
    });

    stap('the operator sets 1 July 2026: audited, the old regime ends the day before, the cycle follows on both sides', async () => {
      const r = await t.ok('bzk.platformbeheer', ZET, { c: 'WET_VERSTERKING_REGIE', d: '2026-07-01' });
      expect(r.zetRegimeInwerkingtreding).toEqual([
        { code: 'WONINGWET_2015', geldigVan: '2015-07-01', geldigTot: '2026-06-30' },
        { code: 'WET_VERSTERKING_REGIE', geldigVan: '2026-07-01', geldigTot: null },
      ]);
      const audit = await t.db.query(
        `SELECT gebruikersnaam, voor, na FROM audit_log WHERE actie = 'ZET_REGIME_INWERKINGTREDING'`,
      );
      expect(audit.rows).toHaveLength(1);
      expect(audit.rows[0].voor[1]).toEqual({ code: 'WET_VERSTERKING_REGIE', geldigVan: null, geldigTot: null });
      expect(audit.rows[0].na[1].geldigVan).toBe('2026-07-01');

      // before: the 2025 cycle, and a date in the 2025 window
      const oud = (await t.ok('gemeente.utrecht', KALENDER, { g: 'GM0344', j: 2025, p: '2026-01-15' })).cyclusKalender;
      expect(oud).toMatchObject({ regime: { code: 'WONINGWET_2015' }, geschilOnderwerpen: ['INHOUD'] });
      // after: the 2026 cycle; geschillen now also about nakoming
      const nieuw = (await t.ok('provincie.utrecht', KALENDER, { g: 'GM0344', j: 2026, p: '2026-08-01' })).cyclusKalender;
      expect(nieuw).toMatchObject({
        regime: { code: 'WET_VERSTERKING_REGIE' },
        geschilOnderwerpen: ['INHOUD', 'NAKOMING'],
        geschilTermijn: { van: '2026-07-01', tot: '2027-01-29' },
      });
      // outside the window nothing can be brought
      const buiten = (await t.ok('gemeente.utrecht', KALENDER, { g: 'GM0344', j: 2026, p: '2026-03-01' })).cyclusKalender;
      expect(buiten).toMatchObject({ geschilMogelijk: false, geschilOnderwerpen: [] });
      expect((await t.ok('gemeente.utrecht', REGIME_OP, { d: '2026-06-30' })).volkshuisvestingRegime.code).toBe('WONINGWET_2015');
      expect((await t.ok('gemeente.utrecht', REGIME_OP, { d: '2026-07-01' })).volkshuisvestingRegime).toEqual({
        code: 'WET_VERSTERKING_REGIE',
        programmaVerplicht: true,
        woonzorg: 'VOLKSHUISVESTINGSPROGRAMMA',
      });
    });

    stap('the database refuses a regime change outside a RIJK transaction (second wall)', async () => {
      const c = await t.db.connect();
      try {
        await c.query('BEGIN');
        await c.query(
          `SELECT set_config('role', 'thuismonitor_app', true), set_config('tm.organisatie_id', (SELECT id::text FROM organisatie WHERE code = 'PV26'), true),
                  set_config('tm.organisatie_soort', 'PROVINCIE', true), set_config('tm.gemeenten', 'GM0344', true)`,
        );
        const r = await c.query(`UPDATE volkshuisvesting_regime SET geldig_van = NULL WHERE code = 'WET_VERSTERKING_REGIE'`);
        expect(r.rowCount).toBe(0);
        await expect(c.query(`UPDATE volkshuisvesting_regime SET naam = 'x'`)).rejects.toThrow(/permission denied/);
      } finally {
        await c.query('ROLLBACK');
        c.release();
      }
    });
  });

  describe('the volkshuisvestingsprogramma', () => {
    let utrechtId: string;

    stap('a gemeente records its own: adopted by the college (not the raad), with its woonzorg part and link', async () => {
      const r = (await t.ok('gemeente.utrecht', BEWAAR, { i: UTRECHT })).bewaarVolkshuisvestingsprogramma;
      utrechtId = r.id;
      expect(r).toMatchObject({
        gebied: { soort: 'GEMEENTE', code: 'GM0344' },
        status: 'VASTGESTELD',
        vastgesteldOp: '2026-03-10',
        vaststellendOrgaan: 'college van burgemeester en wethouders',
        versie: 1,
        woonzorgOpgenomen: true,
      });
      const audit = await t.db.query(
        `SELECT actie, na FROM audit_log WHERE entiteit = 'volkshuisvestingsprogramma' AND entiteit_id = $1`,
        [utrechtId],
      );
      expect(audit.rows).toEqual([{ actie: 'CREATE_VOLKSHUISVESTINGSPROGRAMMA', na: expect.objectContaining({ status: 'VASTGESTELD' }) }]);
    });

    const utrechtOpgeslagen = stap.totHier();
    it.each(['gemeente.utrecht', 'gemeente.utrecht.lezer', 'provincie.utrecht', 'bzk.analist', 'corporatie.domstad'])(
      '%s reads the Utrecht programme (the gemeente is in its scope)',
      async (account) => {
        await utrechtOpgeslagen();
        const r = await t.ok(account, PROGRAMMA, { s: 'GEMEENTE', c: 'GM0344' });
        expect(r.volkshuisvestingsprogramma).toMatchObject({ id: utrechtId, organisatie: expect.stringMatching(/Utrecht/) });
      },
    );

    it.each([
      ['gemeente.amersfoort', 'GEMEENTE', 'GM0344'],
      ['provincie.gelderland', 'GEMEENTE', 'GM0344'],
      ['corporatie.eemland', 'GEMEENTE', 'GM0344'],
      ['gemeente.utrecht', 'PROVINCIE', 'PV26'],
      ['provincie.utrecht', 'LAND', 'NL'],
      ['gemeente.utrecht', 'GEMEENTE', 'GM9999'],
    ])('%s asking for %s %s is answered "niet gevonden"', async (account, s, c) => {
      const r = await t.gql(account, PROGRAMMA, { s, c });
      expect(code(r)).toBe('NIET_GEVONDEN');
      expect(r.errors![0].message).toBe('Het gebied is niet gevonden.');
    });

    it.each(['corporatie.domstad', 'huurders.domstad', 'zorg.sticht', 'gemeente.utrecht.lezer'])(
      '%s may not record a programme; nothing is stored',
      async (account) => {
        const voor = await programmas();
        const r = await t.gql(account, BEWAAR, { i: { ...UTRECHT, titel: 'Overgenomen' } });
        expect(code(r)).toBe('GEEN_TOEGANG');
        expect(await programmas()).toBe(voor);
      },
    );

    stap("another gemeente writes only its own: Amersfoort's record leaves Utrecht's as it was", async () => {
      const r = (await t.ok('gemeente.amersfoort', BEWAAR, {
        i: { status: 'IN_VOORBEREIDING', titel: 'Volkshuisvestingsprogramma Amersfoort', woonzorgOpgenomen: false },
      })).bewaarVolkshuisvestingsprogramma;
      expect(r.gebied).toEqual({ soort: 'GEMEENTE', code: 'GM0307' });
      const utrecht = await t.ok('gemeente.utrecht', PROGRAMMA, { s: 'GEMEENTE', c: 'GM0344' });
      expect(utrecht.volkshuisvestingsprogramma).toMatchObject({ titel: UTRECHT.titel, versie: 1 });
    });

    stap('the database refuses a write for another organisation\'s area (second wall)', async () => {
      const c = await t.db.connect();
      try {
        await c.query('BEGIN');
        await c.query(
          `SELECT set_config('role', 'thuismonitor_app', true), set_config('tm.organisatie_id', (SELECT id::text FROM organisatie WHERE code = 'GM0307'), true),
                  set_config('tm.organisatie_soort', 'GEMEENTE', true), set_config('tm.gemeenten', 'GM0307', true)`,
        );
        const u = await c.query(`UPDATE volkshuisvestingsprogramma SET titel = 'x' WHERE gebied_code = 'GM0344'`);
        expect(u.rowCount).toBe(0);
        await expect(
          c.query(
            `INSERT INTO volkshuisvestingsprogramma (organisatie_id, gebied_soort, gebied_code, status, titel, woonzorg_opgenomen, gebruiker)
             VALUES ((SELECT id FROM organisatie WHERE code = 'GM0307'), 'GEMEENTE', 'GM0356', 'IN_VOORBEREIDING', 'x', false, 'x')`,
          ),
        ).rejects.toThrow(/row-level security/);
      } finally {
        await c.query('ROLLBACK');
        c.release();
      }
    });

    stap('bad input is refused per field in Dutch and nothing is stored', async () => {
      const voor = await programmas();
      const gevallen: [Record<string, unknown>, string, RegExp][] = [
        [{ status: 'CONCEPT' }, 'status', /Onbekende status 'CONCEPT'/],
        [{ status: 'HERZIEN', herzienOp: '2026-01-01' }, 'herzienOp', /De herziening moet na de vaststelling liggen/],
        [{ jaarVan: 2030, jaarTot: 2026 }, 'jaarTot', /vóór het eerste/],
        [{ documentUrl: 'javascript:alert(1)' }, 'documentUrl', /webadres .* https:\/\//],
        [{ documentUrl: 'ftp://utrecht.nl/p.pdf' }, 'documentUrl', /https:\/\//],
        [{ vastgesteldOp: '10-03-2026' }, 'vastgesteldOp', /jjjj-mm-dd/],
        [{ vastgesteldOp: '2999-01-01' }, 'vastgesteldOp', /in de toekomst/],
      ];
      for (const [wijziging, veld, melding] of gevallen) {
        const r = await t.gql('gemeente.utrecht', BEWAAR, { i: { ...UTRECHT, ...wijziging } });
        expect(code(r)).toBe('ONGELDIGE_INVOER');
        expect(r.errors![0].message).toBe('Het programma is niet opgeslagen: controleer de velden.');
        const details = r.errors![0].extensions!.details as { veld: string; melding: string }[];
        expect(details.find((d) => d.veld === veld)?.melding).toMatch(melding);
      }
      expect(await programmas()).toBe(voor);
      const nu = await t.ok('gemeente.utrecht', PROGRAMMA, { s: 'GEMEENTE', c: 'GM0344' });
      expect(nu.volkshuisvestingsprogramma.versie).toBe(1);
    });

    stap('a herziening is recorded with the version last seen; a stale version is a conflict', async () => {
      const herzien = { ...UTRECHT, status: 'HERZIEN', herzienOp: '2026-09-01' };
      const r = (await t.ok('gemeente.utrecht', BEWAAR, { i: herzien, v: 1 })).bewaarVolkshuisvestingsprogramma;
      expect(r).toMatchObject({ status: 'HERZIEN', herzienOp: '2026-09-01', versie: 2 });
      expect(code(await t.gql('gemeente.utrecht', BEWAAR, { i: UTRECHT, v: 1 }))).toBe('CONFLICT');
    });

    stap('provincie and Rijk record their own: adopted by gedeputeerde staten and the minister', async () => {
      const p = (await t.ok('provincie.utrecht', BEWAAR, {
        i: { ...UTRECHT, titel: 'Provinciaal volkshuisvestingsprogramma Utrecht' },
      })).bewaarVolkshuisvestingsprogramma;
      expect(p).toMatchObject({ gebied: { soort: 'PROVINCIE', code: 'PV26' }, vaststellendOrgaan: 'gedeputeerde staten' });
      const n = (await t.ok('bzk.analist', BEWAAR, {
        i: { ...UTRECHT, titel: 'Nationaal volkshuisvestingsprogramma' },
      })).bewaarVolkshuisvestingsprogramma;
      expect(n).toMatchObject({ gebied: { soort: 'LAND', code: 'NL' }, vaststellendOrgaan: expect.stringMatching(/minister/) });
      expect((await t.ok('bzk.analist', PROGRAMMA, { s: 'PROVINCIE', c: 'PV26' })).volkshuisvestingsprogramma.id).toBe(p.id);
    });

    stap('voortgang counts the gemeenten with a vastgesteld programme on its peildatum: "n van m gemeenten"', async () => {
      const gemeenten = (await t.ok('provincie.utrecht', `{ gemeenten(filter: { provincieCode: "PV26" }) { code } }`)).gemeenten;
      const m = gemeenten.length;
      const nu = (await t.ok('provincie.utrecht', VOORTGANG, { s: 'PROVINCIE', c: 'PV26', j: 2026 })).voortgang;
      // Utrecht vastgesteld (herzien), Amersfoort in voorbereiding
      expect(nu.volkshuisvestingsprogrammas).toEqual({
        vastgesteld: 1,
        totaal: m,
        weergave: `1 van ${m} gemeenten`,
        wettelijkVerplicht: true,
      });
      // in 2025 nothing had been adopted yet, and the Woningwet did not require a programme
      const vorig = (await t.ok('provincie.utrecht', VOORTGANG, { s: 'PROVINCIE', c: 'PV26', j: 2025 })).voortgang;
      expect(vorig.volkshuisvestingsprogrammas).toMatchObject({ vastgesteld: 0, totaal: m, wettelijkVerplicht: false });
      const eigen = (await t.ok('gemeente.utrecht', VOORTGANG, { s: 'GEMEENTE', c: 'GM0344', j: 2026 })).voortgang;
      expect(eigen.volkshuisvestingsprogrammas.weergave).toBe('1 van 1 gemeente');

      // a new vaststelling shows at once, also where the whole voortgang answer was kept
      await t.ok('gemeente.amersfoort', BEWAAR, {
        i: { ...UTRECHT, titel: 'Volkshuisvestingsprogramma Amersfoort', vastgesteldOp: '2026-06-01' },
      });
      const daarna = (await t.ok('provincie.utrecht', VOORTGANG, { s: 'PROVINCIE', c: 'PV26', j: 2026 })).voortgang;
      expect(daarna.volkshuisvestingsprogrammas.weergave).toBe(`2 van ${m} gemeenten`);

      // a gemeente merged into Utrecht on 1 January 2026 no longer counts from that day (review:
      // its code stays in the area for its history, and counted it would be "geen programma" forever)
      const opgeheven = gemeenten.map((g: { code: string }) => g.code).find((c: string) => c !== 'GM0344' && c !== 'GM0307');
      await t.db.query(`UPDATE gemeente SET opgeheven_op = '2026-01-01', opgegaan_in = 'GM0344' WHERE code = $1`, [opgeheven]);
      try {
        const na = (await t.ok('provincie.utrecht', VOORTGANG, { s: 'PROVINCIE', c: 'PV26', j: 2026 })).voortgang;
        expect(na.volkshuisvestingsprogrammas.weergave).toBe(`2 van ${m - 1} gemeenten`);
        const ervoor = (await t.ok('provincie.utrecht', VOORTGANG, { s: 'PROVINCIE', c: 'PV26', j: 2025 })).voortgang;
        expect(ervoor.volkshuisvestingsprogrammas.totaal).toBe(m);
      } finally {
        await t.db.query(`UPDATE gemeente SET opgeheven_op = NULL, opgegaan_in = NULL WHERE code = $1`, [opgeheven]);
      }
    });
  });
});
