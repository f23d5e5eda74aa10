#!/usr/bin/env node
// Keeps the demo users of infra/keycloak/realm-thuismonitor.json equal to DEMO_ACCOUNTS in
// apps/api/src/demo/demo-data.ts (the single source of the demo accounts).
//
//   node infra/keycloak/sync-realm-users.mjs           rewrite the "users" section of the realm
//   node infra/keycloak/sync-realm-users.mjs --check   exit 1 when the realm is out of date (CI)
//
// Only "users" is generated; everything else in the realm file is written by hand.
// demo-data.ts is transpiled with @swc/core and the output formatted with prettier (both are
// devDependencies already in the workspace). --check compares content, not formatting.
import { createRequire } from 'node:module';
import { isDeepStrictEqual } from 'node:util';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const realmFile = path.join(root, 'infra/keycloak/realm-thuismonitor.json');
const demoFile = path.join(root, 'apps/api/src/demo/demo-data.ts');
const API_CLIENT = 'thuismonitor-api';
const DEMO_PASSWORD = 'demo'; // demo/test realm only, see docs/deployment.md

function loadDemoAccounts() {
  const require = createRequire(demoFile);
  const { transformSync } = require('@swc/core');
  const { code } = transformSync(fs.readFileSync(demoFile, 'utf8'), {
    filename: demoFile,
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
    swcrc: false,
  });
  const module = { exports: {} };
  vm.runInThisContext(`(function (exports, require, module) {${code}\n})`, { filename: demoFile })(
    module.exports,
    require,
    module,
  );
  if (!Array.isArray(module.exports.DEMO_ACCOUNTS)) throw new Error(`${demoFile}: no DEMO_ACCOUNTS export`);
  return module.exports.DEMO_ACCOUNTS;
}

function toKeycloakUser(account) {
  const naam = account.naam.trim();
  const space = naam.indexOf(' ');
  // "Lotte van Dijk" -> firstName "Lotte", lastName "van Dijk"; the `name` claim joins them again.
  const firstName = space < 0 ? naam : naam.slice(0, space);
  const lastName = space < 0 ? '' : naam.slice(space + 1);
  return {
    username: account.username,
    enabled: true,
    email: account.email,
    emailVerified: true,
    firstName,
    lastName,
    attributes: { organisatie: [account.organisatie] },
    credentials: [{ type: 'password', value: DEMO_PASSWORD, temporary: false }],
    clientRoles: { [API_CLIENT]: [...account.rollen] },
  };
}

const realm = JSON.parse(fs.readFileSync(realmFile, 'utf8'));
const accounts = loadDemoAccounts();
const knownRoles = new Set((realm.roles?.client?.[API_CLIENT] ?? []).map((r) => r.name));
for (const a of accounts) {
  for (const rol of a.rollen) {
    if (!knownRoles.has(rol))
      throw new Error(`${a.username}: role "${rol}" is not a client role of ${API_CLIENT}`);
  }
}
const users = accounts.map(toKeycloakUser);
const upToDate = isDeepStrictEqual(realm.users, users);

async function format(json) {
  try {
    const prettier = createRequire(path.join(root, 'package.json'))('prettier');
    const options = (await prettier.resolveConfig(realmFile)) ?? {};
    return await prettier.format(json, { ...options, filepath: realmFile });
  } catch {
    return json + '\n';
  }
}

if (process.argv.includes('--check')) {
  if (!upToDate) {
    console.error(
      `${path.relative(root, realmFile)} is out of date with DEMO_ACCOUNTS; run: node infra/keycloak/sync-realm-users.mjs`,
    );
    process.exit(1);
  }
  console.log(`realm users match DEMO_ACCOUNTS (${users.length} accounts)`);
} else if (!upToDate) {
  fs.writeFileSync(realmFile, await format(JSON.stringify({ ...realm, users }, null, 2)));
  console.log(`wrote ${users.length} users to ${path.relative(root, realmFile)}`);
} else {
  console.log('realm users already up to date');
}
