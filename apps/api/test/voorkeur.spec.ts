import { startTestApp, type TestApp } from './support/test-app';

/**
 * Per-user choice of the gemeente a multi-gemeente organisation lands on (issue 13, point 5):
 * remembered per user (not per organisation), only inside the user's own scope, audited, and
 * dropped when the werkgebied no longer holds it.
 */
describe('standaardgemeente per gebruiker (GraphQL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const ME = `{ me { standaardGemeente { code naam } } }`;
  const KIES = `mutation ($g: String) { kiesStandaardGemeente(gemeenteCode: $g) { standaardGemeente { code } } }`;
  const standaard = async (als: string) => (await t.ok(als, ME)).me.standaardGemeente;

  it('is empty until chosen, then remembered for that user only, with an audit row', async () => {
    expect(await standaard('corporatie.domstad')).toBeNull();
    const r = await t.ok('corporatie.domstad', KIES, { g: 'gm0356' });
    expect(r.kiesStandaardGemeente.standaardGemeente).toEqual({ code: 'GM0356' });
    expect(await standaard('corporatie.domstad')).toEqual({ code: 'GM0356', naam: 'Nieuwegein' });
    expect(await standaard('corporatie.domstad.invoer')).toBeNull();
    const { rows } = await t.db.query(
      `SELECT actie, voor, na, gebruikersnaam FROM audit_log WHERE actie = 'KIES_STANDAARDGEMEENTE' ORDER BY id`,
    );
    expect(rows).toEqual([
      {
        actie: 'KIES_STANDAARDGEMEENTE',
        voor: { standaardGemeente: null },
        na: { standaardGemeente: 'GM0356' },
        gebruikersnaam: 'corporatie.domstad',
      },
    ]);
  });

  it('refuses a gemeente outside the organisation’s area or one that does not exist; nothing changes', async () => {
    for (const [als, g, melding] of [
      ['corporatie.domstad', 'GM0307', 'Kies een gemeente uit het gebied van uw organisatie.'],
      ['gemeente.utrecht', 'GM0356', 'Kies een gemeente uit het gebied van uw organisatie.'],
      ['provincie.utrecht', 'GM0202', 'Kies een gemeente uit het gebied van uw organisatie.'],
      ['bzk.analist', 'GM9999', 'De gemeente GM9999 bestaat niet.'],
    ]) {
      const r = await t.gql(als, KIES, { g });
      expect(r.errors?.[0]).toMatchObject({ message: melding, extensions: { code: 'ONGELDIGE_INVOER' } });
    }
    expect(await standaard('corporatie.domstad')).toEqual({ code: 'GM0356', naam: 'Nieuwegein' });
    expect((await t.db.query(`SELECT count(*)::int AS n FROM gebruiker_voorkeur`)).rows[0].n).toBe(1);
  });

  it('a provincie user picks a gemeente of the provincie; null clears the choice', async () => {
    expect(
      (await t.ok('provincie.utrecht', KIES, { g: 'GM0307' })).kiesStandaardGemeente.standaardGemeente,
    ).toEqual({ code: 'GM0307' });
    expect(
      (await t.ok('provincie.utrecht', KIES, { g: null })).kiesStandaardGemeente.standaardGemeente,
    ).toBeNull();
  });

  it('no longer applies when the werkgebied drops the gemeente', async () => {
    const domstad = await t.orgId('L0801');
    const { rows } = await t.db.query(
      `SELECT array_agg(gemeente_code) AS g FROM organisatie_werkgebied WHERE organisatie_id = $1`,
      [domstad],
    );
    const zonder = (rows[0].g as string[]).filter((g) => g !== 'GM0356');
    await t.ok(
      'bzk.platformbeheer',
      `mutation ($id: ID!, $g: [String!]!) { wijzigWerkgebied(id: $id, gemeenteCodes: $g) { id } }`,
      {
        id: domstad,
        g: zonder,
      },
    );
    expect(await standaard('corporatie.domstad')).toBeNull();
  });
});
