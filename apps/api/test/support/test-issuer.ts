import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DevIssuer } from '@thuismonitor/auth';
import { DEMO_ACCOUNTS } from '../../src/demo/demo-data';

/**
 * A local OpenID issuer laid out like Keycloak (/realms/thuismonitor/protocol/openid-connect/certs)
 * that mints Keycloak-shaped tokens. The API under test fetches its JWKS over HTTP exactly as it
 * would from Keycloak: Keycloak itself is the only part not running in the tests.
 */
export interface TestIssuer {
  issuer: DevIssuer;
  url: string;
  close(): Promise<void>;
}

export async function startTestIssuer(): Promise<TestIssuer> {
  // assigned once the server knows its port (the issuer URL contains it)
  // eslint-disable-next-line prefer-const
  let issuer: DevIssuer | undefined;
  const server = http.createServer((req, res) => {
    const path = req.url ?? '';
    const body =
      path.endsWith('/protocol/openid-connect/certs') ? issuer!.jwks() :
      path.endsWith('/.well-known/openid-configuration') ? issuer!.discovery() : undefined;
    res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' }).end(JSON.stringify(body ?? {}));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/realms/thuismonitor`;
  issuer = await DevIssuer.ephemeral(url, DEMO_ACCOUNTS);
  return { issuer, url, close: () => new Promise((r) => server.close(() => r())) };
}
