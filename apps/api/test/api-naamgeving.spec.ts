import { startTestApp, type TestApp } from './support/test-app';
import {
  code,
  ok,
  PA,
  socialeHuur,
  statushouders,
  woonzorgvisie,
  type Pa,
} from './prestatieafspraak.helpers';

/**
 * Issue 15, item 6: one naming rule for the public GraphQL API (docs/glossary.md, "Naamgeving van de
 * API"; docs/decisions.md, "API-naamgeving (issue 15)"). The rule tests read the schema by
 * introspection over HTTP, as a client does, so a future English or infinitive name, or an input
 * object under another argument name, fails here. The old names stay as deprecated aliases until
 * VERVALDATUM; this file is the one place that still calls them.
 */
const VERVALDATUM = '2027-06-01';

/** Every renamed operation: old name → new name. The old one must be deprecated, the new one not. */
const HERNOEMD: Record<string, string> = {
  addAfspraak: 'voegAfspraakToe',
  addPartij: 'voegPartijToe',
  beeindigenPrestatieafspraak: 'beeindigPrestatieafspraak',
  createBod: 'maakBod',
  createGebruiker: 'maakGebruiker',
  createNieuwbouwproject: 'maakNieuwbouwproject',
  createOrganisatie: 'maakOrganisatie',
  createPrestatieafspraak: 'maakPrestatieafspraak',
  createReactie: 'maakReactie',
  createToewijzing: 'maakToewijzing',
  herindeling: 'pasHerindelingToe',
  indienenPrestatieafspraak: 'dienPrestatieafspraakIn',
  ondertekenenPrestatieafspraak: 'ondertekenPrestatieafspraak',
  removeAfspraak: 'verwijderAfspraak',
  removePartij: 'verwijderPartij',
  terugtrekkenPrestatieafspraak: 'trekPrestatieafspraakTerug',
  updateAfspraak: 'wijzigAfspraak',
  updateBod: 'wijzigBod',
  updateMijlpaalStatus: 'wijzigMijlpaalStatus',
  updatePrestatieafspraak: 'wijzigPrestatieafspraak',
};

/** Operations that kept their name; only an argument was renamed: operation → [old, new]. */
const ARGUMENT_HERNOEMD: Record<string, [string, string]> = {
  bewaarImportKoppeling: ['input', 'invoer'],
  rapporteerKwartaalcijfer: ['input', 'invoer'],
  registreerGeschil: ['input', 'invoer'],
  wijzigNieuwbouwproject: ['input', 'invoer'],
  wijzigToewijzing: ['input', 'invoer'],
  importeerWoningmarktregioIndeling: ['dryRun', 'proefrun'],
};
/** English argument names the API had; no current operation may use them again. */
const ENGELSE_ARGUMENTEN = ['input', 'dryRun'];

/** English verbs an operation name must not start with (followed by the noun's capital). */
const ENGELS =
  /^(add|create|delete|get|remove|set|update|put|insert|upsert|save|edit|submit|sign|withdraw|end|cancel|register)(?=[A-Z])/;
/**
 * Dutch infinitives as first word (the rule is the imperative stem): a stem never ends in -enen,
 * -igen or a doubled consonant + en (indienen/dien, beeindigen/beeindig, terugtrekken/trek). A
 * heuristic that catches the forms the API had; `onderteken` (stem) correctly passes.
 */
const INFINITIEF = /^[a-z]*(enen|igen|([bdfgklmnprst])\2en)(?=[A-Z])/;
/** Input objects that select rather than carry the data keep their own name everywhere (queries too). */
const SELECTIE_INVOER: Record<string, string> = { GebiedInput: 'gebied' };

interface Typ {
  kind: string;
  name: string | null;
  ofType: Typ | null;
}
interface Arg {
  name: string;
  isDeprecated: boolean;
  deprecationReason: string | null;
  type: Typ;
}
interface Veld {
  name: string;
  isDeprecated: boolean;
  deprecationReason: string | null;
  type: Typ;
  args: Arg[];
}

