import { startTestApp, type TestApp } from './support/test-app';
import { verhaal } from './support/verhaal';

/**
 * Issue 12 item 4 over real HTTP GraphQL (docs/decisions.md "Urgentie en detentie (issue 12,
 * item 4)"): the urgentieregeling per gemeente with the mandatory categories of Huisvestingswet
 * 2014 art. 12 lid 2 and local ones, flagged (not refused) when incomplete, mandatory itself only
 * under the Wet versterking regie volkshuisvesting (Kamerstukken 36512); a toewijzing's urgentie
 * category checked against the regeling; toewijzingen per category (and uitstroom uit detentie)
 * in voortgang under the publication rule.
 */
const VERPLICHT = `{ verplichteUrgentieCategorieen { regime code naam bron } }`;
const LEES = `query ($g: String!) { urgentieregeling(gemeenteCode: $g) {
  gemeenteCode gemeenteNaam titel vastgesteldOp documentUrl versie regime regelingVerplicht
  categorieen { code naam omschrijving verplicht gevoelig } signalen { soort code melding bron } } }`;
const BEWAAR = `mutation ($i: UrgentieregelingInput!, $v: Int) { bewaarUrgentieregeling(invoer: $i, versie: $v) {
  gemeenteCode titel versie categorieen { code verplicht } signalen { soort code } } }`;
const ZET = `mutation ($c: RegimeCode!, $d: String) { zetRegimeInwerkingtreding(code: $c, datum: $d) { code } }`;
const CREATE = `mutation ($input: ToewijzingInput!) { maakToewijzing(invoer: $input) { id viaUrgentie urgentieCategorie } }`;
const WIJZIG = `mutation ($id: ID!, $input: ToewijzingWijziging!) { wijzigToewijzing(id: $id, invoer: $input) { id urgentieCategorie } }`;
const VOORTGANG = `query ($s: GebiedSoort!, $c: String!) { voortgang(gebied: { soort: $s, code: $c }, jaar: 2026) {
  peildatum urgentie { detentie toelichting categorieen { code naam huishoudens exact gevoelig } } } }`;

const UTRECHT = {
  titel: 'Huisvestingsverordening Utrecht 2026',
  vastgesteldOp: '2026-03-12',
  documentUrl: 'https://lokaleregelgeving.overheid.nl/CVDR000001',
  categorieen: [
    { code: 'MANTELZORG', naam: 'Mantelzorg' },
    { code: 'UITSTROOM_DETENTIE', naam: 'Uitstroom uit detentie' },
    { code: 'lokaal jongeren', naam: 'Jongeren uit de jeugdzorg', omschrijving: 'Lokale categorie' },
  ],
};

