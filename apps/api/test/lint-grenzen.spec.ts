import { lint } from './support/lint';

/**
 * The boundaries rule (eslint.config.mjs, `thuismonitor/grenzen`): a feature folder of apps/api/src
 * is used by other folders only through its public index.ts; libs never use apps; libs/domain never
 * uses libs/auth. Lints snippets with the repository's own configuration.
 */
const SNIPPETS: Record<string, { code: string; filePath: string }> = {
  diepInFeature: {
    filePath: 'apps/api/src/rapportage/voorbeeld.service.ts',
    code: `import { VoortgangService } from '../voortgang/voortgang.service';\nexport const x = VoortgangService;`,
  },
  typeDiepInFeature: {
    filePath: 'apps/api/src/rapportage/deel/voorbeeld.ts',
    code: `export type { PaRij } from '../../prestatieafspraak/prestatieafspraak.repository';`,
  },
  viaIndex: {
    filePath: 'apps/api/src/rapportage/voorbeeld.service.ts',
    code: `import { VoortgangService } from '../voortgang';\nexport const x = VoortgangService;`,
  },
  binnenEigenFeature: {
    filePath: 'apps/api/src/voortgang/deel/voorbeeld.ts',
    code: `import { VoortgangService } from '../voortgang.service';\nexport const x = VoortgangService;`,
  },
  kernDiep: {
    filePath: 'apps/api/src/voortgang/voorbeeld.ts',
    code: `import { isUuid } from '../common/id';\nimport { qb } from '../database/query';\nexport const x = [isUuid, qb];`,
  },
  moduleVanFeature: {
    filePath: 'apps/api/src/rapportage/rapportage.module.ts',
    code: `import { VoortgangModule } from '../voortgang/voortgang.module';\nexport const x = VoortgangModule;`,
  },
  rootViaIndex: {
    filePath: 'apps/api/src/voorbeeld.module.ts',
    code: `import { VoortgangModule } from './voortgang';\nexport const x = VoortgangModule;`,
  },
  libGebruiktApp: {
    filePath: 'libs/domain/src/voorbeeld.ts',
    code: `import { x } from '../../../apps/api/src/common/id';\nimport type { Y } from '@thuismonitor/api';\nexport const z = x as unknown as Y;`,
  },
  domeinGebruiktAuth: {
    filePath: 'libs/domain/src/voorbeeld.ts',
    code: `import { gemeenteScope } from '@thuismonitor/auth';\nexport const z = gemeenteScope;`,
  },
  authGebruiktDomein: {
    filePath: 'libs/auth/src/voorbeeld.ts',
    code: `import { vandaagInAmsterdam } from '@thuismonitor/domain';\nexport const z = vandaagInAmsterdam;`,
  },
};

const GRENS = /^thuismonitor\/grenzen: /;
let uitslag: Record<string, string[]> = {};

beforeAll(() => {
  const namen = Object.keys(SNIPPETS);
  const r = lint({ snippets: namen.map((n) => SNIPPETS[n]), files: [] });
  uitslag = Object.fromEntries(namen.map((n, i) => [n, r.snippets[i].filter((x) => GRENS.test(x))]));
}, 180_000);

describe('lint: module boundaries', () => {
  it('refuses an import into another feature past its index, naming the index to use', () => {
    expect(uitslag.diepInFeature).toEqual([
      expect.stringContaining("through its public index ('../voortgang')"),
    ]);
    expect(uitslag.typeDiepInFeature).toEqual([
      expect.stringContaining("through its public index ('../../prestatieafspraak')"),
    ]);
  });

  it('allows the index, the Nest module, files of the own feature, the shared kernel and the composition root', () => {
    expect(uitslag.viaIndex).toEqual([]);
    expect(uitslag.binnenEigenFeature).toEqual([]);
    expect(uitslag.kernDiep).toEqual([]);
    expect(uitslag.rootViaIndex).toEqual([]);
    // a Nest module imports another feature's module directly: the index leaves modules out
    expect(uitslag.moduleVanFeature).toEqual([]);
  });

  it('refuses a lib that uses an app, and libs/domain using libs/auth; auth may use domain', () => {
    expect(uitslag.libGebruiktApp).toHaveLength(2);
    expect(uitslag.domeinGebruiktAuth).toHaveLength(1);
    expect(uitslag.authGebruiktDomein).toEqual([]);
  });
});
