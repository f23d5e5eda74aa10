import { lint } from './support/lint';

/**
 * The clock rule (eslint.config.mjs, `thuismonitor/klok`): "now" and "today" come from the Klok
 * (apps/api/src/common/klok.ts), so `new Date()` and `Date()` without arguments fail `npm run lint`
 * in the API and the libs, outside the clock itself and tests. Lints snippets with the
 * repository's own configuration (as lint-scoped-db.spec.ts does).
 */
const SNIPPETS: Record<string, { code: string; filePath: string }> = {
  vandaagInService: {
    filePath: 'apps/api/src/voorbeeld/voorbeeld.service.ts',
    code: `
      import { vandaagInAmsterdam } from '@thuismonitor/domain';
      export const vandaag = () => vandaagInAmsterdam(new Date());
      export const stempel = () => Date();`,
  },
  inDomein: {
    filePath: 'libs/domain/src/voorbeeld.ts',
    code: `export const jaar = (): number => new Date().getFullYear();`,
  },
  inDatabase: {
    filePath: 'apps/api/src/database/voorbeeld.ts',
    code: `export const nu = () => new Date();`,
  },
  metArgument: {
    filePath: 'apps/api/src/voorbeeld/voorbeeld.service.ts',
    code: `
      export const dag = (ms: number) => new Date(ms).toISOString();
      export const vast = new Date('2030-04-01T00:00:00Z');
      export const duur = (start: number) => Date.now() - start;`,
  },
  inTest: {
    filePath: 'apps/api/src/voorbeeld/voorbeeld.spec.ts',
    code: `export const nu = new Date();`,
  },
};

/** Where "today" was taken from the system clock before the Klok (issue 15). */
const EERDER = [
  'apps/api/src/common/klok.ts',
  'apps/api/src/kwartaalcijfer/kwartaalcijfer.service.ts',
  'apps/api/src/database/prepare-database.ts',
  'apps/api/src/jobs/systeem-heartbeat.handler.ts',
  'apps/api/src/nieuwbouw/nieuwbouw.service.ts',
  'apps/api/src/rapportage/rapportage.jobs.ts',
  'apps/api/src/rapportage/rapportage.service.ts',
  'apps/api/src/voortgang/voortgang.service.ts',
  'apps/api/src/toewijzing/bewaartermijn.handler.ts',
  'apps/api/src/toewijzing/toewijzing-import.service.ts',
  'apps/api/src/toewijzing/toewijzing.service.ts',
  'apps/api/src/taakstelling/statushouders.service.ts',
  'apps/api/src/taakstelling/statushouders-toezicht.service.ts',
  'apps/api/src/prestatieafspraak/overleg.service.ts',
  'apps/api/src/prestatieafspraak/cyclus-kalender.service.ts',
  'apps/api/src/voortgang/voortgang-antwoord.middleware.ts',
  'apps/api/src/volkshuisvesting/programma.service.ts',
  'apps/api/src/volkshuisvesting/regime.resolver.ts',
];

const KLOK = /^thuismonitor\/klok: Ask the clock/;
let uitslag: Record<string, string[]> = {};
let bestanden: string[] = [];

beforeAll(() => {
  const namen = Object.keys(SNIPPETS);
  const r = lint({ snippets: namen.map((n) => SNIPPETS[n]), files: EERDER });
  uitslag = Object.fromEntries(namen.map((n, i) => [n, r.snippets[i]]));
  bestanden = r.files;
}, 180_000);

describe('lint: "now" and "today" only from the clock', () => {
  it('refuses new Date() and Date() without arguments in a service, in libs/domain and in database/', () => {
    expect(uitslag.vandaagInService.filter((x) => KLOK.test(x))).toHaveLength(2);
    expect(uitslag.inDomein).toEqual([expect.stringMatching(KLOK)]);
    expect(uitslag.inDatabase).toEqual([expect.stringMatching(KLOK)]);
  });

  it('allows a Date made from a value, Date.now() for durations, and tests', () => {
    expect(uitslag.metArgument).toEqual([]);
    expect(uitslag.inTest).toEqual([]);
  });

  it('the clock itself and the places that read the system clock before now pass', () => {
    expect(bestanden).toEqual([]);
  });
});