describe('urgentieregeling, urgentie categories and detentie', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());
  // regeling recorded, then toewijzingen with its categories, then the voortgang over them: the steps build on each other (verhaal.ts)
  const stap = verhaal();

  const code = (r: { errors?: { extensions?: Record<string, unknown> }[] }) =>
    r.errors?.[0]?.extensions?.code;
  const regelingen = async () =>
    (await t.db.query(`SELECT count(*)::int AS n FROM urgentieregeling`)).rows[0].n;
  const toewijzingen = async () =>
    (await t.db.query(`SELECT count(*)::int AS n FROM toewijzing WHERE urgentie_categorie IS NOT NULL`))
      .rows[0].n;

  stap('the mandatory categories are reference data per regime, with their source (Huisvestingswet 2014 art. 12 lid 2)', async () => {
    const r = (await t.ok('corporatie.domstad', VERPLICHT)).verplichteUrgentieCategorieen;
    expect(r.map((v: { regime: string; code: string }) => `${v.regime}:${v.code}`)).toEqual([
      'WET_VERSTERKING_REGIE:MANTELZORG',
      'WET_VERSTERKING_REGIE:OPVANG_RELATIONEEL_GEWELD',
      'WONINGWET_2015:MANTELZORG',
      'WONINGWET_2015:OPVANG_RELATIONEEL_GEWELD',
    ]);
    for (const v of r) expect(v.bron).toMatch(/Huisvestingswet 2014 art\. 12 lid 2/);
  });

  stap('a gemeente without a regeling: no signal under the Woningwet regime (the regeling is optional there)', async () => {
    const r = (await t.ok('gemeente.utrecht', LEES, { g: 'GM0344' })).urgentieregeling;
    expect(r).toMatchObject({
      gemeenteCode: 'GM0344',
      titel: null,
      categorieen: [],
      regime: 'WONINGWET_2015',
      regelingVerplicht: false,
      signalen: [],
    });
  });

  it.each([
    'corporatie.domstad',
    'provincie.utrecht',
    'bzk.analist',
    'gemeente.utrecht.lezer',
    'huurders.domstad',
  ])('%s may not record a regeling; nothing is stored', async (account) => {
    const r = await t.gql(account, BEWAAR, { i: UTRECHT });
    expect(code(r)).toBe('GEEN_TOEGANG');
    expect(await regelingen()).toBe(0);
  });

  stap('the gemeente records its regeling; a missing mandatory category is flagged with its source, not refused; audited', async () => {
    const r = (await t.ok('gemeente.utrecht', BEWAAR, { i: UTRECHT })).bewaarUrgentieregeling;
    expect(r).toMatchObject({ gemeenteCode: 'GM0344', versie: 1 });
    expect(r.categorieen.map((c: { code: string }) => c.code)).toEqual([
      'MANTELZORG',
      'UITSTROOM_DETENTIE',
      'LOKAAL_JONGEREN',
    ]);
    expect(r.categorieen[0].verplicht).toBe(true);
    expect(r.signalen).toEqual([
      { soort: 'VERPLICHTE_CATEGORIE_ONTBREEKT', code: 'OPVANG_RELATIONEEL_GEWELD' },
    ]);
    const audit = await t.db.query(
      `SELECT actie, gemeente_code FROM audit_log WHERE entiteit = 'urgentieregeling'`,
    );
    expect(audit.rows).toEqual([{ actie: 'CREATE_URGENTIEREGELING', gemeente_code: 'GM0344' }]);
  });

  stap('others with the gemeente in scope read it; a gemeente out of scope gets "niet gevonden"', async () => {
    for (const account of ['corporatie.domstad', 'provincie.utrecht', 'bzk.analist']) {
      const r = (await t.ok(account, LEES, { g: 'GM0344' })).urgentieregeling;
      expect(r.titel).toBe(UTRECHT.titel);
      expect(r.categorieen.find((c: { code: string }) => c.code === 'UITSTROOM_DETENTIE').gevoelig).toBe(
        true,
      );
    }
    const r = await t.gql('gemeente.amersfoort', LEES, { g: 'GM0344' });
    expect(code(r)).toBe('NIET_GEVONDEN');
    expect(r.errors![0].message).toBe('De gemeente is niet gevonden.');
    expect(code(await t.gql('corporatie.domstad', LEES, { g: 'GM9999' }))).toBe('NIET_GEVONDEN');
  });

  stap("another gemeente writes only its own: Amersfoort's regeling leaves Utrecht's as it was", async () => {
    const r = (
      await t.ok('gemeente.amersfoort', BEWAAR, {
        i: {
          ...UTRECHT,
          titel: 'Urgentieregeling Amersfoort',
          categorieen: [{ code: 'MEDISCH', naam: 'Medisch' }],
        },
      })
    ).bewaarUrgentieregeling;
    expect(r.gemeenteCode).toBe('GM0307');
    expect((await t.ok('gemeente.utrecht', LEES, { g: 'GM0344' })).urgentieregeling).toMatchObject({
      titel: UTRECHT.titel,
      versie: 1,
    });
  });

  stap('bad input is refused per field in Dutch; a stale versie is a conflict', async () => {
    const r = await t.gql('gemeente.utrecht', BEWAAR, {
      i: {
        ...UTRECHT,
        vastgesteldOp: '2099-01-01',
        documentUrl: 'javascript:alert(1)',
        categorieen: [{ code: '1', naam: '' }],
      },
    });
    expect(code(r)).toBe('ONGELDIGE_INVOER');
    expect(r.errors![0].message).toBe('De urgentieregeling is niet opgeslagen: controleer de velden.');
    const velden = (r.errors![0].extensions!.details as { veld: string }[]).map((d) => d.veld);
    expect(velden).toEqual(['vastgesteldOp', 'documentUrl', 'categorieen.0.code', 'categorieen.0.naam']);
    expect(code(await t.gql('gemeente.utrecht', BEWAAR, { i: UTRECHT, v: 7 }))).toBe('CONFLICT');
  });

  stap('under the Wet versterking regie a gemeente without a regeling is flagged (date set by the operator)', async () => {
    await t.ok('bzk.platformbeheer', ZET, { c: 'WET_VERSTERKING_REGIE', d: '2026-07-01' });
    try {
      const r = (await t.ok('provincie.utrecht', LEES, { g: 'GM0356' })).urgentieregeling;
      expect(r).toMatchObject({ regime: 'WET_VERSTERKING_REGIE', regelingVerplicht: true });
      expect(r.signalen).toEqual([expect.objectContaining({ soort: 'GEEN_REGELING', code: null })]);
      expect(r.signalen[0].bron).toMatch(/36512/);
    } finally {
      await t.ok('bzk.platformbeheer', ZET, { c: 'WET_VERSTERKING_REGIE', d: null });
    }
  });

  describe("a toewijzing's urgentie category", () => {
    const basis = { gemeenteCode: 'GM0344', datum: '2026-02-10', huishoudgrootte: 1, viaUrgentie: true };
    let id: string;

    stap('is stored when it is in the regeling of the gemeente of the dwelling', async () => {
      const r = (
        await t.ok('corporatie.domstad.invoer', CREATE, {
          input: { ...basis, aandachtsgroep: 'URGENTEN', urgentieCategorie: 'uitstroom detentie' },
        })
      ).maakToewijzing;
      expect(r).toMatchObject({ viaUrgentie: true, urgentieCategorie: 'UITSTROOM_DETENTIE' });
      id = r.id;
      for (const [i, cat] of ['UITSTROOM_DETENTIE', 'UITSTROOM_DETENTIE', 'MANTELZORG'].entries())
        await t.ok('corporatie.domstad.invoer', CREATE, {
          input: { ...basis, datum: `2026-02-1${i + 1}`, urgentieCategorie: cat },
        });
    });

    stap('is refused in Dutch outside the regeling, without urgentie, or where the gemeente has none; nothing stored', async () => {
      const voor = await toewijzingen();
      const fouten = [
        [{ ...basis, urgentieCategorie: 'MEDISCH' }, /staat niet in de urgentieregeling van Utrecht/],
        [
          { ...basis, viaUrgentie: false, urgentieCategorie: 'MANTELZORG' },
          /alleen bij een toewijzing via urgentie/,
        ],
        [{ ...basis, gemeenteCode: 'GM0356', urgentieCategorie: 'MANTELZORG' }, /geen urgentieregeling/],
      ] as const;
      for (const [input, melding] of fouten) {
        const r = await t.gql('corporatie.domstad.invoer', CREATE, { input });
        expect(code(r)).toBe('ONGELDIGE_INVOER');
        expect(r.errors![0].message).toMatch(melding);
      }
      expect(await toewijzingen()).toBe(voor);
    });

    stap('can be corrected by the owner only', async () => {
      const input = { ...basis, urgentieCategorie: 'MANTELZORG' };
      expect(code(await t.gql('corporatie.eemland', WIJZIG, { id, input }))).toBe('NIET_GEVONDEN');
      const r = (await t.ok('corporatie.domstad.invoer', WIJZIG, { id, input })).wijzigToewijzing;
      expect(r.urgentieCategorie).toBe('MANTELZORG');
      await t.ok('corporatie.domstad.invoer', WIJZIG, {
        id,
        input: { ...basis, urgentieCategorie: 'UITSTROOM_DETENTIE' },
      });
    });

    stap('an import file may carry the category in a column "Urgentiecategorie" (code), checked per row; nothing stored on an error', async () => {
      const upload = async (csv: string) => {
        const form = new FormData();
        form.append('bestand', new Blob([Buffer.from(csv, 'utf8')]), 'toewijzingen.csv');
        const res = await t.fetch('/api/toewijzingen/import?proefrun=false', {
          method: 'POST',
          body: form,
          als: 'corporatie.domstad.invoer',
        });
        return { status: res.status, body: (await res.json()) as any };
      };
      const kop = 'Kenmerk;Gemeente;Datum;Aandachtsgroep;Huishoudgrootte;Via urgentie;Urgentiecategorie\n';
      const voor = await toewijzingen();
      const fout = await upload(
        `${kop}U-1;GM0344;2026-02-20;urgenten;1;ja;MEDISCH\nU-2;GM0344;2026-02-20;;1;nee;MANTELZORG\n`,
      );
      expect(fout.body.opgeslagen).toBe(false);
      expect(
        fout.body.fouten.map(
          (f: { rij: number; kolom: string; melding: string }) => `${f.rij} ${f.kolom}: ${f.melding}`,
        ),
      ).toEqual([
        "2 Urgentiecategorie: Urgentiecategorie 'MEDISCH' staat niet in de urgentieregeling van GM0344 (wel: MANTELZORG, UITSTROOM_DETENTIE, LOKAAL_JONGEREN)",
        '3 Urgentiecategorie: Een urgentiecategorie hoort alleen bij een toewijzing via urgentie',
      ]);
      expect(await toewijzingen()).toBe(voor);
      const goed = await upload(
        `${kop}U-3;GM0344;2026-05-20;urgenten;2;ja;lokaal jongeren\nU-4;GM0344;2026-05-20;;1;nee;\n`,
      );
      expect(goed.body).toMatchObject({ opgeslagen: true, nieuw: 2 });
      const { rows } = await t.db.query(
        `SELECT urgentie_categorie FROM toewijzing WHERE datum = '2026-05-20' ORDER BY huishoudgrootte`,
      );
      expect(rows).toEqual([{ urgentie_categorie: null }, { urgentie_categorie: 'LOKAAL_JONGEREN' }]);
      await t.db.query(`DELETE FROM toewijzing WHERE datum = '2026-05-20'`);
    });

    stap('a category in use cannot be removed from the regeling', async () => {
      const r = await t.gql('gemeente.utrecht', BEWAAR, {
        i: { ...UTRECHT, categorieen: [{ code: 'MANTELZORG', naam: 'Mantelzorg' }] },
      });
      expect(code(r)).toBe('ONGELDIGE_INVOER');
      expect(r.errors![0].message).toMatch(/categorie UITSTROOM_DETENTIE wordt gebruikt door 3 toewijzing/);
    });
  });

  describe('voortgang: toewijzingen per urgentie category (protected figure)', () => {
    stap('the gemeente (owner of its area) and the corporatie (its own rows) get exact figures, detentie apart', async () => {
      for (const account of ['gemeente.utrecht', 'corporatie.domstad']) {
        const u = (await t.ok(account, VOORTGANG, { s: 'GEMEENTE', c: 'GM0344' })).voortgang.urgentie;
        // the corporatie is told that others' counts per category are not released
        if (account === 'gemeente.utrecht') expect(u.toelichting).toBeNull();
        else expect(u.toelichting).toMatch(/alleen uw eigen toewijzingen/);
        expect(u.categorieen).toEqual([
          {
            code: 'MANTELZORG',
            naam: 'Mantelzorg verlenen of ontvangen',
            huishoudens: 1,
            exact: true,
            gevoelig: false,
          },
          {
            code: 'UITSTROOM_DETENTIE',
            naam: 'Uitstroom uit detentie',
            huishoudens: 3,
            exact: true,
            gevoelig: true,
          },
        ]);
        expect(u.detentie).toBe(3);
      }
    });

    stap("a non-owner (provincie) gets no other organisation's counts per category (urgentie-aanval.spec)", async () => {
      const u = (await t.ok('provincie.utrecht', VOORTGANG, { s: 'PROVINCIE', c: 'PV26' })).voortgang
        .urgentie;
      expect(u.categorieen).toEqual([]);
      expect(u.detentie).toBe(0);
      expect(u.toelichting).toMatch(/alleen uw eigen toewijzingen/);
    });

    stap('how many gemeenten have a regeling, and how many hold every mandatory category (public: part of the verordening)', async () => {
      const DEKKING = `query ($s: GebiedSoort!, $c: String!) { voortgang(gebied: { soort: $s, code: $c }, jaar: 2026) {
        urgentieregelingen { metRegeling compleet totaal weergave regelingVerplicht } } }`;
      const m = (
        await t.db.query(
          `SELECT count(*)::int AS n FROM gemeente WHERE provincie_code = 'PV26' AND opgeheven_op IS NULL`,
        )
      ).rows[0].n;
      // Utrecht lacks OPVANG_RELATIONEEL_GEWELD, Amersfoort both mandatory categories
      for (const account of ['provincie.utrecht', 'bzk.analist'])
        expect(
          (await t.ok(account, DEKKING, { s: 'PROVINCIE', c: 'PV26' })).voortgang.urgentieregelingen,
        ).toEqual({
          metRegeling: 2,
          compleet: 0,
          totaal: m,
          weergave: `2 van ${m} gemeenten`,
          regelingVerplicht: false,
        });
      expect(
        (await t.ok('gemeente.utrecht', DEKKING, { s: 'GEMEENTE', c: 'GM0344' })).voortgang.urgentieregelingen
          .weergave,
      ).toBe('1 van 1 gemeente');
      expect(code(await t.gql('gemeente.amersfoort', DEKKING, { s: 'GEMEENTE', c: 'GM0344' }))).toBe(
        'NIET_GEVONDEN',
      );
    });

    stap('a gemeente out of scope gets "niet gevonden"', async () => {
      expect(code(await t.gql('gemeente.amersfoort', VOORTGANG, { s: 'GEMEENTE', c: 'GM0344' }))).toBe(
        'NIET_GEVONDEN',
      );
    });
  });
});
