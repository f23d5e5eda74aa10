import { createPublicKey } from 'node:crypto';
import { SignJWT } from 'jose';
import { DevIssuer } from '@thuismonitor/auth';
import { DEMO_ACCOUNTS } from '../src/demo/demo-data';
import { startTestApp, type TestApp } from './support/test-app';

const QUERY = '{ me { gebruikersnaam } }';
const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

describe('bearer token attacks: every one is a bare 401, nothing leaked', () => {
  let t: TestApp;
  let referentieBody: unknown;

  beforeAll(async () => {
    t = await startTestApp();
    const r = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: QUERY }) });
    expect(r.status).toBe(401);
    referentieBody = await r.json();
  });
  afterAll(() => t.close());

  async function verwachtWeigering(token: string) {
    const r = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: QUERY }),
    });
    expect(r.status).toBe(401);
    expect(r.headers.get('www-authenticate')).toBe('Bearer realm="thuismonitor"');
    // Same answer as "no token at all": no hint about which check failed.
    expect(await r.json()).toEqual(referentieBody);
  }

  it('a valid token works (control)', async () => {
    const r = await t.gql({ token: await t.token('gemeente.utrecht') }, QUERY);
    expect(r.data?.me.gebruikersnaam).toBe('gemeente.utrecht');
  });

  it('the 401 body is Dutch and generic', () => {
    expect(referentieBody).toEqual({
      errors: [{ message: 'Niet aangemeld of sessie verlopen. Meld u opnieuw aan.', extensions: { code: 'UNAUTHENTICATED' } }],
    });
  });

  it('expired token', async () => {
    await verwachtWeigering(await t.token('gemeente.utrecht', { expiresInSeconds: -120 }));
  });

  it('wrong issuer (right key)', async () => {
    await verwachtWeigering(await t.token('gemeente.utrecht', { issuer: 'https://evil.example/realms/thuismonitor' }));
  });

  it('wrong audience', async () => {
    await verwachtWeigering(await t.token('gemeente.utrecht', { audience: 'account' }));
  });

  it('alg: none', async () => {
    const echt = await t.token('gemeente.utrecht');
    const payload = echt.split('.')[1];
    await verwachtWeigering(`${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`);
    await verwachtWeigering(`${b64({ alg: 'none', typ: 'JWT', kid: t.issuer.issuer.kid })}.${payload}.`);
  });

  it('unknown kid (a key the issuer never published)', async () => {
    const ander = await DevIssuer.ephemeral(t.issuer.url, DEMO_ACCOUNTS);
    await verwachtWeigering(await ander.mint('gemeente.utrecht'));
  });

  it('HS256 token "signed" with the public key', async () => {
    const jwk = t.issuer.issuer.publicKeyJwk();
    const pem = createPublicKey({ key: jwk as any, format: 'jwk' }).export({ type: 'spki', format: 'pem' }) as string;
    const claims = t.issuer.issuer.claimsFor(t.issuer.issuer.account('bzk.analist')!);
    for (const secret of [pem, JSON.stringify(jwk), jwk.n!]) {
      const token = await new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256', kid: t.issuer.issuer.kid })
        .setIssuer(t.issuer.url)
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(new TextEncoder().encode(secret));
      await verwachtWeigering(token);
    }
  });

  it('token without organisatie claim', async () => {
    await verwachtWeigering(await t.token('gemeente.utrecht', { claims: { organisatie: undefined } }));
    await verwachtWeigering(await t.token('gemeente.utrecht', { claims: { organisatie: '' } }));
  });

  it('token for an organisation that does not exist', async () => {
    await verwachtWeigering(await t.token('gemeente.utrecht', { claims: { organisatie: 'GM9999' } }));
  });

  it('tampered payload (signature no longer matches)', async () => {
    const [h, , s] = (await t.token('corporatie.domstad')).split('.');
    const vervalst = b64({ ...t.issuer.issuer.claimsFor(t.issuer.issuer.account('bzk.analist')!), iss: t.issuer.url, exp: 9999999999 });
    await verwachtWeigering(`${h}.${vervalst}.${s}`);
  });

  it('garbage and malformed headers', async () => {
    await verwachtWeigering('not-a-jwt');
    const r = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Basic Zm9vOmJhcg==' }, body: '{}' });
    expect(r.status).toBe(401);
  });

  it('roles come from the api client only: realm roles or another client’s roles grant nothing', async () => {
    const token = await t.token('gemeente.utrecht.lezer', {
      claims: { realm_access: { roles: ['beheren', 'platformbeheer'] }, resource_access: { 'thuismonitor-api': { roles: ['lezen'] }, other: { roles: ['platformbeheer'] } } },
    });
    const r = await t.gql({ token }, '{ me { rollen permissies } }');
    expect(r.data?.me.rollen).toEqual(['lezen']);
    expect(r.data?.me.permissies).not.toContain('referentie:beheren');
  });
});
