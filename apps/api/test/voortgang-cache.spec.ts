import { CacheSignalen } from '../src/database/cache-signalen';
import { VoortgangCache } from '../src/voortgang/voortgang-cache';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * The voortgang answer cache (voortgang-cache.ts, migration 1765400000003): a repeated question is
 * answered from memory only while no write committed since; a correction is visible in the very
 * next answer; answers are never shared between organisations. Over real HTTP and Postgres; the
 * expected counts are written out here, not computed by the API's code.
 */
const VOORTGANG = `query ($g: GebiedInput!, $j: Int) { voortgang(gebied: $g, jaar: $j) {
  afgeschermd actielijnen { indicatoren { code realisatie { waarde onderdrukt } } } } }`;

type Antwoord = {
  voortgang: {
    afgeschermd: boolean;
    actielijnen: { indicatoren: { code: string; realisatie: { waarde: number | null } }[] }[];
  };
};

const UTRECHT = { soort: 'GEMEENTE', code: 'GM0344' };

describe('voortgang cache', () => {
  let t: TestApp;
  let cache: VoortgangCache;
  let domstad: string;

  const totaal = async (als: string) => {
    const d = await t.ok<Antwoord>(als, VOORTGANG, { g: UTRECHT, j: 2024 });
    const i = d.voortgang.actielijnen.flatMap((a) => a.indicatoren).find((x) => x.code === 'TOEWIJZINGEN_TOTAAL')!;
    return { waarde: i.realisatie.waarde, afgeschermd: d.voortgang.afgeschermd };
  };
  const versie = async () =>
    (await t.db.query(`SELECT versie::text AS v FROM tm_gegevens_versie`)).rows[0].v as string;
  /**
   * A write straight into Postgres, as an operator with psql or another replica makes it: this API
   * process learns of it when Postgres's notification arrives (cache-signalen.ts; a few ms, longer
   * on a loaded machine). The test waits for that moment, as the product promises nothing earlier.
   */
  const extern = async (sql: string, params: unknown[] = []) => {
    const signalen = t.app.get(CacheSignalen);
    const voor = signalen.ontvangen;
    await t.db.query(sql, params);
    for (const start = Date.now(); signalen.ontvangen === voor; ) {
      if (Date.now() - start > 10_000) throw new Error('no tm_cache notification within 10 s');
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  const toewijzingen = (datums: string[], kenmerk: string) =>
    extern(
      `INSERT INTO toewijzing (corporatie_id, gemeente_code, datum, aandachtsgroep, huishoudgrootte, via_urgentie, extern_kenmerk)
       SELECT $1, 'GM0344', d::date, NULL, 2, false, $3 || n FROM unnest($2::text[]) WITH ORDINALITY AS x(d, n)`,
      [domstad, datums, kenmerk],
    );

  beforeAll(async () => {
    t = await startTestApp();
    cache = t.app.get(VoortgangCache);
    domstad = await t.orgId('L0801');
    // 12 toewijzingen in Utrecht in 2024, three per quarter
    await toewijzingen(
      ['01-10', '02-11', '03-12', '04-10', '05-11', '06-12', '07-10', '08-11', '09-12', '10-10', '11-11', '12-12'].map(
        (d) => `2024-${d}`,
      ),
      'cache-',
    );
  });
  afterAll(() => t?.close());

  it('answers a repeated question from memory while nothing was written', async () => {
    expect(await totaal('gemeente.utrecht')).toEqual({ waarde: 12, afgeschermd: false });
    const groot = cache.grootte;
    const v = await versie();
    expect(await totaal('gemeente.utrecht')).toEqual({ waarde: 12, afgeschermd: false });
    expect(cache.grootte).toBe(groot);
    expect(await versie()).toBe(v);
  });

  it('shows a correction in the very next answer (inserted, then deleted)', async () => {
    expect((await totaal('gemeente.utrecht')).waarde).toBe(12);
    await toewijzingen(['2024-05-20'], 'correctie-');
    expect((await totaal('gemeente.utrecht')).waarde).toBe(13);
    await extern(`DELETE FROM toewijzing WHERE extern_kenmerk LIKE 'correctie-%'`);
    expect((await totaal('gemeente.utrecht')).waarde).toBe(12);
  });

  it('raises the data version once per committed transaction, not for a rolled-back one', async () => {
    const c = await t.db.connect();
    try {
      const v0 = BigInt(await versie());
      await c.query('BEGIN');
      await c.query(`UPDATE taakstelling SET waarde = waarde WHERE false`);
      await c.query(`UPDATE gemeente SET naam = naam WHERE code = 'GM0344'`);
      await c.query('COMMIT');
      expect(BigInt(await versie())).toBe(v0 + 1n);
      await c.query('BEGIN');
      await c.query(`UPDATE gemeente SET naam = naam WHERE code = 'GM0344'`);
      await c.query('ROLLBACK');
      expect(BigInt(await versie())).toBe(v0 + 1n);
      // nothing is left behind by the per-transaction note
      expect((await c.query(`SELECT count(*)::int AS n FROM tm_gegevens_wijziging`)).rows[0].n).toBe(0);
    } finally {
      c.release();
    }
  });

  it('never gives one organisation the answer cached for another', async () => {
    expect(await totaal('gemeente.utrecht')).toEqual({ waarde: 12, afgeschermd: false });
    // the provincie asks the same question right after: its own answer (released figures)
    const pv = await totaal('provincie.utrecht');
    expect(pv.afgeschermd).toBe(true);
    // released: each base cell of 3 households is 0 or 5, so the total is a multiple of 5 ≤ 20
    expect(pv.waarde! % 5).toBe(0);
    expect(pv.waarde).toBeLessThanOrEqual(20);
    expect(await totaal('gemeente.utrecht')).toEqual({ waarde: 12, afgeschermd: false });
    // and an organisation without Utrecht in its scope is refused, although Utrecht's answer is cached
    const r = await t.gql('corporatie.eemland', VOORTGANG, { g: UTRECHT, j: 2024 });
    expect(r.errors?.[0]?.extensions?.code).toBe('NIET_GEVONDEN');
    expect(r.data).toBeNull();
  });

  it('the app role cannot read or write the version tables', async () => {
    const c = await t.db.connect();
    try {
      await c.query('BEGIN');
      await c.query('SET LOCAL ROLE thuismonitor_app');
      await expect(c.query('SELECT versie FROM tm_gegevens_versie')).rejects.toThrow(/permission denied/);
      await c.query('ROLLBACK');
      await c.query('BEGIN');
      await c.query('SET LOCAL ROLE thuismonitor_app');
      await expect(c.query(`UPDATE tm_gegevens_versie SET versie = 0`)).rejects.toThrow(/permission denied/);
      await c.query('ROLLBACK');
    } finally {
      c.release();
    }
  });
});
