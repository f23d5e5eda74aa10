import { gunzipSync } from 'node:zlib';
import { request } from 'node:http';
import { startTestApp, type TestApp } from './support/test-app';
import { CacheSignalen } from '../src/database/cache-signalen';

/**
 * Whole voortgang answers kept over HTTP (voortgang-antwoord.middleware.ts): the same principal
 * asking the same question while no write committed gets the same bytes without GraphQL running;
 * a write, another user, other rights, another question or an error answer never gets them.
 * Real HTTP and Postgres; X-Cache says HIT or MISS.
 */
const VOORTGANG = `query ($g: GebiedInput!, $j: Int) { voortgang(gebied: $g, jaar: $j) {
  afgeschermd actielijnen { indicatoren { code realisatie { waarde onderdrukt } } } } }`;
const UTRECHT = { soort: 'GEMEENTE', code: 'GM0344' };

describe('voortgang answers kept whole', () => {
  let t: TestApp;
  let domstad: string;

  /** POST with the raw answer: status, X-Cache, Content-Encoding and the decoded body text */
  const vraag = async (
    als: string,
    query = VOORTGANG,
    variables: unknown = { g: UTRECHT, j: 2024 },
    gzip = false,
  ) => {
    const token = await t.token(als);
    const body = JSON.stringify({ query, variables });
    return new Promise<{ status: number; cache?: string; encoding?: string; type?: string; tekst: string }>(
      (resolve, reject) => {
        const req = request(
          `${t.url}/graphql`,
          {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              authorization: `Bearer ${token}`,
              ...(gzip ? { 'accept-encoding': 'gzip' } : {}),
            },
          },
          (res) => {
            const delen: Buffer[] = [];
            res.on('data', (d: Buffer) => delen.push(d));
            res.on('end', () => {
              const ruw = Buffer.concat(delen);
              const encoding = res.headers['content-encoding'];
              resolve({
                status: res.statusCode!,
                cache: res.headers['x-cache'] as string | undefined,
                encoding,
                type: res.headers['content-type'],
                tekst: (encoding === 'gzip' ? gunzipSync(ruw) : ruw).toString('utf8'),
              });
            });
          },
        );
        req.on('error', reject);
        req.end(body);
      },
    );
  };
  const totaal = (tekst: string) => {
    const d = JSON.parse(tekst).data.voortgang;
    return d.actielijnen
      .flatMap((a: { indicatoren: { code: string; realisatie: { waarde: number } }[] }) => a.indicatoren)
      .find((i: { code: string }) => i.code === 'TOEWIJZINGEN_TOTAAL').realisatie.waarde as number;
  };
  const toewijzingen = (datums: string[], kenmerk: string) =>
    t.db.query(
      `INSERT INTO toewijzing (corporatie_id, gemeente_code, datum, aandachtsgroep, huishoudgrootte, via_urgentie, extern_kenmerk)
       SELECT $1, 'GM0344', d::date, NULL, 2, false, $3 || n FROM unnest($2::text[]) WITH ORDINALITY AS x(d, n)`,
      [domstad, datums, kenmerk],
    );

  beforeAll(async () => {
    t = await startTestApp();
    domstad = await t.orgId('L0801');
    await toewijzingen(
      ['2024-02-10', '2024-05-11', '2024-08-12', '2024-11-13', '2024-11-14', '2024-12-01'],
      'antw-',
    );
  });
  afterAll(() => t?.close());

  it('sends the same bytes again for the same question, plain and gzip', async () => {
    const eerst = await vraag('gemeente.utrecht');
    expect(eerst).toMatchObject({ status: 200, cache: 'MISS' });
    expect(totaal(eerst.tekst)).toBe(6);
    const weer = await vraag('gemeente.utrecht');
    expect(weer).toMatchObject({ status: 200, cache: 'HIT', type: 'application/json; charset=utf-8' });
    expect(weer.tekst).toBe(eerst.tekst);
    const gz = await vraag('gemeente.utrecht', VOORTGANG, { g: UTRECHT, j: 2024 }, true);
    expect(gz).toMatchObject({ cache: 'HIT', encoding: 'gzip' });
    expect(gz.tekst).toBe(eerst.tekst);
  });

  it('a write through the API is never followed by an older answer, notification or not', async () => {
    expect((await vraag('gemeente.utrecht')).cache).toBe('HIT');
    const signalen = t.app.get(CacheSignalen);
    const [generatie, ontvangen] = [signalen.generatie, signalen.ontvangen];
    const CREATE = `mutation ($input: ToewijzingInput!) { maakToewijzing(invoer: $input) { id } }`;
    const nieuw = await t.ok('corporatie.domstad', CREATE, {
      input: { externKenmerk: 'antw-api-1', gemeenteCode: 'GM0344', datum: '2024-06-29', huishoudgrootte: 1 },
    });
    // this process raised its generation before answering, not only on the notification
    expect(signalen.generatie - generatie).toBeGreaterThan(signalen.ontvangen - ontvangen);
    // so the very next question, without waiting, is computed anew
    const na = await vraag('gemeente.utrecht');
    expect(na.cache).toBe('MISS');
    expect(totaal(na.tekst)).toBe(7);
    await t.ok('corporatie.domstad', `mutation ($id: ID!) { verwijderToewijzing(id: $id) }`, {
      id: nieuw.maakToewijzing.id,
    });
    const weer = await vraag('gemeente.utrecht');
    expect(weer.cache).toBe('MISS');
    expect(totaal(weer.tekst)).toBe(6);
  });

  it('an upload through the REST import is never followed by an older answer either', async () => {
    expect((await vraag('gemeente.utrecht')).cache).toBe('HIT');
    const signalen = t.app.get(CacheSignalen);
    const [generatie, ontvangen] = [signalen.generatie, signalen.ontvangen];
    const form = new FormData();
    const csv =
      'extern_kenmerk;gemeente;datum;aandachtsgroep;huishoudgrootte\nantw-rest-1;GM0344;2024-06-28;;1\n';
    form.append('bestand', new Blob([Buffer.from(csv, 'utf8')]), 'toewijzingen.csv');
    const res = await t.fetch('/api/toewijzingen/import?proefrun=false', {
      method: 'POST',
      body: form,
      als: 'corporatie.domstad.invoer',
    });
    expect(res.status).toBe(201);
    expect(signalen.generatie - generatie).toBeGreaterThan(signalen.ontvangen - ontvangen);
    const na = await vraag('gemeente.utrecht');
    expect(na.cache).toBe('MISS');
    expect(totaal(na.tekst)).toBe(7);
    await t.db.query(`DELETE FROM toewijzing WHERE corporatie_id = $1 AND datum = '2024-06-28'`, [domstad]);
    await new Promise((r) => setTimeout(r, 200));
    expect(totaal((await vraag('gemeente.utrecht')).tekst)).toBe(6);
  });

  it('a write committed outside the API makes the next answer new as soon as its notification is here', async () => {
    const signalen = t.app.get(CacheSignalen);
    expect((await vraag('gemeente.utrecht')).cache).toBe('HIT');
    const voor = signalen.ontvangen;
    const start = process.hrtime.bigint();
    await toewijzingen(['2024-06-30'], 'antw-correctie-');
    while (signalen.ontvangen === voor) {
      if (process.hrtime.bigint() - start > 2_000_000_000n) throw new Error('no notification after 2 s');
      await new Promise((r) => setImmediate(r));
    }
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (process.env.TM_MELD_LATENTIE)
      console.log(`notification here ${ms.toFixed(2)} ms after the insert was sent`);
    const na = await vraag('gemeente.utrecht');
    expect(na.cache).toBe('MISS');
    expect(totaal(na.tekst)).toBe(7);
    await t.db.query(`DELETE FROM toewijzing WHERE extern_kenmerk LIKE 'antw-correctie-%'`);
    await new Promise((r) => setTimeout(r, 200));
    expect(totaal((await vraag('gemeente.utrecht')).tekst)).toBe(6);
  });

  it('a refused mutation or a plain question keeps the kept answers', async () => {
    expect((await vraag('gemeente.utrecht')).cache).toBe('HIT');
    // a reader may not write: refused (no data), so nothing changed and nothing is emptied
    const geweigerd = await t.gql(
      'gemeente.utrecht.lezer',
      `mutation ($input: ToewijzingInput!) { maakToewijzing(invoer: $input) { id } }`,
      {
        input: { externKenmerk: 'antw-x', gemeenteCode: 'GM0344', datum: '2024-06-29', huishoudgrootte: 1 },
      },
    );
    expect(geweigerd.errors?.length).toBeGreaterThan(0);
    await t.ok('gemeente.utrecht', `{ gemeenten { code } }`);
    expect((await vraag('gemeente.utrecht')).cache).toBe('HIT');
  });

  it("a mutation or upload that writes nothing does not empty everybody's answers (review of session 5)", async () => {
    expect((await vraag('gemeente.utrecht')).cache).toBe('HIT');
    const signalen = t.app.get(CacheSignalen);
    const generatie = signalen.generatie;
    // any signed-in reader, or nobody at all: a mutation that selects only __typename answers with
    // data but runs no resolver
    const leeg = await t.gql('gemeente.utrecht.lezer', `mutation { __typename }`);
    expect(leeg.data).toEqual({ __typename: 'Mutation' });
    await t.gql(null, `mutation { __typename }`);
    await t.gql(
      'gemeente.utrecht.lezer',
      `mutation { a: __typename b: __typename ...F } fragment F on Mutation { c: __typename }`,
    );
    // a dry run stores nothing
    const form = new FormData();
    const csv =
      'extern_kenmerk;gemeente;datum;aandachtsgroep;huishoudgrootte\nantw-droog-1;GM0344;2024-06-28;;1\n';
    form.append('bestand', new Blob([Buffer.from(csv, 'utf8')]), 'toewijzingen.csv');
    const res = await t.fetch('/api/toewijzingen/import?proefrun=true', {
      method: 'POST',
      body: form,
      als: 'corporatie.domstad.invoer',
    });
    expect(res.status).toBe(200);
    expect(signalen.generatie).toBe(generatie);
    expect((await vraag('gemeente.utrecht')).cache).toBe('HIT');
  });

  it('never hands one principal the bytes kept for another', async () => {
    await vraag('gemeente.utrecht');
    expect((await vraag('gemeente.utrecht')).cache).toBe('HIT');
    // same organisation, another user with other rights: its own answer, computed
    const lezer = await vraag('gemeente.utrecht.lezer');
    expect(lezer.cache).toBe('MISS');
    expect(totaal(lezer.tekst)).toBe(6);
    // the provincie: released figures, not the gemeente's exact ones
    const pv = await vraag('provincie.utrecht');
    expect(pv.cache).toBe('MISS');
    expect(JSON.parse(pv.tekst).data.voortgang.afgeschermd).toBe(true);
    // an organisation without Utrecht in scope is refused, twice (errors are never kept)
    for (let i = 0; i < 2; i++) {
      const r = await vraag('corporatie.eemland');
      expect(r.cache).toBe('MISS');
      expect(JSON.parse(r.tekst).errors[0].extensions.code).toBe('NIET_GEVONDEN');
    }
  });

  it('another year, another field selection or another operation is another question', async () => {
    await vraag('gemeente.utrecht');
    expect((await vraag('gemeente.utrecht', VOORTGANG, { g: UTRECHT, j: 2025 })).cache).toBe('MISS');
    const smaller = VOORTGANG.replace(' onderdrukt', '');
    expect((await vraag('gemeente.utrecht', smaller)).cache).toBe('MISS');
    expect((await vraag('gemeente.utrecht', smaller)).cache).toBe('HIT');
  });

  it('keeps nothing for queries with other root fields, mutations or directives at the root', async () => {
    const metAnder = VOORTGANG.replace('{ voortgang(', '{ gemeenten { code } voortgang(');
    for (let i = 0; i < 2; i++) {
      const r = await vraag('gemeente.utrecht', metAnder);
      expect(r.status).toBe(200);
      expect(r.cache).toBeUndefined();
    }
    const metDirective = VOORTGANG.replace(
      'voortgang(gebied: $g, jaar: $j)',
      'voortgang(gebied: $g, jaar: $j) @include(if: true)',
    );
    expect((await vraag('gemeente.utrecht', metDirective)).cache).toBeUndefined();
    const mutatie = `mutation { voortgang: __typename }`;
    expect((await vraag('gemeente.utrecht', mutatie)).cache).toBeUndefined();
  });

  it('keeps nothing for a question with large (undeclared) variables', async () => {
    // GraphQL ignores variables the query does not declare; kept, each would be a new key in memory
    const groot = { g: UTRECHT, j: 2024, rommel: 'x'.repeat(10_000) };
    for (let i = 0; i < 2; i++) {
      const r = await vraag('gemeente.utrecht', VOORTGANG, groot);
      expect(r.status).toBe(200);
      expect(r.cache).toBeUndefined();
      expect(totaal(r.tekst)).toBe(6);
    }
  });

  it('VOORTGANG_CACHE=0 keeps nothing', async () => {
    const uit = await startTestApp({ VOORTGANG_CACHE: '0' });
    try {
      const token = await uit.token('gemeente.utrecht');
      for (let i = 0; i < 2; i++) {
        const res = await fetch(`${uit.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: VOORTGANG, variables: { g: UTRECHT, j: 2024 } }),
        });
        expect(res.status).toBe(200);
        expect(res.headers.get('x-cache')).toBeNull();
      }
    } finally {
      await uit.close();
    }
  });
});
