import { startTestApp, type TestApp } from './support/test-app';
import { verhaal } from './support/verhaal';

/**
 * Nieuwbouwprojecten over GraphQL: who creates and edits (corporatie in its werkgebied, gemeente
 * in the gemeente), optimistic versions, phases forward only with dates, and who sees which rows
 * (owner, gemeente, provincie/Rijk within scope; nobody else).
 */
describe('nieuwbouwprojecten (GraphQL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const VELDEN = `id naam fase versie planDatum vergundOp startBouwOp opgeleverdOp opleverKwartaal gemeente { code } eigenaar { code }
    woningen { socialeHuur middenhuur koopVrij totaal aandachtsgroepen perAandachtsgroep { aandachtsgroep woningen } nultreden flex standplaatsen }`;
  const CREATE = `mutation ($input: NieuwbouwprojectInput!) { maakNieuwbouwproject(invoer: $input) { ${VELDEN} } }`;
  const WIJZIG = `mutation ($id: ID!, $versie: Int!, $input: NieuwbouwprojectWijziging!) { wijzigNieuwbouwproject(id: $id, versie: $versie, invoer: $input) { ${VELDEN} } }`;
  const FASE = `mutation ($id: ID!, $versie: Int!, $fase: NieuwbouwFase!, $datum: String!) { wijzigNieuwbouwFase(id: $id, versie: $versie, fase: $fase, datum: $datum) { ${VELDEN} } }`;
  const LIJST = `query ($filter: NieuwbouwFilter) { nieuwbouwprojecten(filter: $filter) { naam } }`;
  const EEN = `query ($id: ID!) { nieuwbouwproject(id: $id) { naam versie } }`;

  const WONINGEN = { socialeHuur: 60, middenhuur: 30, koopVrij: 10, aandachtsgroepen: 20, perAandachtsgroep: [{ aandachtsgroep: 'STUDENTEN', woningen: 12 }], nultreden: 15 };
  const project = (naam: string, gemeenteCode: string, extra: Record<string, unknown> = {}) => ({ naam, gemeenteCode, woningen: WONINGEN, ...extra });
  const tel = async (naam: string) => (await t.db.query(`SELECT count(*)::int AS n FROM nieuwbouwproject WHERE naam = $1`, [naam])).rows[0].n;

  let kade: any; // Domstad, Utrecht
  // created, updated, moved through its phases: the steps build on each other (verhaal.ts)
  const stap = verhaal();
  describe('creating', () => {
    stap('a corporatie creates a project in its werkgebied; audited', async () => {
      kade = (await t.ok('corporatie.domstad.invoer', CREATE, { input: project('De Kade', 'GM0344', { planDatum: '2025-01-15' }) })).maakNieuwbouwproject;
      expect(kade).toMatchObject({
        naam: 'De Kade',
        fase: 'PLAN',
        versie: 1,
        planDatum: '2025-01-15',
        opgeleverdOp: null,
        opleverKwartaal: null,
        gemeente: { code: 'GM0344' },
        eigenaar: { code: 'L0801' },
        woningen: { socialeHuur: 60, middenhuur: 30, koopVrij: 10, totaal: 100, aandachtsgroepen: 20, perAandachtsgroep: [{ aandachtsgroep: 'STUDENTEN', woningen: 12 }], nultreden: 15, flex: 0, standplaatsen: 0 },
      });
      const { rows } = await t.db.query(`SELECT woningen_per_aandachtsgroep FROM nieuwbouwproject WHERE id = $1`, [kade.id]);
      expect(rows[0].woningen_per_aandachtsgroep).toEqual({ STUDENTEN: 12 });
      const audit = await t.db.query(`SELECT actie, gebruikersnaam FROM audit_log WHERE entiteit = 'nieuwbouwproject' AND entiteit_id = $1`, [kade.id]);
      expect(audit.rows).toEqual([{ actie: 'CREATE_NIEUWBOUWPROJECT', gebruikersnaam: 'corporatie.domstad.invoer' }]);
    });

    stap('outside the werkgebied: refused, nothing stored', async () => {
      const r = await t.gql('corporatie.domstad', CREATE, { input: project('Buiten', 'GM0307') });
      expect(r.errors?.[0].extensions?.code).toBe('GEEN_TOEGANG');
      const g = await t.gql('gemeente.utrecht', CREATE, { input: project('Buiten', 'GM0356') });
      expect(g.errors?.[0].extensions?.code).toBe('GEEN_TOEGANG');
      expect(await tel('Buiten')).toBe(0);
    });

    stap('a gemeente creates a project in the gemeente; other kinds may not create', async () => {
      const r = await t.ok('gemeente.utrecht', CREATE, { input: project('Woonwagenlocatie Zuid', 'GM0344', { woningen: { standplaatsen: 8 } }) });
      expect(r.maakNieuwbouwproject).toMatchObject({ eigenaar: { code: 'GM0344' }, woningen: { totaal: 0, standplaatsen: 8 } });
      for (const als of ['zorg.sticht', 'provincie.utrecht', 'bzk.analist', 'huurders.domstad']) {
        const x = await t.gql(als, CREATE, { input: project('Niet van mij', 'GM0344') });
        expect([als, x.errors?.[0].extensions?.code]).toEqual([als, 'GEEN_TOEGANG']);
      }
      expect(await tel('Niet van mij')).toBe(0);
    });

    stap('reports inconsistent figures and dates per field, in Dutch', async () => {
      const r = await t.gql('corporatie.domstad', CREATE, {
        input: project('Fout', 'GM0356', {
          fase: 'OPGELEVERD',
          woningen: { socialeHuur: 10, aandachtsgroepen: 11, perAandachtsgroep: [{ aandachtsgroep: 'OUDEREN', woningen: 12 }] },
          vergundOp: '2024-05-01',
          startBouwOp: '2024-04-01',
        }),
      });
      expect(r.errors?.[0].extensions).toEqual({
        code: 'ONGELDIGE_INVOER',
        details: [
          { veld: 'woningen.aandachtsgroepen', melding: 'Er zijn meer woningen voor aandachtsgroepen (11) dan woningen in het project (10)' },
          { veld: 'woningen.perAandachtsgroep', melding: expect.stringMatching(/\(12\) is groter dan .* \(11\)/) },
          { veld: 'opgeleverdOp', melding: "De opleverdatum is verplicht in de fase 'Opgeleverd'" },
          { veld: 'startBouwOp', melding: 'De startdatum van de bouw ligt vóór de vergunningsdatum' },
        ],
      });
      expect(await tel('Fout')).toBe(0);
    });
  });

  describe('updating with versions, and phases', () => {
    stap('the owner updates with the version it saw; a stale version is a conflict and changes nothing', async () => {
      const r = await t.ok('corporatie.domstad', WIJZIG, { id: kade.id, versie: 1, input: project('De Kade', 'GM0344', { woningen: { ...WONINGEN, socialeHuur: 70 } }) });
      expect(r.wijzigNieuwbouwproject).toMatchObject({ versie: 2, woningen: { socialeHuur: 70, totaal: 110 } });
      // the gemeente edits the corporatie's project in its gemeente (it keeps the local planning list)
      const g = await t.ok('gemeente.utrecht', WIJZIG, { id: kade.id, versie: 2, input: project('De Kade (fase 1)', 'GM0344', { woningen: { ...WONINGEN, socialeHuur: 70 } }) });
      expect(g.wijzigNieuwbouwproject).toMatchObject({ versie: 3, naam: 'De Kade (fase 1)', eigenaar: { code: 'L0801' } });
      const oud = await t.gql('corporatie.domstad', WIJZIG, { id: kade.id, versie: 2, input: project('Overschreven', 'GM0344') });
      expect(oud.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' }, message: expect.stringMatching(/intussen gewijzigd \(versie 3/) });
      expect((await t.ok('corporatie.domstad', EEN, { id: kade.id })).nieuwbouwproject).toEqual({ naam: 'De Kade (fase 1)', versie: 3 });
      const audit = await t.db.query(`SELECT actie, voor->>'versie' AS voor, na->>'versie' AS na FROM audit_log WHERE entiteit_id = $1 ORDER BY id`, [kade.id]);
      expect(audit.rows.map((a) => [a.actie, a.voor, a.na])).toEqual([
        ['CREATE_NIEUWBOUWPROJECT', null, '1'],
        ['WIJZIG_NIEUWBOUWPROJECT', '1', '2'],
        ['WIJZIG_NIEUWBOUWPROJECT', '2', '3'],
      ]);
    });

    stap('others cannot change it: another corporatie or gemeente gets NIET_GEVONDEN', async () => {
      for (const als of ['corporatie.eemland', 'gemeente.amersfoort']) {
        const r = await t.gql(als, WIJZIG, { id: kade.id, versie: 3, input: project('Gekaapt', 'GM0344') });
        expect([als, r.errors?.[0].extensions?.code]).toEqual([als, 'NIET_GEVONDEN']);
        const f = await t.gql(als, FASE, { id: kade.id, versie: 3, fase: 'VERGUND', datum: '2025-02-01' });
        expect([als, f.errors?.[0].extensions?.code]).toEqual([als, 'NIET_GEVONDEN']);
      }
      const verplaatsen = await t.gql('corporatie.domstad', WIJZIG, { id: kade.id, versie: 3, input: project('De Kade', 'GM0307') });
      expect(verplaatsen.errors?.[0].extensions?.code).toBe('GEEN_TOEGANG');
      expect((await t.ok('corporatie.domstad', EEN, { id: kade.id })).nieuwbouwproject.versie).toBe(3);
    });

    stap('phases move forward with their dates (skipping allowed); OPGELEVERD sets the quarter of realisation', async () => {
      const v = await t.ok('corporatie.domstad', FASE, { id: kade.id, versie: 3, fase: 'VERGUND', datum: '2025-02-01' });
      expect(v.wijzigNieuwbouwFase).toMatchObject({ fase: 'VERGUND', vergundOp: '2025-02-01', versie: 4 });
      const o = await t.ok('corporatie.domstad', FASE, { id: kade.id, versie: 4, fase: 'OPGELEVERD', datum: '2025-06-30' });
      expect(o.wijzigNieuwbouwFase).toMatchObject({ fase: 'OPGELEVERD', opgeleverdOp: '2025-06-30', opleverKwartaal: '2025-Q2', startBouwOp: null, versie: 5 });
      // the data voortgang aggregates: opgeleverde woningen per quarter of oplevering, in SQL
      const { rows } = await t.db.query(
        `SELECT to_char(opgeleverd_op, 'YYYY-"Q"Q') AS kwartaal, sum(woningen_sociale_huur)::int AS sociaal,
                sum((woningen_per_aandachtsgroep->>'STUDENTEN')::int)::int AS studenten
         FROM nieuwbouwproject WHERE fase = 'OPGELEVERD' GROUP BY 1`,
      );
      expect(rows).toEqual([{ kwartaal: '2025-Q2', sociaal: 70, studenten: 12 }]);
    });

    stap('refuses going back, staying, a future date, a date before the permit, and a stale version', async () => {
      const terug = await t.gql('corporatie.domstad', FASE, { id: kade.id, versie: 5, fase: 'IN_AANBOUW', datum: '2025-03-01' });
      expect(terug.errors?.[0]).toMatchObject({ extensions: { code: 'ONGELDIGE_INVOER' }, message: "Een project kan niet terug van 'Opgeleverd' naar 'In aanbouw'" });
      const p = (await t.ok('gemeente.utrecht', CREATE, { input: project('Het Veld', 'GM0344') })).maakNieuwbouwproject;
      const toekomst = await t.gql('gemeente.utrecht', FASE, { id: p.id, versie: 1, fase: 'IN_AANBOUW', datum: '2999-01-01' });
      expect(toekomst.errors?.[0].extensions?.details).toEqual([{ veld: 'startBouwOp', melding: 'De startdatum van de bouw ligt in de toekomst' }]);
      await t.ok('gemeente.utrecht', FASE, { id: p.id, versie: 1, fase: 'VERGUND', datum: '2025-05-01' });
      const zelfde = await t.gql('gemeente.utrecht', FASE, { id: p.id, versie: 2, fase: 'VERGUND', datum: '2025-05-02' });
      expect(zelfde.errors?.[0].message).toBe("Het project is al in de fase 'Vergund'");
      const voorVergunning = await t.gql('gemeente.utrecht', FASE, { id: p.id, versie: 2, fase: 'IN_AANBOUW', datum: '2025-04-01' });
      expect(voorVergunning.errors?.[0].extensions?.details).toEqual([{ veld: 'startBouwOp', melding: 'De startdatum van de bouw ligt vóór de vergunningsdatum' }]);
      const oud = await t.gql('gemeente.utrecht', FASE, { id: p.id, versie: 1, fase: 'IN_AANBOUW', datum: '2025-06-01' });
      expect(oud.errors?.[0].extensions?.code).toBe('CONFLICT');
      const { rows } = await t.db.query(`SELECT fase, versie FROM nieuwbouwproject WHERE id = $1`, [p.id]);
      expect(rows).toEqual([{ fase: 'VERGUND', versie: 2 }]);
    });
  });

  describe('who sees which projects', () => {
    beforeAll(async () => {
      // the projects the story above created (when a test here runs alone)
      await stap.alles();
      await t.ok('corporatie.domstad', CREATE, { input: project('Nieuwegein Noord', 'GM0356') });
      await t.ok('corporatie.eemland', CREATE, { input: project('Eemkwartier', 'GM0307') });
      await t.ok('gemeente.arnhem', CREATE, { input: project('Arnhem Centraal', 'GM0202') });
    });
    const namen = async (als: string, filter?: Record<string, unknown>) =>
      ((await t.ok(als, LIJST, { filter })).nieuwbouwprojecten as { naam: string }[]).map((p) => p.naam).sort();

    it('owner, gemeente, provincie and Rijk within scope; nobody else', async () => {
      expect(await namen('corporatie.domstad')).toEqual(['De Kade (fase 1)', 'Nieuwegein Noord']);
      expect(await namen('corporatie.eemland')).toEqual(['Eemkwartier']);
      expect(await namen('gemeente.utrecht')).toEqual(['De Kade (fase 1)', 'Het Veld', 'Woonwagenlocatie Zuid']);
      expect(await namen('gemeente.amersfoort')).toEqual(['Eemkwartier']);
      expect(await namen('provincie.utrecht')).toEqual(['De Kade (fase 1)', 'Eemkwartier', 'Het Veld', 'Nieuwegein Noord', 'Woonwagenlocatie Zuid']);
      expect(await namen('provincie.gelderland')).toEqual(['Arnhem Centraal']);
      expect(await namen('bzk.analist')).toHaveLength(6);
      expect(await namen('zorg.sticht')).toEqual([]);
      expect(await namen('huurders.domstad')).toEqual([]);
    });

    it('filters never widen the view', async () => {
      const domstad = await t.orgId('L0801');
      expect(await namen('provincie.utrecht', { gemeenteCode: 'GM0356' })).toEqual(['Nieuwegein Noord']);
      expect(await namen('provincie.utrecht', { fase: 'OPGELEVERD' })).toEqual(['De Kade (fase 1)']);
      expect(await namen('bzk.analist', { eigenaarId: domstad })).toEqual(['De Kade (fase 1)', 'Nieuwegein Noord']);
      expect(await namen('corporatie.eemland', { eigenaarId: domstad })).toEqual([]);
      expect(await namen('provincie.gelderland', { gemeenteCode: 'GM0344' })).toEqual([]);
    });

    it('a single project the principal may not see answers like a missing one', async () => {
      for (const als of ['corporatie.eemland', 'gemeente.amersfoort', 'provincie.gelderland', 'zorg.sticht']) {
        const r = await t.gql(als, EEN, { id: kade.id });
        expect([als, r.errors?.[0].extensions?.code, r.errors?.[0].message]).toEqual([als, 'NIET_GEVONDEN', 'Het nieuwbouwproject is niet gevonden.']);
      }
      expect((await t.ok('provincie.utrecht', EEN, { id: kade.id })).nieuwbouwproject.naam).toBe('De Kade (fase 1)');
    });
  });
});
