import { createHash, randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';

/**
 * A development/test OpenID provider that mints Keycloak-shaped access tokens. It exists because
 * Keycloak cannot run on build machines and a newcomer should not need it to try the product;
 * tokens it mints go through exactly the same JWKS verification as Keycloak's. The API refuses to
 * start it when NODE_ENV=production.
 */
export interface DevAccount {
  username: string;
  naam: string;
  email: string;
  organisatie: string;
  rollen: string[];
}

export interface MintOptions {
  expiresInSeconds?: number;
  audience?: string;
  /** override the issuer (tests: wrong-issuer attack) */
  issuer?: string;
  /** extra or overriding claims (tests use this to build broken tokens) */
  claims?: Record<string, unknown>;
}

type SigningKey = Awaited<ReturnType<typeof importJWK>>;

interface StoredKey {
  kid: string;
  privateJwk: JWK;
}

export const API_CLIENT_ID = 'thuismonitor-api';
export const WEB_CLIENT_ID = 'thuismonitor-web';

/** A stable subject per username, shaped like Keycloak's UUID subjects. */
export function devSubject(username: string): string {
  const h = createHash('sha256').update(`thuismonitor-dev:${username}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export class DevIssuer {
  private constructor(
    readonly issuer: string,
    private readonly key: StoredKey,
    private readonly privateKey: SigningKey,
    private readonly publicJwk: JWK,
    readonly accounts: readonly DevAccount[],
  ) {}

  /** Keys live in a file so that `npm run token` and the running API agree on them. */
  static async fromKeyFile(keyFile: string, issuer: string, accounts: readonly DevAccount[]): Promise<DevIssuer> {
    const stored = await loadOrCreateKey(keyFile);
    return DevIssuer.fromStoredKey(stored, issuer, accounts);
  }

  /** Fresh in-memory keys (tests). */
  static async ephemeral(issuer: string, accounts: readonly DevAccount[]): Promise<DevIssuer> {
    return DevIssuer.fromStoredKey(await newKey(), issuer, accounts);
  }

  private static async fromStoredKey(stored: StoredKey, issuer: string, accounts: readonly DevAccount[]) {
    const privateKey = await importJWK(stored.privateJwk, 'RS256');
    const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...pub } = stored.privateJwk;
    const publicJwk: JWK = { ...pub, kid: stored.kid, alg: 'RS256', use: 'sig' };
    return new DevIssuer(issuer.replace(/\/$/, ''), stored, privateKey, publicJwk, accounts);
  }

  get kid(): string {
    return this.key.kid;
  }

  jwks(): { keys: JWK[] } {
    return { keys: [this.publicJwk] };
  }

  /** The public key as JWK (tests use it for the "HS256 signed with the public key" attack). */
  publicKeyJwk(): JWK {
    return { ...this.publicJwk };
  }

  account(username: string): DevAccount | undefined {
    return this.accounts.find((a) => a.username === username);
  }

  /** Claims as Keycloak puts them in an access token for the web client. */
  claimsFor(account: DevAccount, audience = API_CLIENT_ID): Record<string, unknown> {
    const [given, ...rest] = account.naam.split(' ');
    return {
      typ: 'Bearer',
      azp: WEB_CLIENT_ID,
      aud: audience,
      sub: devSubject(account.username),
      sid: randomUUID(),
      scope: 'openid profile email',
      preferred_username: account.username,
      name: account.naam,
      given_name: given,
      family_name: rest.join(' '),
      email: account.email,
      email_verified: true,
      organisatie: account.organisatie,
      realm_access: { roles: ['default-roles-thuismonitor', 'offline_access'] },
      resource_access: { [API_CLIENT_ID]: { roles: account.rollen } },
    };
  }

  async mint(username: string, options: MintOptions = {}): Promise<string> {
    const account = this.account(username);
    if (!account) throw new Error(`unknown demo account: ${username}`);
    return this.mintClaims({ ...this.claimsFor(account, options.audience), ...options.claims }, options);
  }

  async mintClaims(claims: Record<string, unknown>, options: MintOptions = {}): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: this.key.kid, typ: 'JWT' })
      .setIssuer(options.issuer ?? this.issuer)
      .setIssuedAt(now)
      .setJti(randomUUID())
      .setExpirationTime(now + (options.expiresInSeconds ?? 3600))
      .sign(this.privateKey);
  }

  discovery(): Record<string, unknown> {
    const oidc = `${this.issuer}/protocol/openid-connect`;
    return {
      issuer: this.issuer,
      authorization_endpoint: `${oidc}/auth`,
      token_endpoint: `${oidc}/token`,
      jwks_uri: `${oidc}/certs`,
      end_session_endpoint: `${oidc}/logout`,
      response_types_supported: ['code'],
      grant_types_supported: ['authorization_code'],
      code_challenge_methods_supported: ['S256'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      scopes_supported: ['openid', 'profile', 'email'],
      token_endpoint_auth_methods_supported: ['none'],
    };
  }
}

async function newKey(): Promise<StoredKey> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true, modulusLength: 2048 });
  const privateJwk = await exportJWK(privateKey);
  return { kid: `dev-${randomUUID().slice(0, 8)}`, privateJwk };
}

async function loadOrCreateKey(keyFile: string): Promise<StoredKey> {
  try {
    return JSON.parse(fs.readFileSync(keyFile, 'utf8')) as StoredKey;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const key = await newKey();
  fs.mkdirSync(path.dirname(keyFile), { recursive: true });
  try {
    // 'wx': if another process (API vs. `npm run token`) created it first, use theirs.
    fs.writeFileSync(keyFile, JSON.stringify(key), { flag: 'wx', mode: 0o600 });
    return key;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return JSON.parse(fs.readFileSync(keyFile, 'utf8')) as StoredKey;
  }
}
