import { startTestApp, type TestApp } from './support/test-app';

describe('platform: reference data, organisaties, me, health (over HTTP)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers the issue’s query with all 342 gemeenten and their provincie', async () => {
    const data = await t.ok<{ gemeenten: { code: string; naam: string; provincie: { code: string } }[] }>(
      'gemeente.utrecht',
      '{ gemeenten { code naam provincie { code } } }',
    );
    expect(data.gemeenten).toHaveLength(342);
    expect(data.gemeenten.find((g) => g.code === 'GM0344')).toEqual({ code: 'GM0344', naam: 'Utrecht', provincie: { code: 'PV26' } });
    expect(data.gemeenten.find((g) => g.code === 'GM0518')?.naam).toBe("'s-Gravenhage");
    expect(new Set(data.gemeenten.map((g) => g.provincie.code)).size).toBe(12);
  });

  it('filters gemeenten by provincie and by search text', async () => {
    const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM gemeente WHERE provincie_code = 'PV26'`);
    const data = await t.ok('corporatie.domstad', `{ u: gemeenten(filter: { provincieCode: "PV26" }) { code }
      z: gemeenten(filter: { zoek: "bergen" }) { naam } }`);
    expect(data.u).toHaveLength(rows[0].n);
    const namen: string[] = data.z.map((g: { naam: string }) => g.naam);
    expect(namen).toEqual(expect.arrayContaining(['Bergen (L.)', 'Bergen (NH.)', 'Bergen op Zoom', 'Tubbergen']));
    expect(namen.every((n) => n.toLowerCase().includes('bergen'))).toBe(true);
  });

  it('lists 12 provincies with their gemeenten and the 19 woningmarktregio names', async () => {
    const data = await t.ok('bzk.analist', '{ provincies { code naam gemeenten { code } } woningmarktregios { code naam } }');
    expect(data.provincies).toHaveLength(12);
    expect(data.provincies.reduce((n: number, p: { gemeenten: unknown[] }) => n + p.gemeenten.length, 0)).toBe(342);
    expect(data.woningmarktregios).toHaveLength(19);
  });

  it('lists organisaties with filters, a corporatie with its werkgebied', async () => {
    const data = await t.ok('huurders.domstad', `{
      corporaties: organisaties(filter: { soort: CORPORATIE }) { code naam werkgebied { code } }
      inUtrecht: organisaties(filter: { gemeenteCode: "GM0344" }) { code soort }
    }`);
    const domstad = data.corporaties.find((o: { code: string }) => o.code === 'L0801');
    expect(domstad.werkgebied.map((g: { code: string }) => g.code).sort()).toEqual(['GM0344', 'GM0356', 'GM1904']);
    const codes = data.inUtrecht.map((o: { code: string }) => o.code);
    expect(codes).toEqual(expect.arrayContaining(['GM0344', 'L0801', 'HO-DOMSTAD', 'ZA-STICHTWONEN', 'PV26', 'BZK']));
    expect(codes).not.toContain('L0802');
  });

  it('me: returns the principal, its organisation and what it may do', async () => {
    const data = await t.ok('corporatie.domstad.invoer', '{ me { gebruikersnaam naam rollen permissies organisatie { code soort naam } } }');
    expect(data.me).toMatchObject({
      gebruikersnaam: 'corporatie.domstad.invoer',
      naam: 'Kees Mulder',
      rollen: ['lezen', 'invoeren'],
      organisatie: { code: 'L0801', soort: 'CORPORATIE', naam: 'Woonstichting Domstad' },
    });
    expect(data.me.permissies).toContain('toewijzing:invoeren');
    expect(data.me.permissies).not.toContain('afspraak:tekenen');
  });

  it('health: live always, ready checks Postgres and Redis', async () => {
    expect((await t.fetch('/health/live')).status).toBe(200);
    const ready = await t.fetch('/health/ready');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok', postgres: 'ok', redis: 'ok' });
  });

  it('unknown fields and malformed variables: a clear GraphQL error without stack trace', async () => {
    const a = await t.gql('gemeente.utrecht', '{ gemeenten { code bestaatNiet } }');
    expect(a.status).toBe(400);
    expect(a.errors?.[0].message).toMatch(/^Ongeldige vraag aan de API: Cannot query field "bestaatNiet"/);
    expect(JSON.stringify(a)).not.toMatch(/stacktrace|at Object\.|\.ts:\d+/);

    const b = await t.gql('gemeente.utrecht', 'query ($f: GemeenteFilter) { gemeenten(filter: $f) { code } }', {
      f: { provincieCode: 26 },
    });
    expect(b.status).toBe(400);
    expect(b.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(b.errors?.[0].message).toMatch(/Ongeldige vraag aan de API: Variable "\$f"/);
    expect(JSON.stringify(b)).not.toMatch(/stacktrace/);

    const c = await t.gql('gemeente.utrecht', '{ gemeenten { code ');
    expect(c.status).toBe(400);
    expect(c.errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });
});

describe('platform operator: woningmarktregio import', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const MUTATIE = `mutation ($csv: String!, $dry: Boolean) { importeerWoningmarktregioIndeling(csv: $csv, proefrun: $dry) {
    opgeslagen gemeentenIngedeeld fouten { regel kolom melding } ontbrekendeGemeenten } }`;

  it('refuses anyone without the platformbeheer role', async () => {
    for (const who of ['bzk.analist', 'provincie.utrecht', 'gemeente.utrecht']) {
      const r = await t.gql(who, MUTATIE, { csv: 'gemeente;woningmarktregio\nGM0344;Utrecht U16' });
      expect(r.errors?.[0].extensions?.code).toBe('GEEN_TOEGANG');
    }
    const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM gemeente WHERE woningmarktregio_code IS NOT NULL`);
    expect(rows[0].n).toBe(0);
  });

  it('a file too long, or not CSV: one Dutch error, nothing stored', async () => {
    const lang = ['gemeente;woningmarktregio', ...Array.from({ length: 1001 }, () => 'GM0344;Utrecht U16')].join('\n');
    const r = (await t.ok('bzk.platformbeheer', MUTATIE, { csv: lang, dry: true })).importeerWoningmarktregioIndeling;
    expect(r).toMatchObject({ opgeslagen: false, fouten: [{ regel: 1, kolom: '-', melding: 'Maximaal 1000 regels per bestand.' }] });
    const kapot = (await t.ok('bzk.platformbeheer', MUTATIE, { csv: 'gemeente;woningmarktregio\n"GM0344;x' }))
      .importeerWoningmarktregioIndeling;
    expect(kapot.fouten[0].melding).toMatch(/^Het bestand is geen geldige CSV( \(regel \d+\))?\.$/);
  });

  it('reports every bad row and stores nothing; a good file is stored with an audit row', async () => {
    const regio = (await t.db.query(`SELECT code, naam FROM woningmarktregio ORDER BY code LIMIT 1`)).rows[0];
    const fout = await t.ok('bzk.platformbeheer', MUTATIE, {
      csv: `gemeente;woningmarktregio\nGM0344;${regio.naam}\nGM9999;${regio.naam}\nAmersfoort;Atlantis`,
    });
    expect(fout.importeerWoningmarktregioIndeling.opgeslagen).toBe(false);
    expect(fout.importeerWoningmarktregioIndeling.fouten).toEqual([
      { regel: 3, kolom: 'gemeente', melding: "Onbekende gemeente 'GM9999'." },
      { regel: 4, kolom: 'woningmarktregio', melding: "Onbekende woningmarktregio 'Atlantis'." },
    ]);
    const telIngedeeld = async () =>
      (await t.db.query(`SELECT count(*)::int AS n FROM gemeente WHERE woningmarktregio_code IS NOT NULL`)).rows[0].n;
    expect(await telIngedeeld()).toBe(0);

    const goed = await t.ok('bzk.platformbeheer', MUTATIE, { csv: `\uFEFFGemeente,Woningmarktregio\nGM0344,${regio.code}\nAmersfoort,${regio.code}` });
    expect(goed.importeerWoningmarktregioIndeling).toMatchObject({ opgeslagen: true, gemeentenIngedeeld: 2, fouten: [] });
    expect(await telIngedeeld()).toBe(2);
    const audit = await t.db.query(`SELECT actie, gebruikersnaam FROM audit_log WHERE entiteit = 'woningmarktregio'`);
    expect(audit.rows).toEqual([{ actie: 'IMPORTEER_REGIO_INDELING', gebruikersnaam: 'bzk.platformbeheer' }]);
    const data = await t.ok('gemeente.utrecht', `{ gemeente(code: "GM0344") { woningmarktregio { code } } }`);
    expect(data.gemeente.woningmarktregio.code).toBe(regio.code);
  });
});
