import { startTestApp, type TestApp } from './support/test-app';
import { verhaal } from './support/verhaal';
import { code, ok, Q, socialeHuur, type Pa } from './prestatieafspraak.helpers';

const EV = `prestatieafspraakId jaar status versie vastgesteldOp vastgesteldDoor { code }
  regels { afspraakId volgnummer omschrijving doelwaarde realisatie realisatieWeergave oordeel oordeelLabel toelichting }`;
const E = {
  lees: `query ($p: ID!, $j: Int!) { evaluatie(prestatieafspraakId: $p, jaar: $j) { ${EV} } }`,
  slaOp: `mutation ($p: ID!, $j: Int!, $v: Int!, $r: [EvaluatieRegelInput!]!) { slaEvaluatieOp(prestatieafspraakId: $p, jaar: $j, versie: $v, regels: $r) { ${EV} } }`,
  vast: `mutation ($p: ID!, $j: Int!, $v: Int!) { stelEvaluatieVast(prestatieafspraakId: $p, jaar: $j, versie: $v) { ${EV} } }`,
  voortgang: `query ($j: Int!) { voortgang(gebied: { soort: GEMEENTE, code: "GM0344" }, jaar: $j) {
    afspraken { prestatieafspraakId afspraakId realisatie { waarde weergave } } } }`,
};
const GS = `id prestatieafspraakId onderwerp onderwerpLabel omschrijving ingediendOp ingediendDoor { code } status statusLabel uitkomst versie`;
const G = {
  registreer: `mutation ($i: NieuwGeschilInput!) { registreerGeschil(invoer: $i) { ${GS} } }`,
  lijst: `query ($p: ID!) { geschillen(prestatieafspraakId: $p) { ${GS} } }`,
  werkBij: `mutation ($id: ID!, $v: Int!, $s: GeschilStatus!, $u: String) { werkGeschilBij(id: $id, versie: $v, status: $s, uitkomst: $u) { ${GS} } }`,
};

/**
 * The yearly joint evaluation and the geschil over HTTP (issue 12, item 3): a vastgestelde
 * prestatieafspraak for 2025–2026 between Utrecht, Domstad and its huurders; any party writes the
 * evaluation of 2025 (figures pre-filled from the voortgang), a party fixes it; a party registers
 * a geschil inside the window. Non-parties (also provincie and Rijk, who read the afspraak) get
 * NIET_GEVONDEN.
 */