const TYP = 'kind name ofType { kind name ofType { kind name ofType { kind name } } }';
const INTROSPECTIE = `{ __schema { mutationType { fields(includeDeprecated: true) {
  name isDeprecated deprecationReason type { ${TYP} }
  args(includeDeprecated: true) { name isDeprecated deprecationReason type { ${TYP} } } } } } }`;

/** The named type under NON_NULL (not under LIST: a list of input objects is not "the" input). */
const kern = (t: Typ): Typ => (t.kind === 'NON_NULL' ? kern(t.ofType!) : t);
const typeNaam = (t: Typ): string => (t.ofType ? `${t.kind}(${typeNaam(t.ofType)})` : t.name!);

describe('API-naamgeving (issue 15)', () => {
  let t: TestApp;
  let velden: Map<string, Veld>;
  let org: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    const data = await t.ok('gemeente.utrecht', INTROSPECTIE);
    velden = new Map((data.__schema.mutationType.fields as Veld[]).map((v) => [v.name, v]));
    org = {};
    for (const c of ['GM0344', 'L0801', 'HO-DOMSTAD', 'ZA-STICHTWONEN']) org[c] = await t.orgId(c);
  });
  afterAll(() => t.close());

  const huidige = () => [...velden.values()].filter((v) => !v.isDeprecated);

  describe('de regel, over de introspectie', () => {
    it('no current mutation starts with an English verb or a Dutch infinitive', () => {
      const fout = huidige()
        .map((v) => v.name)
        .filter((n) => ENGELS.test(n) || INFINITIEF.test(n));
      expect(fout).toEqual([]);
    });

    it('every input-object argument of a current mutation is named invoer (selections such as gebied excepted)', () => {
      const fout: string[] = [];
      for (const v of huidige())
        for (const a of v.args.filter((a) => !a.isDeprecated)) {
          const k = kern(a.type);
          if (k.kind !== 'INPUT_OBJECT') continue;
          const verwacht = SELECTIE_INVOER[k.name!] ?? 'invoer';
          if (a.name !== verwacht) fout.push(`${v.name}(${a.name}: ${k.name})`);
        }
      expect(fout).toEqual([]);
    });

    it('the id of the object a current mutation returns is named id, not <type>Id', () => {
      const fout: string[] = [];
      for (const v of huidige()) {
        const terug = kern(v.type);
        if (terug.kind !== 'OBJECT') continue;
        const alsVerwijzing = terug.name!.charAt(0).toLowerCase() + terug.name!.slice(1) + 'Id';
        if (v.args.some((a) => !a.isDeprecated && a.name === alsVerwijzing))
          fout.push(`${v.name}(${alsVerwijzing})`);
      }
      expect(fout).toEqual([]);
    });

    it('every old name is still there, deprecated with its successor and date; the successor is current with the same type', () => {
      for (const [oud, nieuw] of Object.entries(HERNOEMD)) {
        const o = velden.get(oud);
        const n = velden.get(nieuw);
        expect({ oud, bestaat: !!o, deprecated: o?.isDeprecated, reden: o?.deprecationReason }).toEqual({
          oud,
          bestaat: true,
          deprecated: true,
          reden: `Gebruik ${nieuw}; vervalt na ${VERVALDATUM}`,
        });
        expect({ nieuw, bestaat: !!n, deprecated: n?.isDeprecated }).toEqual({
          nieuw,
          bestaat: true,
          deprecated: false,
        });
        expect(typeNaam(n!.type)).toBe(typeNaam(o!.type));
      }
      // and nothing is deprecated that the table does not name (no forgotten or stray aliases)
      const deprecated = [...velden.values()].filter((v) => v.isDeprecated).map((v) => v.name);
      expect(deprecated.sort()).toEqual(Object.keys(HERNOEMD).sort());
    });

    it('a renamed argument stays, deprecated, beside its successor of the same type', () => {
      for (const [naam, [oud, nieuw]] of Object.entries(ARGUMENT_HERNOEMD)) {
        const v = velden.get(naam)!;
        const o = v.args.find((a) => a.name === oud);
        const n = v.args.find((a) => a.name === nieuw);
        expect({ naam, deprecated: o?.isDeprecated, reden: o?.deprecationReason }).toEqual({
          naam,
          deprecated: true,
          reden: `Gebruik ${nieuw}; vervalt na ${VERVALDATUM}`,
        });
        expect({ naam, nieuw: n && !n.isDeprecated && kern(n.type).name }).toEqual({
          naam,
          nieuw: kern(o!.type).name,
        });
      }
      const metDeprecatedArg = [...velden.values()]
        .filter((v) => v.args.some((a) => a.isDeprecated))
        .map((v) => v.name);
      expect(metDeprecatedArg.sort()).toEqual(Object.keys(ARGUMENT_HERNOEMD).sort());
      const engels = huidige().flatMap((v) =>
        v.args
          .filter((a) => !a.isDeprecated && ENGELSE_ARGUMENTEN.includes(a.name))
          .map((a) => `${v.name}(${a.name})`),
      );
      expect(engels).toEqual([]);
    });
  });

  describe('de oude namen werken nog', () => {
    it('a prestatieafspraak from concept to beëindigd, with only the old names', async () => {
      const [gemeente, domstad, huurders, zorg] = [
        org.GM0344,
        org.L0801,
        org['HO-DOMSTAD'],
        org['ZA-STICHTWONEN'],
      ];
      let pa: Pa = await ok(
        t,
        'corporatie.domstad',
        `mutation ($i: NieuwePrestatieafspraakInput!) { createPrestatieafspraak(input: $i) { ${PA} } }`,
        {
          i: {
            gemeenteCode: 'GM0344',
            titel: 'Oude namen',
            jaarVan: 2027,
            jaarTot: 2028,
            partijIds: [huurders],
          },
        },
      );
      const ADD = `mutation ($id: ID!, $v: Int!, $i: AfspraakInput!) { addAfspraak(id: $id, versie: $v, input: $i) { ${PA} } }`;
      pa = await ok(t, 'corporatie.domstad', ADD, {
        id: pa.id,
        v: pa.versie,
        i: socialeHuur(domstad, [
          [2027, 10],
          [2028, 20],
        ]),
      });
      pa = await ok(t, 'corporatie.domstad', ADD, {
        id: pa.id,
        v: pa.versie,
        i: woonzorgvisie(gemeente, '2027-06-30'),
      });
      pa = await ok(t, 'corporatie.domstad', ADD, {
        id: pa.id,
        v: pa.versie,
        i: statushouders(domstad, [
          [2027, 5],
          [2028, 5],
        ]),
      });
      expect(pa.afspraken).toHaveLength(3);
      const [huur, visie, weg] = pa.afspraken;

      pa = await ok(
        t,
        'corporatie.domstad',
        `mutation ($id: ID!, $v: Int!, $a: ID!, $i: AfspraakInput!) { updateAfspraak(id: $id, versie: $v, afspraakId: $a, input: $i) { ${PA} } }`,
        {
          id: pa.id,
          v: pa.versie,
          a: huur.id,
          i: socialeHuur(domstad, [
            [2027, 12],
            [2028, 24],
          ]),
        },
      );
      expect(pa.afspraken.find((a: Pa) => a.id === huur.id)?.doelwaarden.map((d: Pa) => d.waarde)).toEqual([
        12, 24,
      ]);
      pa = await ok(
        t,
        'corporatie.domstad',
        `mutation ($id: ID!, $v: Int!, $a: ID!) { removeAfspraak(id: $id, versie: $v, afspraakId: $a) { ${PA} } }`,
        {
          id: pa.id,
          v: pa.versie,
          a: weg.id,
        },
      );
      expect(pa.afspraken).toHaveLength(2);

      pa = await ok(
        t,
        'corporatie.domstad',
        `mutation ($id: ID!, $v: Int!, $o: ID!) { addPartij(id: $id, versie: $v, organisatieId: $o) { ${PA} } }`,
        {
          id: pa.id,
          v: pa.versie,
          o: zorg,
        },
      );
      expect(pa.partijen.map((p: Pa) => p.code)).toContain('ZA-STICHTWONEN');
      pa = await ok(
        t,
        'corporatie.domstad',
        `mutation ($id: ID!, $v: Int!, $o: ID!) { removePartij(id: $id, versie: $v, organisatieId: $o) { ${PA} } }`,
        {
          id: pa.id,
          v: pa.versie,
          o: zorg,
        },
      );
      expect(pa.partijen.map((p: Pa) => p.code)).not.toContain('ZA-STICHTWONEN');
      pa = await ok(
        t,
        'corporatie.domstad',
        `mutation ($id: ID!, $v: Int!, $i: PrestatieafspraakWijziging!) { updatePrestatieafspraak(id: $id, versie: $v, input: $i) { ${PA} } }`,
        {
          id: pa.id,
          v: pa.versie,
          i: { titel: 'Oude namen, gewijzigd' },
        },
      );
      expect(pa.titel).toBe('Oude namen, gewijzigd');
      pa = await ok(
        t,
        'huurders.domstad',
        `mutation ($id: ID!, $t: String!) { createReactie(prestatieafspraakId: $id, tekst: $t) { ${PA} } }`,
        {
          id: pa.id,
          t: 'Wij lezen mee',
        },
      );
      expect(pa.reacties.map((r: Pa) => r.tekst)).toContain('Wij lezen mee');

      const INDIENEN = `mutation ($id: ID!, $v: Int!) { indienenPrestatieafspraak(id: $id, versie: $v) { ${PA} } }`;
      pa = await ok(t, 'corporatie.domstad', INDIENEN, { id: pa.id, v: pa.versie });
      expect(pa.status).toBe('TER_ONDERTEKENING');
      pa = await ok(
        t,
        'gemeente.utrecht',
        `mutation ($id: ID!, $v: Int!, $r: String!) { terugtrekkenPrestatieafspraak(id: $id, versie: $v, reden: $r) { ${PA} } }`,
        {
          id: pa.id,
          v: pa.versie,
          r: 'Nog één ronde',
        },
      );
      expect(pa.status).toBe('CONCEPT');
      pa = await ok(t, 'corporatie.domstad', INDIENEN, { id: pa.id, v: pa.versie });
      for (const als of ['gemeente.utrecht', 'corporatie.domstad', 'huurders.domstad'])
        pa = await ok(
          t,
          als,
          `mutation ($id: ID!, $v: Int!) { ondertekenenPrestatieafspraak(id: $id, versie: $v) { ${PA} } }`,
          {
            id: pa.id,
            v: pa.versie,
          },
        );
      expect(pa.status).toBe('VASTGESTELD');

      pa = await ok(
        t,
        'gemeente.utrecht',
        `mutation ($a: ID!, $s: MijlpaalStatus!, $t: String!) { updateMijlpaalStatus(afspraakId: $a, status: $s, toelichting: $t) { ${PA} } }`,
        {
          a: visie.id,
          s: 'LOOPT',
          t: 'In de raad',
        },
      );
      expect(pa.afspraken.find((a: Pa) => a.id === visie.id)?.mijlpaalStatus).toBe('LOOPT');
      pa = await ok(
        t,
        'gemeente.utrecht',
        `mutation ($id: ID!, $v: Int!, $r: String!) { beeindigenPrestatieafspraak(id: $id, versie: $v, reden: $r) { ${PA} } }`,
        {
          id: pa.id,
          v: pa.versie,
          r: 'Vervangen',
        },
      );
      expect(pa.status).toBe('BEEINDIGD');
    });

    it('bod, toewijzing, nieuwbouwproject, organisatie, gebruiker and herindeling under their old names', async () => {
      const bod = (
        await t.ok(
          'corporatie.domstad',
          `mutation ($i: NieuwBodInput!) { createBod(input: $i) { id versie titel } }`,
          {
            i: {
              gemeenteCode: 'GM0344',
              jaar: 2026,
              titel: 'Bod met oude naam',
              huurdersorganisatieIds: [org['HO-DOMSTAD']],
              regels: [
                {
                  jaar: 2027,
                  actielijn: 'VOLDOENDE_WONINGEN',
                  omschrijving: 'Opleveren',
                  indicatorCode: 'SOCIALE_HUURWONINGEN_OPGELEVERD',
                  aantal: 4,
                },
              ],
            },
          },
        )
      ).createBod;
      const gewijzigd = await t.ok(
        'corporatie.domstad',
        `mutation ($id: ID!, $v: Int!, $i: BodWijziging!) { updateBod(id: $id, versie: $v, input: $i) { titel versie } }`,
        {
          id: bod.id,
          v: bod.versie,
          i: { titel: 'Bod, gewijzigd' },
        },
      );
      expect(gewijzigd.updateBod).toEqual({ titel: 'Bod, gewijzigd', versie: bod.versie + 1 });

      const toewijzing = await t.ok(
        'corporatie.domstad',
        `mutation ($i: ToewijzingInput!) { createToewijzing(input: $i) { id gemeente { code } } }`,
        {
          i: { gemeenteCode: 'GM0344', datum: '2025-10-01', huishoudgrootte: 2 },
        },
      );
      expect(toewijzing.createToewijzing.gemeente.code).toBe('GM0344');

      const WONINGEN = { socialeHuur: 6, middenhuur: 3, koopVrij: 1, aandachtsgroepen: 2, nultreden: 1 };
      const project = await t.ok(
        'corporatie.domstad',
        `mutation ($i: NieuwbouwprojectInput!) { createNieuwbouwproject(input: $i) { id naam versie } }`,
        {
          i: { naam: 'Oude naam', gemeenteCode: 'GM0344', woningen: WONINGEN },
        },
      );
      expect(project.createNieuwbouwproject).toMatchObject({ naam: 'Oude naam', versie: 1 });

      const OP = 'bzk.platformbeheer';
      const organisatie = await t.ok(
        OP,
        `mutation ($i: OrganisatieNieuwInput!) { createOrganisatie(input: $i) { id code } }`,
        {
          i: { soort: 'CORPORATIE', code: 'L0991', naam: 'Woonstichting Oude Naam', werkgebied: ['GM0344'] },
        },
      );
      expect(organisatie.createOrganisatie.code).toBe('L0991');
      const gebruiker = await t.ok(
        OP,
        `mutation ($o: ID!, $i: GebruikerNieuwInput!) { createGebruiker(organisatieId: $o, input: $i) { gebruikersnaam } }`,
        {
          o: organisatie.createOrganisatie.id,
          i: { gebruikersnaam: 'oude.naam', naam: 'Olga Oud', email: 'o@oud.example', rollen: ['invoeren'] },
        },
      );
      expect(gebruiker.createGebruiker.gebruikersnaam).toBe('oude.naam');

      // a proefrun on gemeenten this database does not hold: both names reach the same rules and get
      // the same answer from them (not a schema error)
      const HERINDELING = {
        datum: '2022-01-01',
        nieuweGemeenteCode: 'GM1980',
        nieuweGemeenteNaam: 'Dijk en Waard',
        oudeGemeenteCodes: ['GM0398', 'GM0416'],
      };
      const oud = await t.gql(
        OP,
        `mutation ($i: HerindelingInput!) { herindeling(input: $i) { toegepast } }`,
        {
          i: HERINDELING,
        },
      );
      const nieuw = await t.gql(
        OP,
        `mutation ($i: HerindelingInput!) { pasHerindelingToe(invoer: $i) { toegepast } }`,
        {
          i: HERINDELING,
        },
      );
      expect(oud.errors?.map((e) => [e.message, e.extensions?.code])).toEqual([
        ['Onbekende gemeente: GM0398, GM0416.', 'ONGELDIGE_INVOER'],
      ]);
      expect(nieuw.errors?.map((e) => [e.message, e.extensions?.code])).toEqual(
        oud.errors?.map((e) => [e.message, e.extensions?.code]),
      );
    });

    it('the deprecated input argument still works; input and invoer together, or neither, are refused in Dutch', async () => {
      const WONINGEN = { socialeHuur: 6, middenhuur: 3, koopVrij: 1, aandachtsgroepen: 2, nultreden: 1 };
      const p = (
        await t.ok(
          'corporatie.domstad',
          `mutation ($i: NieuwbouwprojectInput!) { maakNieuwbouwproject(invoer: $i) { id versie } }`,
          {
            i: { naam: 'Invoer of input', gemeenteCode: 'GM0344', woningen: WONINGEN },
          },
        )
      ).maakNieuwbouwproject;
      const WIJZIG = (args: string) =>
        `mutation ($id: ID!, $v: Int!, $i: NieuwbouwprojectWijziging) { wijzigNieuwbouwproject(id: $id, versie: $v, ${args}) { naam versie } }`;
      const wijziging = (naam: string) => ({ naam, gemeenteCode: 'GM0344', woningen: WONINGEN });
      const oud = await t.ok('corporatie.domstad', WIJZIG('input: $i'), {
        id: p.id,
        v: 1,
        i: wijziging('Via input'),
      });
      expect(oud.wijzigNieuwbouwproject).toEqual({ naam: 'Via input', versie: 2 });
      const nieuw = await t.ok('corporatie.domstad', WIJZIG('invoer: $i'), {
        id: p.id,
        v: 2,
        i: wijziging('Via invoer'),
      });
      expect(nieuw.wijzigNieuwbouwproject).toEqual({ naam: 'Via invoer', versie: 3 });

      const beide = await t.gql('corporatie.domstad', WIJZIG('invoer: $i, input: $i'), {
        id: p.id,
        v: 3,
        i: wijziging('Beide'),
      });
      expect(code(beide)).toBe('ONGELDIGE_INVOER');
      expect(beide.errors![0].message).toBe(
        'Geef invoer één keer mee: gebruik alleen invoer (input is verouderd).',
      );
      const geen = await t.gql(
        'corporatie.domstad',
        `mutation ($id: ID!, $v: Int!) { wijzigNieuwbouwproject(id: $id, versie: $v) { naam versie } }`,
        { id: p.id, v: 3 },
      );
      expect(code(geen)).toBe('ONGELDIGE_INVOER');
      expect(geen.errors![0].message).toBe('De invoer ontbreekt.');
      expect(
        (await t.db.query('SELECT naam, versie FROM nieuwbouwproject WHERE id = $1', [p.id])).rows[0],
      ).toEqual({
        naam: 'Via invoer',
        versie: 3,
      });

      // the other four: the same request under input and under invoer reaches the same service
      const toewijzing = (
        await t.ok(
          'corporatie.domstad',
          `mutation ($i: ToewijzingInput!) { maakToewijzing(invoer: $i) { id } }`,
          {
            i: { gemeenteCode: 'GM0344', datum: '2025-10-02', huishoudgrootte: 1 },
          },
        )
      ).maakToewijzing;
      const paren: [
        string,
        string,
        (arg: string) => string,
        Record<string, unknown>,
        Record<string, unknown>?,
      ][] = [
        [
          'wijzigToewijzing',
          'corporatie.domstad',
          (arg) =>
            `mutation ($id: ID!, $i: ToewijzingWijziging!) { wijzigToewijzing(id: $id, ${arg}: $i) { huishoudgrootte } }`,
          { id: toewijzing.id, i: { gemeenteCode: 'GM0344', datum: '2025-10-02', huishoudgrootte: 3 } },
        ],
        [
          'rapporteerKwartaalcijfer',
          'corporatie.domstad.invoer',
          (arg) =>
            `mutation ($i: KwartaalcijferInput!) { rapporteerKwartaalcijfer(${arg}: $i) { waarde kwartaal } }`,
          {
            i: { indicatorCode: 'HUISUITZETTINGEN', gemeenteCode: 'GM0344', kwartaal: '2026-Q2', waarde: 2 },
          },
        ],
        [
          'bewaarImportKoppeling',
          'corporatie.domstad.invoer',
          (arg) =>
            `mutation ($i: ImportKoppelingInput!) { bewaarImportKoppeling(${arg}: $i) { kolommen { bron kolom } } }`,
          { i: { kolommen: [{ bron: 'Plaats', kolom: 'gemeente' }], waarden: [] } },
          // the second save names the version the first one made
          { i: { kolommen: [{ bron: 'Plaats', kolom: 'gemeente' }], waarden: [], versie: 1 } },
        ],
        [
          'registreerGeschil',
          'gemeente.utrecht',
          (arg) => `mutation ($i: NieuwGeschilInput!) { registreerGeschil(${arg}: $i) { id } }`,
          // a prestatieafspraak that does not exist: both names must reach the service and get its answer
          {
            i: {
              prestatieafspraakId: '00000000-0000-4000-8000-000000000000',
              onderwerp: 'INHOUD',
              omschrijving: 'Oneens',
              ingediendOp: '2026-08-01',
            },
          },
        ],
      ];
      for (const [naam, als, query, variabelen, daarna] of paren) {
        const viaInput = await t.gql(als, query('input'), variabelen);
        const viaInvoer = await t.gql(als, query('invoer'), daarna ?? variabelen);
        const uitkomst = (r: typeof viaInput) =>
          r.errors?.length ? r.errors.map((e) => e.message) : r.data![naam];
        expect({ naam, uitkomst: uitkomst(viaInput) }).toEqual({ naam, uitkomst: uitkomst(viaInvoer) });
      }
    });

    it('dryRun, the old name of proefrun, still works in GraphQL and on the REST import; both together are refused', async () => {
      const OP = 'bzk.platformbeheer';
      const REGIO = (arg: string) =>
        `mutation ($csv: String!, $p: Boolean) { importeerWoningmarktregioIndeling(csv: $csv, ${arg}) { opgeslagen gemeentenIngedeeld } }`;
      const csv = 'gemeente;woningmarktregio\nGM0344;Utrecht U16';
      const oud = await t.ok(OP, REGIO('dryRun: $p'), { csv, p: true });
      const nieuw = await t.ok(OP, REGIO('proefrun: $p'), { csv, p: true });
      expect(oud.importeerWoningmarktregioIndeling).toEqual(nieuw.importeerWoningmarktregioIndeling);
      expect(nieuw.importeerWoningmarktregioIndeling.opgeslagen).toBe(false);
      const beide = await t.gql(OP, REGIO('proefrun: $p, dryRun: $p'), { csv, p: true });
      expect(beide.errors?.map((e) => [e.message, e.extensions?.code])).toEqual([
        ['Geef proefrun één keer mee: gebruik alleen proefrun (dryRun is verouderd).', 'ONGELDIGE_INVOER'],
      ]);

      const upload = (query: string) => {
        const form = new FormData();
        form.append(
          'bestand',
          new Blob([
            'extern_kenmerk;gemeente;datum;aandachtsgroep;huishoudgrootte;segment;via_urgentie\nN-1;GM0344;2025-03-01;;2;;',
          ]),
          'n.csv',
        );
        return t.fetch(`/api/toewijzingen/import${query}`, {
          method: 'POST',
          body: form,
          als: 'corporatie.domstad.invoer',
        });
      };
      const viaDryRun = await upload('?dryRun=true');
      const viaProefrun = await upload('?proefrun=true');
      expect([viaDryRun.status, viaProefrun.status]).toEqual([200, 200]);
      expect(((await viaDryRun.json()) as { opgeslagen: boolean }).opgeslagen).toBe(false);
      expect(viaDryRun.headers.get('sunset')).toBe('Wed, 02 Jun 2027 00:00:00 GMT');
      expect(viaProefrun.headers.get('sunset')).toBeNull();
      const samen = await upload('?proefrun=true&dryRun=true');
      expect(samen.status).toBe(400);
      expect(((await samen.json()) as { message: string }).message).toBe(
        'Geef proefrun één keer mee: gebruik alleen proefrun (dryRun is verouderd).',
      );
    });
  });
});
