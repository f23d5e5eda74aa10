import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWTVerifyGetKey } from 'jose';
import { AuthenticatieFout } from './authenticatie-fout';
import { TokenVerifier } from './token-verifier';

const ISS = 'https://login.voorbeeld.nl/realms/thuismonitor';
const AUD = 'thuismonitor-api';

async function sleutels() {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwks = createLocalJWKSet({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256' }] });
  let opgevraagd = 0;
  const keys: JWTVerifyGetKey = (header, token) => {
    opgevraagd++;
    return jwks(header, token);
  };
  const teken = (expSeconden: number, sub = 'gebruiker-1') =>
    new SignJWT({})
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(ISS)
      .setAudience(AUD)
      .setSubject(sub)
      .setExpirationTime(Math.floor(Date.now() / 1000) + expSeconden)
      .sign(privateKey);
  return { keys, teken, opgevraagd: () => opgevraagd };
}

describe('TokenVerifier: remembering verified tokens', () => {
  afterEach(() => jest.useRealTimers());

  it('verifies a token once and answers the next requests with the same claims', async () => {
    const s = await sleutels();
    const v = new TokenVerifier({ issuer: ISS, audience: AUD }, s.keys);
    const token = await s.teken(300);
    const eerst = await v.verify(token);
    const daarna = await v.verify(token);
    expect(daarna).toEqual(eerst);
    expect(daarna.sub).toBe('gebruiker-1');
    expect(s.opgevraagd()).toBe(1);
  });

  it('a token that differs in one byte is verified again (and refused)', async () => {
    const s = await sleutels();
    const v = new TokenVerifier({ issuer: ISS, audience: AUD }, s.keys);
    const token = await s.teken(300);
    await v.verify(token);
    const laatste = token.at(-2) === 'A' ? 'B' : 'A';
    const vervalst = token.slice(0, -2) + laatste + token.slice(-1);
    await expect(v.verify(vervalst)).rejects.toBeInstanceOf(AuthenticatieFout);
    expect(s.opgevraagd()).toBe(2);
  });

  it('forgets a token at its exp, even when the cache time is longer', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    const s = await sleutels();
    const v = new TokenVerifier(
      { issuer: ISS, audience: AUD, cacheSeconds: 600, clockToleranceSeconds: 0 },
      s.keys,
    );
    const token = await s.teken(30);
    await v.verify(token);
    jest.setSystemTime(Date.now() + 31_000);
    await expect(v.verify(token)).rejects.toThrow(/exp/);
  });

  it('verifies again after cacheSeconds, and keeps at most cacheMax tokens', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    const s = await sleutels();
    const v = new TokenVerifier({ issuer: ISS, audience: AUD, cacheSeconds: 10, cacheMax: 2 }, s.keys);
    const a = await s.teken(300, 'a');
    await v.verify(a);
    jest.setSystemTime(Date.now() + 11_000);
    await v.verify(a);
    expect(s.opgevraagd()).toBe(2);
    await v.verify(await s.teken(300, 'b'));
    await v.verify(await s.teken(300, 'c')); // a is the oldest and goes
    await v.verify(a);
    expect(s.opgevraagd()).toBe(5);
  });

  it('cacheSeconds 0 verifies every time', async () => {
    const s = await sleutels();
    const v = new TokenVerifier({ issuer: ISS, audience: AUD, cacheSeconds: 0 }, s.keys);
    const token = await s.teken(300);
    await v.verify(token);
    await v.verify(token);
    expect(s.opgevraagd()).toBe(2);
  });
});
