import { startTestApp, type TestApp } from './support/test-app';
import { verhaal } from './support/verhaal';
import { code, ok, Q, type Pa } from './prestatieafspraak.helpers';

const BOD = `id titel toelichting jaar deadline status statusLabel versie verzondenOp teLaat prestatieafspraakIds mogelijkeActies
  gemeente { code } corporatie { code } ontvangers { code }
  regels { volgnummer jaar actielijn omschrijving indicatorCode aantal eenheid }`;
const B = {
  create: `mutation ($i: NieuwBodInput!) { maakBod(invoer: $i) { ${BOD} } }`,
  update: `mutation ($id: ID!, $v: Int!, $i: BodWijziging!) { wijzigBod(id: $id, versie: $v, invoer: $i) { ${BOD} } }`,
  verzend: `mutation ($id: ID!, $v: Int!) { verzendBod(id: $id, versie: $v) { ${BOD} } }`,
  een: `query ($id: ID!) { bod(id: $id) { ${BOD} } }`,
  lijst: `query ($f: BodFilter) { boden(filter: $f) { id status } }`,
  start: `mutation ($b: ID!) { startPrestatieafspraakUitBod(bodId: $b) {
    id status isBod bodId jaarVan jaarTot opgesteldDoor { code } partijen { code }
    afspraken { omschrijving actielijn indicator { code } doelwaarden { jaar waarde } verantwoordelijke { code } } } }`,
};

/**
 * The bod as its own object over HTTP (issue 12, item 3; Woningwet art. 44): Domstad drafts it,
 * sends it to Utrecht and its huurdersvereniging, the cycle calendar shows it received (late or on
 * time), and the gemeente starts a prestatieafspraak from it. Non-parties get NIET_GEVONDEN.
 */