describe('evaluatie and geschil', () => {
  let t: TestApp;
  let pa: Pa;
  let ev: Pa;

  beforeAll(async () => {
    t = await startTestApp();
    const [domstad, huurders] = [await t.orgId('L0801'), await t.orgId('HO-DOMSTAD')];
    pa = await ok(t, 'gemeente.utrecht', Q.create, {
      i: {
        gemeenteCode: 'GM0344',
        titel: 'Afspraken 2025–2026',
        jaarVan: 2025,
        jaarTot: 2026,
        partijIds: [domstad, huurders],
      },
    });
    pa = await ok(t, 'gemeente.utrecht', Q.voegAfspraakToe, {
      id: pa.id,
      v: pa.versie,
      i: socialeHuur(domstad, [
        [2025, 120],
        [2026, 150],
      ]),
    });
    pa = await ok(t, 'gemeente.utrecht', Q.indienen, { id: pa.id, v: pa.versie });
    for (const als of ['gemeente.utrecht', 'corporatie.domstad'])
      pa = await ok(t, als, Q.tekenen, { id: pa.id, v: pa.versie });
    expect(pa.status).toBe('VASTGESTELD');
  });
  afterAll(() => t.close());
  // one evaluation written, fixed, then a geschil: each step builds on the ones before (verhaal.ts)
  const stap = verhaal();

  stap('shows every afspraak with its doelwaarde and the realisation the voortgang computes', async () => {
    ev = await ok(t, 'huurders.domstad', E.lees, { p: pa.id, j: 2025 });
    expect(ev).toMatchObject({ jaar: 2025, status: null, versie: 0 });
    const v = await ok(t, 'huurders.domstad', E.voortgang, { j: 2025 });
    const uitVoortgang = v.afspraken.find((a: Pa) => a.afspraakId === pa.afspraken[0].id);
    expect(ev.regels).toEqual([
      expect.objectContaining({
        afspraakId: pa.afspraken[0].id,
        doelwaarde: 120,
        realisatie: uitVoortgang.realisatie.waarde,
        realisatieWeergave: uitVoortgang.realisatie.weergave,
        oordeel: null,
      }),
    ]);
  });

  stap('is for parties only: provincie, Rijk and others get NIET_GEVONDEN, nothing stored', async () => {
    const regels = [{ afspraakId: pa.afspraken[0].id, oordeel: 'NIET', toelichting: 'x' }];
    for (const als of ['provincie.utrecht', 'bzk.analist', 'corporatie.eemland', 'gemeente.amersfoort'])
      expect(code(await t.gql(als, E.lees, { p: pa.id, j: 2025 }))).toBe('NIET_GEVONDEN');
    for (const als of ['corporatie.eemland', 'gemeente.amersfoort']) {
      expect(code(await t.gql(als, E.slaOp, { p: pa.id, j: 2025, v: 0, r: regels }))).toBe('NIET_GEVONDEN');
      expect(code(await t.gql(als, E.vast, { p: pa.id, j: 2025, v: 0 }))).toBe('NIET_GEVONDEN');
    }
    // provincie and Rijk are never a party: the permission refuses them before any record is
    // looked at, the same answer for every id (so nothing about this one leaks)
    for (const als of ['provincie.utrecht', 'bzk.analist'])
      expect(code(await t.gql(als, E.slaOp, { p: pa.id, j: 2025, v: 0, r: regels }))).toBe('GEEN_TOEGANG');
    expect((await t.db.query(`SELECT count(*)::int AS n FROM evaluatie`)).rows[0].n).toBe(0);
  });

  stap('any party writes; a year not over yet, or an afspraak from elsewhere, is refused', async () => {
    const nietVoorbij = await t.gql('gemeente.utrecht', E.slaOp, { p: pa.id, j: 2026, v: 0, r: [] });
    expect(nietVoorbij.errors![0].extensions!.details[0].melding).toMatch(/2026 is nog niet voorbij/);
    const vreemd = await t.gql('gemeente.utrecht', E.slaOp, {
      p: pa.id,
      j: 2025,
      v: 0,
      r: [{ afspraakId: '00000000-0000-4000-8000-000000000000', oordeel: 'NIET' }],
    });
    expect(code(vreemd)).toBe('ONGELDIGE_INVOER');

    ev = await ok(t, 'huurders.domstad', E.slaOp, {
      p: pa.id,
      j: 2025,
      v: 0,
      r: [{ afspraakId: pa.afspraken[0].id, oordeel: 'DEELS' }],
    });
    expect(ev).toMatchObject({ status: 'CONCEPT', versie: 1 });
    expect(ev.regels[0]).toMatchObject({
      oordeel: 'DEELS',
      oordeelLabel: 'Deels gerealiseerd',
      toelichting: null,
    });
    // the explanation for 'deels' is needed before the parties fix it
    const onvolledig = await t.gql('gemeente.utrecht', E.vast, { p: pa.id, j: 2025, v: 1 });
    expect(onvolledig.errors![0].extensions!.details[0].melding).toBe(
      "Licht toe waarom afspraak 'Domstad levert sociale huurwoningen op' deels is gerealiseerd.",
    );
    expect(code(await t.gql('corporatie.domstad', E.slaOp, { p: pa.id, j: 2025, v: 0, r: [] }))).toBe(
      'CONFLICT',
    );
    ev = await ok(t, 'corporatie.domstad', E.slaOp, {
      p: pa.id,
      j: 2025,
      v: 1,
      r: [
        {
          afspraakId: pa.afspraken[0].id,
          oordeel: 'DEELS',
          toelichting: 'Twee projecten schoven door naar 2026.',
        },
      ],
    });
    expect(ev.versie).toBe(2);
  });

  stap('a party fixes it; then it no longer changes, and the cycle calendar shows the evaluation done', async () => {
    ev = await ok(t, 'gemeente.utrecht', E.vast, { p: pa.id, j: 2025, v: 2 });
    expect(ev).toMatchObject({
      status: 'VASTGESTELD',
      vastgesteldDoor: { code: 'GM0344' },
      vastgesteldOp: expect.any(String),
    });
    const later = await t.gql('huurders.domstad', E.slaOp, { p: pa.id, j: 2025, v: ev.versie, r: [] });
    expect(later.errors![0].message).toBe('Deze evaluatie is vastgesteld en wijzigt niet meer.');
    const k = await ok(t, 'gemeente.utrecht', Q.kalender, { g: 'GM0344', j: 2026, p: '2026-12-31' });
    expect(k.stappen[0]).toMatchObject({ code: 'EVALUATIE', status: 'GEDAAN', gedaanOp: ev.vastgesteldOp });
    // the provincie reads the calendar, without the parties' evaluation step
    const prov = await ok(t, 'provincie.utrecht', Q.kalender, { g: 'GM0344', j: 2026, p: '2026-12-31' });
    expect(prov.stappen.map((s: Pa) => s.code)).toEqual(['BOD', 'ONDERTEKENING']);
    const audit = await ok(t, 'huurders.domstad', Q.audit, { id: pa.id });
    expect(audit.map((r: Pa) => r.actie).filter((a: string) => a.startsWith('EVALUATIE'))).toEqual([
      'EVALUATIE_BIJGEWERKT',
      'EVALUATIE_BIJGEWERKT',
      'EVALUATIE_VASTGESTELD',
    ]);
  });

  stap('a party registers a geschil about the content inside the window (1 July – 29 January)', async () => {
    const i = {
      prestatieafspraakId: pa.id,
      onderwerp: 'INHOUD',
      omschrijving: 'Geen overeenstemming over de huurverhoging',
      ingediendOp: '2025-08-15',
    };
    const buiten = await t.gql('huurders.domstad', G.registreer, { i: { ...i, ingediendOp: '2025-03-15' } });
    expect(buiten.errors![0].extensions!.details[0].melding).toBe(
      'Een geschil kan alleen worden ingediend van 1 juli tot en met 29 januari.',
    );
    // nakoming is the new law's; the current rules do not have it (geschilRegimeOp)
    expect(code(await t.gql('huurders.domstad', G.registreer, { i: { ...i, onderwerp: 'NAKOMING' } }))).toBe(
      'ONGELDIGE_INVOER',
    );
    expect(code(await t.gql('corporatie.eemland', G.registreer, { i }))).toBe('NIET_GEVONDEN');
    expect(code(await t.gql('provincie.utrecht', G.registreer, { i }))).toBe('GEEN_TOEGANG');
    expect((await t.db.query(`SELECT count(*)::int AS n FROM geschil`)).rows[0].n).toBe(0);

    const g = await ok(t, 'huurders.domstad', G.registreer, { i });
    expect(g).toMatchObject({
      onderwerp: 'INHOUD',
      status: 'INGEDIEND',
      ingediendOp: '2025-08-15',
      ingediendDoor: { code: 'HO-DOMSTAD' },
      versie: 1,
    });
    expect((await ok(t, 'corporatie.domstad', G.lijst, { p: pa.id })).map((x: Pa) => x.id)).toEqual([g.id]);
    for (const als of ['provincie.utrecht', 'bzk.analist', 'corporatie.eemland'])
      expect(code(await t.gql(als, G.lijst, { p: pa.id }))).toBe('NIET_GEVONDEN');
    expect(code(await t.gql('corporatie.eemland', G.werkBij, { id: g.id, v: 1, s: 'INGETROKKEN' }))).toBe(
      'NIET_GEVONDEN',
    );

    // status and outcome: the uitspraak needs its outcome; after it, nothing changes
    expect(code(await t.gql('gemeente.utrecht', G.werkBij, { id: g.id, v: 1, s: 'UITSPRAAK' }))).toBe(
      'ONGELDIGE_INVOER',
    );
    let nu = await ok(t, 'gemeente.utrecht', G.werkBij, { id: g.id, v: 1, s: 'IN_BEHANDELING' });
    nu = await ok(t, 'corporatie.domstad', G.werkBij, {
      id: g.id,
      v: nu.versie,
      s: 'UITSPRAAK',
      u: 'Huurverhoging gematigd tot inflatie.',
    });
    expect(nu).toMatchObject({
      status: 'UITSPRAAK',
      statusLabel: 'Uitspraak gedaan',
      uitkomst: 'Huurverhoging gematigd tot inflatie.',
    });
    expect(
      code(await t.gql('gemeente.utrecht', G.werkBij, { id: g.id, v: nu.versie, s: 'INGETROKKEN' })),
    ).toBe('ONGELDIGE_INVOER');
  });
});
