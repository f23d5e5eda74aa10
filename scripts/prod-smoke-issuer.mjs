// A tiny OpenID issuer for the production smoke test (scripts/prod-smoke.mjs), laid out like
// Keycloak: /realms/thuismonitor/.well-known/openid-configuration and …/protocol/openid-connect/certs.
// The production build under test only knows it as an external issuer URL and fetches its keys
// over HTTP, exactly as it would from Keycloak. It also answers POST /mint {"account": "…"} with a
// Keycloak-shaped access token for a demo account, so the smoke test can call the API as a user.
// It is a test tool: it listens on 127.0.0.1 only and is never part of an image.
//
// usage: node scripts/prod-smoke-issuer.mjs <built copy>   (prints "ISSUER <url>" when ready)
import http from 'node:http';
import path from 'node:path';
import { createRequire } from 'node:module';

const kopie = path.resolve(process.argv[2] ?? '.');
// The compiled DevIssuer and demo accounts of the build under test (plain CommonJS).
const require = createRequire(path.join(kopie, 'package.json'));
const { DevIssuer } = require(path.join(kopie, 'libs/auth/dist/index.js'));
const { DEMO_ACCOUNTS } = require(path.join(kopie, 'apps/api/dist/demo/demo-data.js'));

let issuer;
const server = http.createServer((req, res) => {
  const stuur = (status, body) =>
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  const pad = req.url ?? '';
  if (req.method === 'GET' && pad.endsWith('/protocol/openid-connect/certs'))
    return stuur(200, issuer.jwks());
  if (req.method === 'GET' && pad.endsWith('/.well-known/openid-configuration'))
    return stuur(200, issuer.discovery());
  if (req.method === 'POST' && pad === '/mint') {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', async () => {
      try {
        const { account } = JSON.parse(body);
        if (!issuer.account(account)) return stuur(400, { error: `unknown account ${account}` });
        stuur(200, { access_token: await issuer.mint(account, { expiresInSeconds: 900 }) });
      } catch (err) {
        stuur(500, { error: String(err) });
      }
    });
    return;
  }
  stuur(404, {});
});
server.listen(0, '127.0.0.1', async () => {
  const url = `http://127.0.0.1:${server.address().port}/realms/thuismonitor`;
  issuer = await DevIssuer.ephemeral(url, DEMO_ACCOUNTS);
  console.log(`ISSUER ${url}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