describe('bod', () => {
  let t: TestApp;
  let org: Record<string, string>;
  let bod: Pa;

  beforeAll(async () => {
    t = await startTestApp();
    org = {};
    for (const c of ['GM0344', 'L0801', 'HO-DOMSTAD']) org[c] = await t.orgId(c);
  });
  afterAll(() => t.close());
  // one bod drafted, sent, received and turned into a concept: each step builds on the ones before (verhaal.ts)
  const stap = verhaal();

  const regels = [
    {
      jaar: 2027,
      actielijn: 'VOLDOENDE_WONINGEN',
      omschrijving: 'Sociale huurwoningen opleveren',
      indicatorCode: 'SOCIALE_HUURWONINGEN_OPGELEVERD',
      aantal: 40,
    },
    {
      jaar: 2028,
      actielijn: 'VOLDOENDE_WONINGEN',
      omschrijving: 'Sociale huurwoningen opleveren',
      indicatorCode: 'SOCIALE_HUURWONINGEN_OPGELEVERD',
      aantal: 60,
    },
    {
      jaar: 2027,
      actielijn: 'PREVENTIE',
      omschrijving: 'Woningen verduurzamen',
      aantal: 300,
      eenheid: 'woningen',
    },
  ];
  const aantalBoden = async () => (await t.db.query(`SELECT count(*)::int AS n FROM bod`)).rows[0].n;

  stap('a corporatie drafts its bod for a gemeente in its werkgebied, with lines per year and actielijn', async () => {
    bod = await ok(t, 'corporatie.domstad', B.create, {
      i: {
        gemeenteCode: 'GM0344',
        jaar: 2026,
        titel: 'Bod Domstad aan Utrecht 2026',
        huurdersorganisatieIds: [org['HO-DOMSTAD']],
        regels,
      },
    });
    expect(bod).toMatchObject({
      status: 'CONCEPT',
      deadline: '2026-07-01',
      versie: 1,
      verzondenOp: null,
      teLaat: null,
      gemeente: { code: 'GM0344' },
      corporatie: { code: 'L0801' },
      mogelijkeActies: ['BEWERKEN', 'VERZENDEN'],
    });
    expect(bod.ontvangers.map((o: Pa) => o.code).sort()).toEqual(['GM0344', 'HO-DOMSTAD']);
    expect(bod.regels.map((r: Pa) => [r.volgnummer, r.jaar, r.aantal, r.eenheid])).toEqual([
      [1, 2027, 40, 'woningen'],
      [2, 2028, 60, 'woningen'],
      [3, 2027, 300, 'woningen'],
    ]);
  });

  stap('refuses bad lines in Dutch, per field, and stores nothing', async () => {
    const voor = await aantalBoden();
    const r = await t.gql('corporatie.domstad', B.create, {
      i: {
        gemeenteCode: 'GM0344',
        jaar: 2026,
        titel: 'Fout bod',
        huurdersorganisatieIds: [org['HO-DOMSTAD']],
        regels: [
          { ...regels[0], jaar: 2035 },
          { ...regels[2], eenheid: null },
        ],
      },
    });
    expect(code(r)).toBe('ONGELDIGE_INVOER');
    expect(r.errors![0].extensions!.details.map((d: Pa) => d.melding)).toEqual([
      'Regel 1: een bod van 2026 gaat over de jaren 2027–2031, niet over 2035.',
      'Regel 2: zeg waarin het aantal is uitgedrukt (bijvoorbeeld woningen), of kies een indicator.',
    ]);
    expect(await aantalBoden()).toBe(voor);
    // only a corporatie, only in its werkgebied; the recipients are huurdersorganisaties
    const i = { gemeenteCode: 'GM0344', jaar: 2026, titel: 'X', huurdersorganisatieIds: [], regels: [] };
    expect(code(await t.gql('gemeente.utrecht', B.create, { i }))).toBe('GEEN_TOEGANG');
    expect(code(await t.gql('corporatie.eemland', B.create, { i }))).toBe('GEEN_TOEGANG');
    expect(
      code(await t.gql('corporatie.domstad', B.create, { i: { ...i, huurdersorganisatieIds: [org.L0801] } })),
    ).toBe('ONGELDIGE_INVOER');
    expect(await aantalBoden()).toBe(voor);
  });

  stap('a concept is the corporatie’s own: recipients and everyone else get NIET_GEVONDEN', async () => {
    for (const als of [
      'gemeente.utrecht',
      'huurders.domstad',
      'corporatie.eemland',
      'provincie.utrecht',
      'bzk.analist',
    ]) {
      expect(code(await t.gql(als, B.een, { id: bod.id }))).toBe('NIET_GEVONDEN');
      expect((await ok(t, als, B.lijst, {})).map((b: Pa) => b.id)).not.toContain(bod.id);
    }
    expect(
      code(await t.gql('corporatie.eemland', B.update, { id: bod.id, v: 1, i: { titel: 'Van mij' } })),
    ).toBe('NIET_GEVONDEN');
    expect(code(await t.gql('corporatie.eemland', B.verzend, { id: bod.id, v: 1 }))).toBe('NIET_GEVONDEN');
    // RLS, the second wall, is tested without the service in rls-wall-bod.spec.ts
  });

  stap('the corporatie edits the concept (versie checked) and sends it; then it is received and frozen', async () => {
    bod = await ok(t, 'corporatie.domstad', B.update, {
      id: bod.id,
      v: 1,
      i: { toelichting: 'Na overleg met de huurders' },
    });
    expect(bod).toMatchObject({ versie: 2, toelichting: 'Na overleg met de huurders' });
    expect(code(await t.gql('corporatie.domstad', B.update, { id: bod.id, v: 1, i: { titel: 'Oud' } }))).toBe(
      'CONFLICT',
    );

    bod = await ok(t, 'corporatie.domstad', B.verzend, { id: bod.id, v: 2 });
    const vandaag = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(new Date());
    // sent after 1 July 2026: late (the tests run after that date; the rule itself is in libs/domain)
    expect(bod).toMatchObject({
      status: 'VERZONDEN',
      statusLabel: 'Verzonden',
      verzondenOp: vandaag,
      teLaat: vandaag > '2026-07-01',
    });
    expect(bod.mogelijkeActies).toEqual(['PRESTATIEAFSPRAAK_STARTEN']);

    for (const als of ['gemeente.utrecht', 'huurders.domstad']) {
      expect((await ok(t, als, B.een, { id: bod.id })).regels).toHaveLength(3);
      expect(
        (await ok(t, als, B.lijst, { f: { gemeenteCode: 'GM0344', jaar: 2026 } })).map((b: Pa) => b.id),
      ).toEqual([bod.id]);
    }
    expect((await ok(t, 'huurders.domstad', B.een, { id: bod.id })).mogelijkeActies).toEqual([]);
    for (const als of ['corporatie.eemland', 'provincie.utrecht', 'gemeente.amersfoort'])
      expect(code(await t.gql(als, B.een, { id: bod.id }))).toBe('NIET_GEVONDEN');
    const r = await t.gql('corporatie.domstad', B.update, {
      id: bod.id,
      v: bod.versie,
      i: { titel: 'Later' },
    });
    expect(code(r)).toBe('ONGELDIGE_INVOER');
    expect(r.errors![0].message).toBe(
      'Dit bod is verzonden en wijzigt niet meer; maak zo nodig een nieuw bod.',
    );
  });

  stap('the cycle calendar shows the bod received, with its date and whether it was on time', async () => {
    for (const als of ['gemeente.utrecht', 'provincie.utrecht']) {
      const k = await ok(t, als, Q.kalender, { g: 'GM0344', j: 2026, p: '2026-12-31' });
      expect(k.stappen.find((s: Pa) => s.code === 'BOD')).toMatchObject({
        status: 'GEDAAN',
        gedaanOp: bod.verzondenOp,
        opTijd: !bod.teLaat,
      });
    }
    // a bod for another cycle year does not count for 2026
    const k2025 = await ok(t, 'gemeente.utrecht', Q.kalender, { g: 'GM0344', j: 2025, p: '2025-12-31' });
    expect(k2025.stappen.find((s: Pa) => s.code === 'BOD')).toMatchObject({
      gedaanOp: null,
      status: 'TE_LAAT',
    });
  });

  stap('the gemeente starts a concept prestatieafspraak from it: parties and afspraken from the lines', async () => {
    expect(code(await t.gql('corporatie.eemland', B.start, { b: bod.id }))).toBe('NIET_GEVONDEN');
    expect(code(await t.gql('provincie.utrecht', B.start, { b: bod.id }))).toBe('GEEN_TOEGANG');
    const pa = await ok(t, 'gemeente.utrecht', B.start, { b: bod.id });
    expect(pa).toMatchObject({
      status: 'CONCEPT',
      isBod: false,
      bodId: bod.id,
      jaarVan: 2027,
      jaarTot: 2028,
      opgesteldDoor: { code: 'GM0344' },
    });
    expect(pa.partijen.map((p: Pa) => p.code).sort()).toEqual(['GM0344', 'HO-DOMSTAD', 'L0801']);
    expect(pa.afspraken).toEqual([
      {
        omschrijving: 'Sociale huurwoningen opleveren',
        actielijn: 'VOLDOENDE_WONINGEN',
        indicator: { code: 'SOCIALE_HUURWONINGEN_OPGELEVERD' },
        doelwaarden: [
          { jaar: 2027, waarde: 40 },
          { jaar: 2028, waarde: 60 },
        ],
        verantwoordelijke: { code: 'L0801' },
      },
    ]);
    expect((await ok(t, 'corporatie.domstad', B.een, { id: bod.id })).prestatieafspraakIds).toEqual([pa.id]);
    // a concept bod cannot be the start of one
    const concept = await ok(t, 'corporatie.domstad', B.create, {
      i: { gemeenteCode: 'GM0344', jaar: 2027, titel: 'Bod 2027', huurdersorganisatieIds: [], regels: [] },
    });
    expect(code(await t.gql('corporatie.domstad', B.start, { b: concept.id }))).toBe('ONGELDIGE_INVOER');
    // and it is sent only with an activity and a huurdersorganisatie
    const leeg = await t.gql('corporatie.domstad', B.verzend, { id: concept.id, v: concept.versie });
    expect(leeg.errors![0].extensions!.details.map((d: Pa) => d.veld)).toEqual(['regels', 'ontvangers']);
  });
});
