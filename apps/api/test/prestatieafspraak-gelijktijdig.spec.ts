import { startTestApp, type TestApp } from './support/test-app';
import { code, compleetBod, ok, Q, statushouders, vaststellen, type Pa } from './prestatieafspraak.helpers';

/**
 * Concurrency over real HTTP: two edits from the same `versie` (one wins, one gets CONFLICT),
 * signatures at the same moment (all count, exactly one vaststelling), a double signature by one
 * organisation, and two wijzigingen started at once.
 */
describe('prestatieafspraken: at the same moment', () => {
  let t: TestApp;
  let domstad: string;

  beforeAll(async () => {
    t = await startTestApp();
    domstad = await t.orgId('L0801');
  });
  afterAll(() => t.close());

  const auditActies = async (id: string, actie: string) =>
    (
      await t.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE entiteit_id = $1 AND actie = $2`, [
        id,
        actie,
      ])
    ).rows[0].n as number;

  it('two parties edit from the same versie: one is stored, the other gets a clear CONFLICT', async () => {
    const pa = await compleetBod(t);
    const [a, b] = await Promise.all([
      t.gql('gemeente.utrecht', Q.update, { id: pa.id, v: pa.versie, i: { titel: 'Titel van de gemeente' } }),
      t.gql('corporatie.domstad', Q.voegAfspraakToe, {
        id: pa.id,
        v: pa.versie,
        i: statushouders(domstad, [
          [2027, 1],
          [2028, 2],
        ]),
      }),
    ]);
    const uitkomsten = [a, b].map((r) => (r.errors ? code(r) : 'OK')).sort();
    expect(uitkomsten).toEqual(['CONFLICT', 'OK']);
    const verloren = [a, b].find((r) => r.errors)!;
    expect(verloren.errors![0].message).toBe(
      'Iemand anders heeft deze prestatieafspraak intussen gewijzigd. Laad de nieuwste versie en breng uw wijziging opnieuw aan.',
    );
    const nu = await ok(t, 'gemeente.utrecht', Q.een, { id: pa.id });
    expect(nu.versie).toBe(pa.versie + 1);
    // exactly the winner's change is there, nothing of the loser's
    const titelGewijzigd = nu.titel === 'Titel van de gemeente';
    expect(nu.afspraken).toHaveLength(titelGewijzigd ? 1 : 2);
    expect((await auditActies(pa.id, 'GEWIJZIGD')) + (await auditActies(pa.id, 'AFSPRAAK_TOEGEVOEGD'))).toBe(
      2,
    );
  });

  it('many edits from the same versie at once: exactly one wins', async () => {
    const pa = await compleetBod(t, 'Bod voor de vijf tegelijk');
    const antwoorden = await Promise.all(
      [1, 2, 3, 4, 5].map((n) =>
        t.gql(n % 2 ? 'gemeente.utrecht' : 'corporatie.domstad', Q.update, {
          id: pa.id,
          v: pa.versie,
          i: { titel: `Titel ${n}` },
        }),
      ),
    );
    expect(antwoorden.filter((r) => !r.errors)).toHaveLength(1);
    expect(antwoorden.filter((r) => r.errors).map(code)).toEqual([
      'CONFLICT',
      'CONFLICT',
      'CONFLICT',
      'CONFLICT',
    ]);
    expect((await ok(t, 'huurders.domstad', Q.een, { id: pa.id })).versie).toBe(pa.versie + 1);
  });

  it('all parties sign at the same moment: every signature counts and it is vastgesteld exactly once', async () => {
    // three prestatieafspraken, each signed by its three parties at once
    const ingediend = await Promise.all(
      ['A', 'B', 'C'].map(async (n) => {
        const pa = await compleetBod(t, `Bod ${n}`);
        return ok(t, 'corporatie.domstad', Q.indienen, { id: pa.id, v: pa.versie });
      }),
    );
    const antwoorden = await Promise.all(
      ingediend.flatMap((pa) =>
        ['gemeente.utrecht', 'corporatie.domstad', 'huurders.domstad'].map((als) =>
          t.gql(als, Q.tekenen, { id: pa.id, v: pa.versie }),
        ),
      ),
    );
    expect(antwoorden.filter((r) => r.errors)).toEqual([]);
    for (const pa of ingediend) {
      const nu = await ok(t, 'gemeente.utrecht', Q.een, { id: pa.id });
      expect(nu.status).toBe('VASTGESTELD');
      expect(nu.ondertekeningen.map((o: Pa) => o.organisatie.code).sort()).toEqual([
        'GM0344',
        'HO-DOMSTAD',
        'L0801',
      ]);
      expect(await auditActies(pa.id, 'ONDERTEKEND')).toBe(3);
      expect(await auditActies(pa.id, 'VASTGESTELD')).toBe(1);
    }
  });

  it('two tekenbevoegden of one organisation at once: one signature, one clear refusal', async () => {
    const pa = await ok(t, 'corporatie.domstad', Q.indienen, {
      id: (await compleetBod(t, 'Bod dubbel')).id,
      v: 2,
    });
    const tweede = await t.token('gemeente.utrecht', {
      claims: { sub: 'tweede-tekenaar', name: 'Tweede Tekenaar', preferred_username: 'tweede.tekenaar' },
    });
    const [a, b] = await Promise.all([
      t.gql('gemeente.utrecht', Q.tekenen, { id: pa.id, v: pa.versie }),
      t.gql({ token: tweede }, Q.tekenen, { id: pa.id, v: pa.versie }),
    ]);
    const fout = [a, b].filter((r) => r.errors);
    expect(fout).toHaveLength(1);
    expect(code(fout[0])).toBe('CONFLICT');
    expect(fout[0].errors![0].message).toMatch(/^Uw organisatie heeft deze prestatieafspraak al ondertekend/);
    const { rows } = await t.db.query(
      `SELECT count(*)::int AS n FROM prestatieafspraak_ondertekening WHERE prestatieafspraak_id = $1`,
      [pa.id],
    );
    expect(rows[0].n).toBe(1);
  });

  it('two wijzigingen started at once: one new version, one CONFLICT', async () => {
    const pa = await vaststellen(t, await compleetBod(t, 'Bod voor de wijziging'));
    const [a, b] = await Promise.all([
      t.gql('gemeente.utrecht', Q.wijziging, { id: pa.id }),
      t.gql('huurders.domstad', Q.wijziging, { id: pa.id }),
    ]);
    expect([a, b].map((r) => (r.errors ? code(r) : 'OK')).sort()).toEqual(['CONFLICT', 'OK']);
    const { rows } = await t.db.query(
      `SELECT count(*)::int AS n FROM prestatieafspraak WHERE vorige_versie_id = $1`,
      [pa.id],
    );
    expect(rows[0].n).toBe(1);
  });

  it('a signature from an old versie (after withdraw and change) is refused', async () => {
    const pa = await ok(t, 'corporatie.domstad', Q.indienen, {
      id: (await compleetBod(t, 'Bod oud scherm')).id,
      v: 2,
    });
    const terug = await ok(t, 'gemeente.utrecht', Q.terugtrekken, {
      id: pa.id,
      v: pa.versie,
      r: 'Nog een afspraak erbij',
    });
    const aangevuld = await ok(t, 'gemeente.utrecht', Q.voegAfspraakToe, {
      id: pa.id,
      v: terug.versie,
      i: statushouders(domstad, [
        [2027, 5],
        [2028, 6],
      ]),
    });
    await ok(t, 'gemeente.utrecht', Q.indienen, { id: pa.id, v: aangevuld.versie });
    // huurders.domstad still has the screen of the first proposal open
    const r = await t.gql('huurders.domstad', Q.tekenen, { id: pa.id, v: pa.versie });
    expect(code(r)).toBe('CONFLICT');
  });
});
