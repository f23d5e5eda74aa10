// One jest run, three projects: pure rules (domain), auth, and the API's integration tests
// against real Postgres/Redis. SWC transpiles TypeScript (with decorator metadata for NestJS)
// and also turns ESM-only dependencies such as jose into CommonJS.
const fs = require('node:fs');
const swc = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc.json`, 'utf8'));
delete swc.$schema;
const transform = { '^.+\\.(t|j|mj)s$': ['@swc/jest', { ...swc, swcrc: false }] };
const moduleNameMapper = {
  '^@thuismonitor/domain$': '<rootDir>/libs/domain/src/index.ts',
  '^@thuismonitor/auth$': '<rootDir>/libs/auth/src/index.ts',
};
const common = {
  rootDir: __dirname,
  transform,
  moduleNameMapper,
  transformIgnorePatterns: ['/node_modules/(?!(jose)/)'],
  testEnvironment: 'node',
};
module.exports = {
  // testTimeout is a global option (per-project values are ignored): integration tests start apps.
  testTimeout: 120000,
  // On 2 cores jest's default is one worker, which it runs in band: every test file in one process,
  // so what each file leaves behind (Nest apps' module graphs, compiled modules) adds up, and with
  // ~140 files that process hit V8's 4 GB heap limit in CI (session 5), thrashing in GC first so
  // the browser tests behind it timed out. With a limit jest runs the files in a worker and starts
  // a fresh one whenever a file leaves it above this much memory.
  workerIdleMemoryLimit: '1GB',
  // the default output, then the wall time and the slowest files (apps/api/test/support/duur-reporter.js)
  reporters: ['default', '<rootDir>/apps/api/test/support/duur-reporter.js'],
  projects: [
    { ...common, displayName: 'domain', testMatch: ['<rootDir>/libs/domain/src/**/*.spec.ts'] },
    { ...common, displayName: 'auth', testMatch: ['<rootDir>/libs/auth/src/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'api',
      testMatch: ['<rootDir>/apps/api/test/**/*.spec.ts', '<rootDir>/apps/api/src/**/*.spec.ts'],
      globalSetup: '<rootDir>/apps/api/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/apps/api/test/support/global-teardown.ts',
      testTimeout: 60000,
    },
    {
      // Browser tests: the API in-process with the built web app (apps/web/dist), Debian's Chromium
      // driven by playwright-core. scripts/test.mjs builds the web app first.
      ...common,
      displayName: 'web',
      testMatch: ['<rootDir>/apps/web/test/**/*.spec.ts'],
      globalSetup: '<rootDir>/apps/api/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/apps/api/test/support/global-teardown.ts',
      testTimeout: 120000,
    },
  ],
};
