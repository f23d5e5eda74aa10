import { startTestApp, type TestApp } from './support/test-app';

/**
 * An organisation's own beheerder sees who signs in for it and with which roles (issue 13, point
 * 4), noted by the API from accepted tokens, plus the users the operator registered who have not
 * signed in yet. Only the own organisation, only with the role beheren.
 */
describe('gebruikers van de eigen organisatie (GraphQL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const LIJST = `{ gebruikersEigenOrganisatie { gebruikersnaam naam rollen laatsteAanmelding geregistreerd } }`;
  /** Sign-ins are noted beside the request (never blocking it): wait until the row is there. */
  async function wachtOpAanmelding(gebruikersnaam: string) {
    for (let i = 0; i < 50; i++) {
      const { rows } = await t.db.query(`SELECT 1 FROM gebruiker_aanmelding WHERE gebruikersnaam = $1`, [
        gebruikersnaam,
      ]);
      if (rows.length) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`no sign-in noted for ${gebruikersnaam}`);
  }

  it('lists the organisation’s signed-in users with their roles, and registered users who never signed in', async () => {
    await t.ok('corporatie.domstad', `{ me { naam } }`);
    await t.ok('corporatie.domstad.invoer', `{ me { naam } }`);
    await t.ok('corporatie.eemland', `{ me { naam } }`);
    await t.ok(
      'bzk.platformbeheer',
      `mutation ($o: ID!, $i: GebruikerNieuwInput!) { maakGebruiker(organisatieId: $o, invoer: $i) { id } }`,
      {
        o: await t.orgId('L0801'),
        i: {
          gebruikersnaam: 'domstad.nieuw',
          naam: 'Nina Nieuw',
          email: 'n@domstad.example',
          rollen: ['tekenen'],
        },
      },
    );
    for (const g of ['corporatie.domstad', 'corporatie.domstad.invoer', 'corporatie.eemland'])
      await wachtOpAanmelding(g);
    const r = await t.ok('corporatie.domstad', LIJST);
    expect(r.gebruikersEigenOrganisatie).toEqual([
      {
        gebruikersnaam: 'corporatie.domstad',
        naam: 'Priya Ramdin',
        rollen: ['lezen', 'invoeren', 'tekenen', 'beheren'],
        laatsteAanmelding: expect.any(String),
        geregistreerd: false,
      },
      {
        gebruikersnaam: 'corporatie.domstad.invoer',
        naam: 'Kees Mulder',
        rollen: ['lezen', 'invoeren'],
        laatsteAanmelding: expect.any(String),
        geregistreerd: false,
      },
      {
        gebruikersnaam: 'domstad.nieuw',
        naam: 'Nina Nieuw',
        rollen: ['lezen', 'tekenen'],
        laatsteAanmelding: null,
        geregistreerd: true,
      },
    ]);
    // another organisation sees only its own
    const e = await t.ok('corporatie.eemland', LIJST);
    expect(e.gebruikersEigenOrganisatie.map((g: { gebruikersnaam: string }) => g.gebruikersnaam)).toEqual([
      'corporatie.eemland',
    ]);
  });

  it('is refused without the role beheren', async () => {
    const r = await t.gql('corporatie.domstad.invoer', LIJST);
    expect(r.errors?.[0].extensions?.code).toBe('GEEN_TOEGANG');
  });

  it('the database keeps each organisation to its own rows (second wall)', async () => {
    const c = await t.db.connect();
    try {
      await c.query('BEGIN');
      await c.query(`SET LOCAL ROLE thuismonitor_app`);
      await c.query(
        `SELECT set_config('tm.organisatie_id', $1, true), set_config('tm.organisatie_soort', 'CORPORATIE', true)`,
        [await t.orgId('L0802')],
      );
      const { rows } = await c.query(`SELECT gebruikersnaam FROM gebruiker_aanmelding ORDER BY 1`);
      expect(rows.map((x) => x.gebruikersnaam)).toEqual(['corporatie.eemland']);
    } finally {
      await c.query('ROLLBACK');
      c.release();
    }
  });
});
