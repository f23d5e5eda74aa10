import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { Pool } from 'pg';
import { vandaagInAmsterdam } from '@thuismonitor/domain';
import { createApi } from '../src/app.factory';
import { loadConfig } from '../src/config/app-config';
import { maakTestDatabase } from './support/test-database';
import { testPool } from './support/test-pool';

/**
 * The onboarding journey of issue 13 end to end over HTTP, with the embedded development login
 * (DEV_OIDC=true: authorization code + PKCE, the same flow the web app uses with Keycloak):
 * the platform operator signs in, creates a corporatie with its werkgebied and registers a user;
 * that user appears on the login page, signs in and logs a toewijzing. Nobody touches SQL.
 */
describe('onboarding: new corporatie, new user, first toewijzing (development login)', () => {
  let app: INestApplication;
  let url: string;
  let db: Pool;
  let drop: () => Promise<void>;
  let tmp: string;
  const REDIRECT = 'http://localhost:5173/';

  beforeAll(async () => {
    const database = await maakTestDatabase();
    drop = database.drop;
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tm-beheer-'));
    const port = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as net.AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    url = `http://127.0.0.1:${port}`;
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: database.url,
      REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
      PORT: String(port),
      PUBLIC_URL: url,
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      QUEUE_PREFIX: `tm-test-${database.naam}-onboarding`,
      DATABASE_POOL_SIZE: '4',
      DEV_OIDC: 'true',
      DEV_OIDC_KEY_FILE: path.join(tmp, 'key.json'),
      RATE_LIMIT_IP: '1000000',
      RATE_LIMIT_USER: '1000000',
      AUTH_FAILURE_LIMIT: '1000000',
    });
    app = await createApi(config);
    await app.listen(port, '127.0.0.1');
    db = testPool(database.url, 2);
  });
  afterAll(async () => {
    await app?.close();
    await db?.end();
    await drop?.();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  /** The browser's part of the login, as plain HTTP: choose the account, follow the code, swap it for tokens. */
  async function aanmelden(gebruikersnaam: string): Promise<string> {
    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const auth = `${url}/dev-oidc/protocol/openid-connect/auth`;
    const params = {
      client_id: 'thuismonitor-web',
      redirect_uri: REDIRECT,
      response_type: 'code',
      state: 'st',
      code_challenge: challenge,
      code_challenge_method: 'S256',
      scope: 'openid',
    };
    const pagina = await fetch(`${auth}?${new URLSearchParams(params)}`);
    expect(pagina.status).toBe(200);
    expect(await pagina.text()).toContain(`value="${gebruikersnaam}"`);
    const keuze = await fetch(auth, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...params, username: gebruikersnaam }),
    });
    expect(keuze.status).toBe(302);
    const code = new URL(keuze.headers.get('location')!).searchParams.get('code')!;
    const token = await fetch(`${url}/dev-oidc/protocol/openid-connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: REDIRECT,
        code_verifier: verifier,
        client_id: 'thuismonitor-web',
      }),
    });
    expect(token.status).toBe(200);
    return ((await token.json()) as { access_token: string }).access_token;
  }

  async function gql(token: string, query: string, variables?: Record<string, unknown>) {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as {
      data?: any;
      errors?: { message: string; extensions?: { code?: string } }[];
    };
  }

  it('operator → corporatie + werkgebied + user → that user signs in and logs a toewijzing', async () => {
    const operator = await aanmelden('bzk.platformbeheer');
    const org = await gql(
      operator,
      `mutation ($i: OrganisatieNieuwInput!) { maakOrganisatie(invoer: $i) { id code werkgebiedCodes } }`,
      {
        i: {
          soort: 'CORPORATIE',
          code: 'L0970',
          naam: 'Woonbedrijf Lekstroom',
          werkgebied: ['GM0356', 'GM0344'],
        },
      },
    );
    expect(org.errors).toBeUndefined();
    const organisatieId = org.data.maakOrganisatie.id;
    const gebruiker = await gql(
      operator,
      `mutation ($o: ID!, $i: GebruikerNieuwInput!) { maakGebruiker(organisatieId: $o, invoer: $i) { gebruikersnaam rollen } }`,
      {
        o: organisatieId,
        i: {
          gebruikersnaam: 'lekstroom.invoer',
          naam: 'Ilse Lek',
          email: 'i.lek@lekstroom.example',
          rollen: ['lezen', 'invoeren'],
        },
      },
    );
    expect(gebruiker.errors).toBeUndefined();
    expect(gebruiker.data.maakGebruiker).toEqual({
      gebruikersnaam: 'lekstroom.invoer',
      rollen: ['lezen', 'invoeren'],
    });

    const nieuw = await aanmelden('lekstroom.invoer');
    const me = await gql(
      nieuw,
      `{ me { gebruikersnaam rollen permissies organisatie { code naam werkgebied { code } } } }`,
    );
    expect(me.errors).toBeUndefined();
    expect(me.data.me).toMatchObject({
      gebruikersnaam: 'lekstroom.invoer',
      rollen: ['lezen', 'invoeren'],
      organisatie: { code: 'L0970', naam: 'Woonbedrijf Lekstroom' },
    });
    expect(me.data.me.organisatie.werkgebied.map((g: { code: string }) => g.code).sort()).toEqual([
      'GM0344',
      'GM0356',
    ]);
    expect(me.data.me.permissies).toContain('toewijzing:invoeren');
    expect(me.data.me.permissies).not.toContain('afspraak:tekenen');

    const t = await gql(
      nieuw,
      `mutation ($i: ToewijzingInput!) { maakToewijzing(invoer: $i) { id gemeente { code } corporatie { code } } }`,
      {
        i: {
          externKenmerk: 'LEK-0001',
          gemeenteCode: 'GM0356',
          datum: vandaagInAmsterdam(new Date()),
          aandachtsgroep: 'STATUSHOUDERS',
          huishoudgrootte: 3,
        },
      },
    );
    expect(t.errors).toBeUndefined();
    expect(t.data.maakToewijzing).toMatchObject({
      gemeente: { code: 'GM0356' },
      corporatie: { code: 'L0970' },
    });
    const { rows } = await db.query(
      `SELECT a.gebruikersnaam, a.actie FROM audit_log a WHERE a.organisatie_id = $1 ORDER BY a.id`,
      [organisatieId],
    );
    expect(rows).toEqual([{ gebruikersnaam: 'lekstroom.invoer', actie: 'CREATE_TOEWIJZING' }]);
  });

  it('a deactivated user or organisation is no longer offered by the development login', async () => {
    const operator = await aanmelden('bzk.platformbeheer');
    const [{ id }] = (await db.query(`SELECT id FROM organisatie WHERE code = 'L0970'`)).rows;
    await gql(operator, `mutation ($id: ID!) { deactiveerOrganisatie(id: $id) { actief } }`, { id });
    const verifier = createHash('sha256').update('x').digest('base64url');
    const keuze = await fetch(`${url}/dev-oidc/protocol/openid-connect/auth`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_id: 'thuismonitor-web',
        redirect_uri: REDIRECT,
        code_challenge: verifier,
        code_challenge_method: 'S256',
        username: 'lekstroom.invoer',
      }),
    });
    expect(keuze.status).toBe(400);
    expect(await keuze.text()).toContain('Onbekend account.');
  });
});
