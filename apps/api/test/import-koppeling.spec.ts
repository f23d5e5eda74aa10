import { RequestContext } from '@thuismonitor/auth';
import { PrincipalResolver } from '../src/auth/principal-resolver.service';
import { ScopedDb } from '../src/database/scoped-db.service';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Imports that learn an organisation's words (issue 12, item 7): Domstad saves its own column
 * and value words once (GraphQL), and the next file in its own wording passes the dry run and
 * imports without edits (REST upload). Refusals: another organisation, a read-only user, a value
 * the product does not know, a column that identifies a person (a koppeling must never make one
 * importable). All-or-nothing still holds with a koppeling. Gemeente names: ambiguous and unknown
 * names are refused with their candidates.
 */
describe('importkoppeling: the organisation’s own words (GraphQL + REST)', () => {
  let t: TestApp;
  let domstad: string;
  let eemland: string;
  beforeAll(async () => {
    t = await startTestApp();
    domstad = await t.orgId('L0801');
    eemland = await t.orgId('L0802');
  });
  afterAll(() => t.close());

  const LEES = `query ($o: ID) { importKoppeling(organisatieId: $o) { versie gewijzigdDoor kolommen { bron kolom } waarden { veld bron waarde } } }`;
  const BEWAAR = `mutation ($i: ImportKoppelingInput!, $o: ID) { bewaarImportKoppeling(invoer: $i, organisatieId: $o) { versie gewijzigdDoor kolommen { bron kolom } waarden { veld bron waarde } } }`;
  const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;

  async function upload(
    inhoud: string,
    opties: { als?: string; dryRun?: boolean } = {},
  ): Promise<{ status: number; body: any }> {
    const form = new FormData();
    form.append('bestand', new Blob([Buffer.from(inhoud, 'utf8')]), 'export.csv');
    const res = await t.fetch(`/api/toewijzingen/import?proefrun=${opties.dryRun ?? true}`, {
      method: 'POST',
      body: form,
      als: opties.als ?? 'corporatie.domstad.invoer',
    });
    return { status: res.status, body: await res.json() };
  }
  const tel = async () => (await t.db.query(`SELECT count(*)::int AS n FROM toewijzing`)).rows[0].n as number;

  /** Domstad's export as its allocation system writes it: its own headers and codes. */
  const EIGEN = (rijen: string[]) =>
    ['Ref verhuring;Plaats;Ingangsdatum;Doelgrp;Pers;Sgm;Urg', ...rijen].join('\n');
  const BESTAND_1 = EIGEN([
    'DS-1;Utrecht;03-02-2026;STH;4;S1;N',
    'DS-2;Nieuwegein;04-02-2026;X0;1;S1;J',
    'DS-3;Utrecht;05-02-2026;URG;2;S2;J',
  ]);
  const KOPPELING = {
    kolommen: [
      { bron: 'Ref verhuring', kolom: 'extern_kenmerk' },
      { bron: 'Doelgrp', kolom: 'aandachtsgroep' },
      { bron: 'Plaats', kolom: 'gemeente' },
      { bron: 'Pers', kolom: 'huishoudgrootte' },
      { bron: 'Sgm', kolom: 'segment' },
      { bron: 'Urg', kolom: 'via_urgentie' },
    ],
    waarden: [
      { veld: 'aandachtsgroep', bron: 'STH', waarde: 'STATUSHOUDERS' },
      { veld: 'aandachtsgroep', bron: 'URG', waarde: 'URGENTEN' },
      { veld: 'aandachtsgroep', bron: 'X0', waarde: 'REGULIER' },
      { veld: 'segment', bron: 'S1', waarde: 'SOCIALE_HUUR' },
      { veld: 'segment', bron: 'S2', waarde: 'MIDDENHUUR' },
      { veld: 'via_urgentie', bron: 'J', waarde: 'JA' },
      { veld: 'via_urgentie', bron: 'N', waarde: 'NEE' },
    ],
  };

  it('a file in the organisation’s own words: reported, mapped once, then it imports without edits', async () => {
    // before: the columns the product does not know are reported, the required ones missing
    const voor = await upload(BESTAND_1);
    expect(voor.status).toBe(200);
    expect(voor.body).toMatchObject({
      geldig: 0,
      genegeerdeKolommen: ['Ref verhuring', 'Plaats', 'Doelgrp', 'Pers', 'Sgm', 'Urg'],
      ontbrekendeKolommen: ['extern_kenmerk', 'gemeente', 'aandachtsgroep', 'huishoudgrootte'],
      koppeling: {
        versie: 0,
        kolommen: [{ bron: 'Ingangsdatum', kolom: 'datum', herkomst: 'STANDAARD' }],
        waarden: [],
      },
    });

    // with only the columns mapped, the values are reported once each, with the accepted values
    const alleenKolommen = { kolommen: KOPPELING.kolommen, waarden: [] };
    const r1 = await t.ok('corporatie.domstad.invoer', BEWAAR, { i: alleenKolommen });
    expect(r1.bewaarImportKoppeling).toMatchObject({ versie: 1, gewijzigdDoor: 'corporatie.domstad.invoer' });
    const waarden = await upload(BESTAND_1);
    expect(waarden.body.onbekendeWaarden).toEqual([
      { veld: 'aandachtsgroep', kolom: 'Doelgrp', waarde: 'STH', rijen: 1, eersteRij: 2 },
      { veld: 'segment', kolom: 'Sgm', waarde: 'S1', rijen: 2, eersteRij: 2 },
      { veld: 'aandachtsgroep', kolom: 'Doelgrp', waarde: 'X0', rijen: 1, eersteRij: 3 },
      { veld: 'aandachtsgroep', kolom: 'Doelgrp', waarde: 'URG', rijen: 1, eersteRij: 4 },
      { veld: 'segment', kolom: 'Sgm', waarde: 'S2', rijen: 1, eersteRij: 4 },
    ]);
    expect(waarden.body.fouten[0]).toEqual({
      rij: 2,
      kolom: 'Doelgrp',
      melding:
        "Aandachtsgroep 'STH' is onbekend; laat de cel leeg of vul 'regulier' in als het huishouden niet tot een aandachtsgroep hoort. Thuismonitor kent: STATUSHOUDERS, URGENTEN, UITSTROOM_INSTELLINGEN, DAK_EN_THUISLOZEN, ARBEIDSMIGRANTEN, STUDENTEN, WOONWAGENBEWONERS, OUDEREN, REGULIER",
    });

    // the whole koppeling saved: the same file passes, and the report says which words were used
    const r2 = await t.ok('corporatie.domstad.invoer', BEWAAR, { i: { ...KOPPELING, versie: 1 } });
    expect(r2.bewaarImportKoppeling.versie).toBe(2);
    const droog = await upload(BESTAND_1);
    expect(droog.status).toBe(200);
    expect(droog.body).toMatchObject({
      rijen: 3,
      geldig: 3,
      aantalFouten: 0,
      nieuw: 3,
      genegeerdeKolommen: [],
    });
    expect(droog.body.koppeling.versie).toBe(2);
    expect(droog.body.koppeling.kolommen).toContainEqual({
      bron: 'Plaats',
      kolom: 'gemeente',
      herkomst: 'KOPPELING',
    });
    expect(droog.body.koppeling.waarden).toEqual(
      expect.arrayContaining([
        { veld: 'aandachtsgroep', bron: 'STH', waarde: 'STATUSHOUDERS', rijen: 1 },
        { veld: 'segment', bron: 'S1', waarde: 'SOCIALE_HUUR', rijen: 2 },
        { veld: 'via_urgentie', bron: 'J', waarde: 'JA', rijen: 2 },
      ]),
    );
    expect(await tel()).toBe(0);

    // the next file in the same words: imported as it is, with the product's values stored
    const echt = await upload(
      EIGEN(['DS-4;Utrecht;10-02-2026;sth;3;s2;j', 'DS-5;Nieuwegein;11-02-2026;x0;2;S1;N']),
      {
        dryRun: false,
      },
    );
    expect(echt.status).toBe(201);
    expect(echt.body).toMatchObject({ opgeslagen: true, nieuw: 2 });
    const { rows } = await t.db.query(
      `SELECT gemeente_code, aandachtsgroep, segment, via_urgentie, huishoudgrootte FROM toewijzing ORDER BY huishoudgrootte`,
    );
    expect(rows).toEqual([
      {
        gemeente_code: 'GM0356',
        aandachtsgroep: null,
        segment: 'SOCIALE_HUUR',
        via_urgentie: false,
        huishoudgrootte: 2,
      },
      {
        gemeente_code: 'GM0344',
        aandachtsgroep: 'STATUSHOUDERS',
        segment: 'MIDDENHUUR',
        via_urgentie: true,
        huishoudgrootte: 3,
      },
    ]);
    const audit = await t.db.query(
      `SELECT na FROM audit_log WHERE actie = 'IMPORTEER_TOEWIJZINGEN' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit.rows[0].na).toMatchObject({ opgeslagen: 2, koppelingVersie: 2 });
  });

  it('all-or-nothing still holds: one row with an unknown code refuses the whole file', async () => {
    const voor = await tel();
    const r = await upload(
      EIGEN(['DS-6;Utrecht;12-02-2026;STH;3;S1;N', 'DS-7;Utrecht;12-02-2026;XX;3;S1;N']),
      {
        dryRun: false,
      },
    );
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({ opgeslagen: false, geldig: 1, aantalFouten: 1 });
    expect(r.body.onbekendeWaarden).toEqual([
      { veld: 'aandachtsgroep', kolom: 'Doelgrp', waarde: 'XX', rijen: 1, eersteRij: 3 },
    ]);
    expect(await tel()).toBe(voor);
  });

  it('is saved per organisation: Eemland sees its own (empty) koppeling, never Domstad’s', async () => {
    expect((await t.ok('corporatie.eemland', LEES)).importKoppeling).toEqual({
      versie: 0,
      gewijzigdDoor: null,
      kolommen: [],
      waarden: [],
    });
    expect((await t.ok('corporatie.domstad', LEES)).importKoppeling.versie).toBe(2);
    // Eemland's upload in Domstad's words is not read with Domstad's words
    const r = await upload(BESTAND_1, { als: 'corporatie.eemland' });
    expect(r.body.koppeling.versie).toBe(0);
    expect(r.body.ontbrekendeKolommen).toContain('extern_kenmerk');
  });

  it('refuses another organisation, a non-corporatie and a read-only user; nothing changes', async () => {
    const i = { kolommen: [{ bron: 'Plaats', kolom: 'gemeente' }], waarden: [] };
    const anders = await t.gql('corporatie.eemland', LEES, { o: domstad });
    expect(anders.errors?.[0]).toMatchObject({
      message: 'U kunt alleen de importkoppeling van uw eigen organisatie lezen of wijzigen.',
      extensions: { code: 'GEEN_TOEGANG' },
    });
    expect(code(await t.gql('corporatie.eemland', BEWAAR, { i, o: domstad }))).toBe('GEEN_TOEGANG');
    expect(code(await t.gql('gemeente.utrecht', LEES))).toBe('GEEN_TOEGANG');
    expect(code(await t.gql('gemeente.utrecht', BEWAAR, { i }))).toBe('GEEN_TOEGANG');
    expect(code(await t.gql('provincie.utrecht', LEES))).toBe('GEEN_TOEGANG');
    const lezer = await t.token('corporatie.domstad', {
      claims: { resource_access: { 'thuismonitor-api': { roles: ['lezen'] } } },
    });
    expect(code(await t.gql({ token: lezer }, BEWAAR, { i }))).toBe('GEEN_TOEGANG');
    // a read-only user of the corporatie may read its words
    expect((await t.gql({ token: lezer }, LEES)).data?.importKoppeling.versie).toBe(2);
    // the own organisation's id is fine
    expect((await t.ok('corporatie.domstad', LEES, { o: domstad })).importKoppeling.versie).toBe(2);
    const { rows } = await t.db.query(`SELECT organisatie_id, versie FROM import_koppeling`);
    expect(rows).toEqual([{ organisatie_id: domstad, versie: 2 }]);
  });

  it('row-level security: only the organisation itself reads or writes its row', async () => {
    const scoped = t.app.get(ScopedDb);
    const ctx = async (gebruikersnaam: string, organisatieCode: string) =>
      new RequestContext(
        await t.app.get(PrincipalResolver).resolve({
          sub: `x-${organisatieCode}`,
          gebruikersnaam,
          naam: 'X',
          organisatieCode,
          rollen: ['lezen', 'invoeren'],
        }),
        'rls',
      );
    const eem = await ctx('corporatie.eemland', 'L0802');
    const bzk = await ctx('bzk.analist', 'BZK');
    for (const c of [eem, bzk]) {
      expect(await scoped.transaction(c, (m) => m.query(`SELECT * FROM import_koppeling`))).toEqual([]);
      const [, n] = await scoped.transaction(c, (m) =>
        m.query(`UPDATE import_koppeling SET waarden = '[]' WHERE organisatie_id = $1`, [domstad]),
      );
      expect(n).toBe(0);
    }
    await expect(
      scoped.transaction(eem, (m) =>
        m.query(`INSERT INTO import_koppeling (organisatie_id, gewijzigd_door) VALUES ($1, 'x')`, [domstad]),
      ),
    ).rejects.toThrow(/row-level security/);
    // only a corporatie writes one, its own (the service's rule; review of session 5)
    const utrecht = await ctx('gemeente.utrecht', 'GM0344');
    const utrechtId = await t.orgId('GM0344');
    await expect(
      scoped.transaction(utrecht, (m) =>
        m.query(`INSERT INTO import_koppeling (organisatie_id, gewijzigd_door) VALUES ($1, 'x')`, [
          utrechtId,
        ]),
      ),
    ).rejects.toThrow(/row-level security/);
    const dom = await ctx('corporatie.domstad', 'L0801');
    expect(await scoped.transaction(dom, (m) => m.query(`SELECT versie FROM import_koppeling`))).toEqual([
      { versie: 2 },
    ]);
    expect(eemland).not.toBe(domstad);
  });

  it('refuses a koppeling to a value the product does not know, naming the accepted values; nothing saved', async () => {
    const r = await t.gql('corporatie.domstad.invoer', BEWAAR, {
      i: {
        kolommen: [{ bron: 'Plaats', kolom: 'woonplaats' }],
        waarden: [
          { veld: 'aandachtsgroep', bron: 'VLU', waarde: 'VLUCHTELINGEN' },
          { veld: 'via_urgentie', bron: 'J', waarde: 'MISSCHIEN' },
          { veld: 'gemeente', bron: 'Stad', waarde: 'GM9999' },
        ],
      },
    });
    expect(r.errors?.[0]).toMatchObject({
      message: 'De koppeling is niet opgeslagen: 4 regels kloppen niet.',
      extensions: {
        code: 'ONGELDIGE_INVOER',
        details: [
          {
            veld: 'kolommen.0',
            melding: expect.stringMatching(
              /^Kolom 'Plaats' is gekoppeld aan 'woonplaats', maar die kolom kent/,
            ),
          },
          {
            veld: 'waarden.0',
            melding: expect.stringMatching(
              /^'VLUCHTELINGEN' is geen waarde die Thuismonitor kent voor Aandachtsgroep; kies uit STATUSHOUDERS, /,
            ),
          },
          {
            veld: 'waarden.1',
            melding: "'MISSCHIEN' is geen waarde die Thuismonitor kent voor Via urgentie; kies uit JA, NEE",
          },
          { veld: 'waarden.2', melding: expect.stringMatching(/^'GM9999' is geen waarde/) },
        ],
      },
    });
    expect((await t.ok('corporatie.domstad', LEES)).importKoppeling.versie).toBe(2);
  });

  it('a stale version is refused (someone else changed it meanwhile)', async () => {
    const r = await t.gql('corporatie.domstad.invoer', BEWAAR, { i: { ...KOPPELING, versie: 1 } });
    expect(r.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  describe('privacy: a koppeling never makes a column that identifies a person importable', () => {
    const PERSOONLIJK = [
      'Klantnummer;Plaats;Ingangsdatum;Doelgrp;Pers',
      '100234;Utrecht;03-02-2026;STH;2',
    ].join('\n');

    it('saving a koppeling of such a column is refused', async () => {
      const r = await t.gql('corporatie.domstad.invoer', BEWAAR, {
        i: {
          kolommen: [...KOPPELING.kolommen, { bron: 'Klantnummer', kolom: 'extern_kenmerk' }],
          waarden: [],
        },
      });
      expect(r.errors?.[0]).toMatchObject({
        message: expect.stringMatching(
          /^De koppeling is niet opgeslagen: De kolom 'Klantnummer' lijkt persoonsgegevens te bevatten \(klant-, relatie- of huurdernummer\)/,
        ),
        extensions: { code: 'ONGELDIGE_INVOER' },
      });
    });

    it('and one that reached the table anyway (direct SQL) still cannot: the file is refused, nothing stored', async () => {
      const voor = await tel();
      await t.db.query(
        `UPDATE import_koppeling SET kolommen = kolommen || '[{"bron":"Klantnummer","kolom":"extern_kenmerk"}]'::jsonb WHERE organisatie_id = $1`,
        [domstad],
      );
      for (const dryRun of [true, false]) {
        const r = await upload(PERSOONLIJK, { dryRun });
        expect(r.status).toBe(422);
        expect(r.body).toMatchObject({
          code: 'ONGELDIGE_INVOER',
          message: expect.stringMatching(
            /^Het bestand is geweigerd\. .*'Klantnummer': klant-, relatie- of huurdernummer/,
          ),
        });
      }
      expect(await tel()).toBe(voor);
      await t.db.query(
        `UPDATE import_koppeling SET kolommen = kolommen - (jsonb_array_length(kolommen) - 1) WHERE organisatie_id = $1`,
        [domstad],
      );
    });
  });

  describe('gemeente by name', () => {
    const bestand = (plaats: string) => EIGEN([`G-1;${plaats};03-02-2026;STH;2;S1;N`]);
    const gemeenteFout = async (plaats: string) =>
      (await upload(bestand(plaats))).body.fouten.map((f: { melding: string }) => f.melding);

    it('an ambiguous name is refused with the candidates named (Bergen: Limburg and Noord-Holland)', async () => {
      expect(await gemeenteFout('Bergen')).toEqual([
        "Gemeente 'Bergen' is niet eenduidig: bedoelt u Bergen (L.) (GM0893, Limburg) of Bergen (NH.) (GM0373, Noord-Holland)? Vul de CBS-code in of koppel de naam aan een gemeente",
      ]);
      // the bare name of a CBS name with a provincie suffix (Hengelo in Gelderland until 2005)
      expect(await gemeenteFout('Hengelo')).toEqual([
        "Gemeente 'Hengelo' is niet eenduidig: bedoelt u Hengelo (O.) (GM0164, Overijssel)? Vul de CBS-code in of koppel de naam aan een gemeente",
      ]);
    });

    it('an unknown name gets close spellings; CBS codes are always accepted', async () => {
      expect(await gemeenteFout('Nieuwegijn')).toEqual([
        "Gemeente 'Nieuwegijn' is onbekend; bedoelt u Nieuwegein (GM0356, Utrecht)?; gebruik de CBS-code (bijvoorbeeld GM0344) of de CBS-naam van de gemeente",
      ]);
      expect((await upload(bestand('GM0356'))).body.aantalFouten).toBe(0);
      expect((await upload(bestand('0356'))).body.aantalFouten).toBe(0);
      const r = await upload(bestand('Nieuwegijn'));
      expect(r.body.onbekendeWaarden).toEqual([
        { veld: 'gemeente', kolom: 'Plaats', waarde: 'Nieuwegijn', rijen: 1, eersteRij: 2 },
      ]);
    });

    it('a name mapped once to its gemeente is read with that code from then on', async () => {
      const huidig = (await t.ok('corporatie.domstad', LEES)).importKoppeling;
      await t.ok('corporatie.domstad.invoer', BEWAAR, {
        i: {
          kolommen: huidig.kolommen,
          waarden: [...huidig.waarden, { veld: 'gemeente', bron: 'Nieuwegijn', waarde: 'GM0356' }],
          versie: huidig.versie,
        },
      });
      const r = await upload(bestand('nieuwegijn'));
      expect(r.body.aantalFouten).toBe(0);
      expect(r.body.koppeling.waarden).toContainEqual({
        veld: 'gemeente',
        bron: 'Nieuwegijn',
        waarde: 'GM0356',
        rijen: 1,
      });
    });
  });

  it('every change is audited with the words before and after', async () => {
    const { rows } = await t.db.query(
      `SELECT gebruikersnaam, entiteit_id, voor, na FROM audit_log WHERE actie = 'WIJZIG_IMPORTKOPPELING' ORDER BY id`,
    );
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({
      gebruikersnaam: 'corporatie.domstad.invoer',
      entiteit_id: domstad,
      voor: null,
    });
    expect(rows[1].voor).toMatchObject({ versie: 1, waarden: [] });
    expect(rows[1].na).toMatchObject({
      versie: 2,
      waarden: expect.arrayContaining([{ veld: 'via_urgentie', bron: 'J', waarde: 'JA' }]),
    });
  });
});
