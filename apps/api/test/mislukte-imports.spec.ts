import { startTestApp, type TestApp } from './support/test-app';

/**
 * The platform operator's "what needs attention" lists failed toewijzingen imports (issue 13,
 * item 6): a real import that stored nothing (one bad row, or the whole file refused) appears with
 * its counts or reason, never with the file name; a later successful import of the same
 * corporatie takes it off the list; a dry run never appears. Only the operator reads another
 * organisation's import audit rows.
 */
describe('mislukte imports op de startpagina van de platformbeheerder', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const OP = 'bzk.platformbeheer';
  const AANDACHT = `{ beheerAandacht { mislukteImports { organisatie { code } rijen aantalFouten reden } } }`;
  const KOP = 'extern_kenmerk;gemeente;datum;aandachtsgroep;huishoudgrootte';
  const upload = async (csv: string, dryRun: boolean, naam = 'verhuringen-maart.csv') => {
    const form = new FormData();
    form.append('bestand', new Blob([Buffer.from(csv, 'utf8')]), naam);
    const res = await t.fetch(`/api/toewijzingen/import?proefrun=${dryRun}`, {
      method: 'POST',
      body: form,
      als: 'corporatie.domstad.invoer',
    });
    return res.status;
  };
  const mislukt = async () => (await t.ok(OP, AANDACHT)).beheerAandacht.mislukteImports;

  it('a dry run with errors is not a failed import', async () => {
    expect(
      await upload(`${KOP}\nMI-1;GM0344;01-03-2026;statushouder;2\nMI-2;Atlantis;01-03-2026;;2\n`, true),
    ).toBe(200);
    expect(await mislukt()).toEqual([]);
  });

  it('a real import with one bad row is listed with its counts, without the file name', async () => {
    expect(
      await upload(`${KOP}\nMI-1;GM0344;01-03-2026;statushouder;2\nMI-2;Atlantis;01-03-2026;;2\n`, false),
    ).toBe(422);
    expect(await mislukt()).toEqual([
      { organisatie: { code: 'L0801' }, rijen: 2, aantalFouten: 1, reden: null },
    ]);
    const { rows } = await t.db.query(
      `SELECT na::text AS na FROM audit_log WHERE actie = 'IMPORT_GEWEIGERD'`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].na).not.toContain('verhuringen');
  });

  it('a file refused as a whole is listed with the reason', async () => {
    expect(
      await upload(
        `extern_kenmerk;gemeente;datum;huishoudgrootte;bsn\nMI-3;GM0344;01-03-2026;2;123456782\n`,
        false,
      ),
    ).toBe(422);
    const [i] = await mislukt();
    expect(i.organisatie.code).toBe('L0801');
    expect(i.reden).toMatch(/bsn/i);
  });

  it('a later successful import takes the corporatie off the list', async () => {
    expect(await upload(`${KOP}\nMI-4;GM0344;01-03-2026;statushouder;2\n`, false)).toBe(201);
    expect(await mislukt()).toEqual([]);
  });

  it('only the operator reads other organisations’ import audit rows; the query is refused to others', async () => {
    const r = await t.gql('bzk.analist', AANDACHT);
    expect(r.errors?.[0].extensions?.code).toBe('GEEN_TOEGANG');
    const c = await t.db.connect();
    try {
      await c.query('BEGIN');
      await c.query(`SET LOCAL ROLE thuismonitor_app`);
      const bzk = await t.orgId('BZK');
      await c.query(
        `SELECT set_config('tm.organisatie_id', $1, true), set_config('tm.organisatie_soort', 'RIJK', true)`,
        [bzk],
      );
      const zonder = await c.query(
        `SELECT count(*)::int AS n FROM audit_log WHERE entiteit = 'toewijzing_import'`,
      );
      await c.query(`SELECT set_config('tm.operator', 'on', true)`);
      const met = await c.query(
        `SELECT count(*)::int AS n FROM audit_log WHERE entiteit = 'toewijzing_import'`,
      );
      expect(zonder.rows[0].n).toBe(0);
      expect(met.rows[0].n).toBeGreaterThanOrEqual(3);
    } finally {
      await c.query('ROLLBACK');
      c.release();
    }
  });
});
