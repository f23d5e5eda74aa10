// Lint: correctness rules (formatting is prettier's job), plus one tenancy rule: ScopedDb
// (apps/api/src/database/) is the only way into Postgres, so nothing else may get hold of a
// DataSource or inject an EntityManager (apps/api/test/lint-scoped-db.spec.ts proves it fires).
import path from 'node:path';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const GEEN_DATASOURCE =
  'Use ScopedDb (apps/api/src/database/scoped-db.service.ts): it is the only way into Postgres (requests: transaction, jobs: snapshot/jobTransaction, reference data: publiek). Take an EntityManager only as a parameter handed down from it.';

// also `import type { DataSource }`: the path entry for EntityManager allows type imports
const GEEN_DATASOURCE_SYNTAX = [
  {
    selector:
      "ImportDeclaration[source.value='typeorm'] ImportSpecifier[imported.name=/^(DataSource|Connection|QueryRunner|Repository)$/]",
    message: GEEN_DATASOURCE,
  },
  {
    selector:
      "MethodDefinition[kind='constructor'] TSTypeReference[typeName.name=/^(DataSource|EntityManager|QueryRunner|Repository)$/]",
    message: GEEN_DATASOURCE,
  },
  {
    selector:
      'Decorator CallExpression[callee.name=/^(InjectDataSource|InjectEntityManager|InjectRepository)$/]',
    message: GEEN_DATASOURCE,
  },
  {
    selector:
      "Decorator CallExpression[callee.name='Inject'] > Identifier[name=/^(DataSource|EntityManager)$/]",
    message: GEEN_DATASOURCE,
  },
];

const ALLEEN_JOBS =
  'ScopedDb job paths (snapshot, jobTransaction, systeemContext, alsInSnapshot) are for job handlers only (*.jobs.ts, *.handler.ts, apps/api/src/jobs/): a request uses transaction(ctx) with its own principal.';

// The clock rule: "today" and "now" come from the Klok (apps/api/src/common/klok.ts), so tests can
// fix the date and rules take it as a parameter. A rule of its own (not no-restricted-syntax, whose
// per-directory lists above would each have to repeat it); apps/api/test/lint-klok.spec.ts proves it fires.
const GEEN_SYSTEEMKLOK =
  'Ask the clock: inject Klok (apps/api/src/common/klok.ts) and use klok.vandaag() for today or klok.nu() for now; rules in libs/domain take the date as a parameter. Durations may use Date.now() differences; record timestamps come from Postgres now().';
// The SQL rule: SQL lives in repositories (`*.repository.ts`, typed through apps/api/src/database/query.ts)
// and migrations; services ask a repository. apps/api/test/lint-sql.spec.ts proves it fires.
const SQL_IN_REPOSITORY =
  "SQL belongs in the feature's repository (*.repository.ts): build it there with qb/sql from apps/api/src/database/query.ts and run it with voerUit, and call the repository from the service.";
// The boundaries rule: apps may use libs, libs never use apps, libs/domain never uses libs/auth, and a
// feature folder of apps/api/src is used by other folders only through its public index.ts.
// apps/api/test/lint-grenzen.spec.ts proves it fires.
const FEATURES = [
  'beheer',
  'bod',
  'demo',
  'evaluatie',
  'gebied',
  'kwartaalcijfer',
  'nieuwbouw',
  'organisatie',
  'prestatieafspraak',
  'publicatie',
  'rapportage',
  'referentie',
  'taakstelling',
  'toewijzing',
  'urgentie',
  'volkshuisvesting',
  'voortgang',
  'woondeal',
];
const API_SRC = path.join(import.meta.dirname, 'apps/api/src');
const LIBS = path.join(import.meta.dirname, 'libs');
const APPS = path.join(import.meta.dirname, 'apps');
function grensFout(bestand, bron) {
  const inLib = bestand.startsWith(LIBS + path.sep);
  if (!bron.startsWith('.')) {
    if (inLib && /^@thuismonitor\/(api|web)(\/|$)/.test(bron))
      return 'A lib never uses an app: move what both need into the lib.';
    if (bestand.startsWith(path.join(LIBS, 'domain') + path.sep) && /^@thuismonitor\/auth(\/|$)/.test(bron))
      return 'libs/domain does not use libs/auth: the rules sit below the permissions.';
    return null;
  }
  const doel = path.resolve(path.dirname(bestand), bron);
  if (inLib && doel.startsWith(APPS + path.sep))
    return 'A lib never uses an app: move what both need into the lib.';
  if (!bestand.startsWith(API_SRC + path.sep) || !doel.startsWith(API_SRC + path.sep)) return null;
  const [map, ...rest] = path.relative(API_SRC, doel).split(path.sep);
  const eigen = path.relative(API_SRC, bestand).split(path.sep);
  if (!FEATURES.includes(map) || rest.length === 0 || (eigen.length > 1 && eigen[0] === map)) return null;
  // the Nest module is a feature's other public face (modules import modules); it stays out of the
  // index so that using a feature's types or services does not load its whole module graph
  if (rest.length === 1 && rest[0] === `${map}.module`) return null;
  return `apps/api/src/${map} is a feature: import it through its public index ('${path.relative(path.dirname(bestand), path.join(API_SRC, map))}'), and export what you need there.`;
}
const thuismonitor = {
  rules: {
    grenzen: {
      meta: { type: 'problem', schema: [], messages: { grens: '{{tekst}}' } },
      create(context) {
        const controleer = (n) => {
          if (!n.source || typeof n.source.value !== 'string') return;
          const tekst = grensFout(context.filename, n.source.value);
          if (tekst) context.report({ node: n.source, messageId: 'grens', data: { tekst } });
        };
        return {
          ImportDeclaration: controleer,
          ExportNamedDeclaration: controleer,
          ExportAllDeclaration: controleer,
          ImportExpression: controleer,
        };
      },
    },
    'sql-in-repository': {
      meta: { type: 'problem', schema: [], messages: { sql: SQL_IN_REPOSITORY } },
      create(context) {
        return {
          // m.query('…'), runner.query(…): raw SQL on a connection
          CallExpression(n) {
            if (
              n.callee.type === 'MemberExpression' &&
              !n.callee.computed &&
              n.callee.property.name === 'query'
            ) {
              context.report({ node: n, messageId: 'sql' });
            }
          },
          // Kysely's sql`…`
          TaggedTemplateExpression(n) {
            if (n.tag.type === 'Identifier' && n.tag.name === 'sql')
              context.report({ node: n, messageId: 'sql' });
          },
          // the query builder itself
          ImportDeclaration(n) {
            if (n.source.value === 'kysely' || /\/database\/query$/.test(n.source.value)) {
              context.report({ node: n, messageId: 'sql' });
            }
          },
        };
      },
    },
    klok: {
      meta: { type: 'problem', schema: [], messages: { klok: GEEN_SYSTEEMKLOK } },
      create(context) {
        const isDate = (n) => n.callee.type === 'Identifier' && n.callee.name === 'Date';
        return {
          // new Date() is now; Date() without new is now as a string
          NewExpression(n) {
            if (isDate(n) && n.arguments.length === 0) context.report({ node: n, messageId: 'klok' });
          },
          CallExpression(n) {
            if (isDate(n)) context.report({ node: n, messageId: 'klok' });
          },
        };
      },
    },
  },
};

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      'node_modules/**',
      '.nx/**',
      '.data/**',
      'artifacts/**',
      'apps/web/dist/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        fetch: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        Buffer: 'readonly',
        __dirname: 'readonly',
        require: 'readonly',
        module: 'writable',
        TextEncoder: 'readonly',
        Headers: 'readonly',
        Response: 'readonly',
        document: 'readonly',
        window: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    files: ['apps/api/src/**/*.ts', 'libs/**/*.ts'],
    ignores: ['apps/api/src/database/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'typeorm',
              importNames: ['DataSource', 'Connection', 'QueryRunner', 'Repository'],
              message: GEEN_DATASOURCE,
            },
            // as a type of a parameter handed down from ScopedDb it is fine; as a value it is injectable
            {
              name: 'typeorm',
              importNames: ['EntityManager'],
              allowTypeImports: true,
              message: GEEN_DATASOURCE,
            },
            {
              name: '@nestjs/typeorm',
              importNames: [
                'InjectDataSource',
                'InjectEntityManager',
                'InjectRepository',
                'getDataSourceToken',
                'getEntityManagerToken',
              ],
              message: GEEN_DATASOURCE,
            },
          ],
        },
      ],
      'no-restricted-syntax': ['error', ...GEEN_DATASOURCE_SYNTAX],
    },
  },
  {
    files: ['apps/api/src/**/*.ts', 'libs/**/*.ts'],
    // the clock itself; tests make their own instants
    ignores: ['apps/api/src/common/klok.ts', '**/*.spec.ts'],
    plugins: { thuismonitor },
    rules: { 'thuismonitor/klok': 'error' },
  },
  {
    // the job paths of ScopedDb (read-only snapshot under a job's scope, a job's own writes, the
    // system principal, switching principal inside a snapshot) belong to jobs: a request handler
    // that called them would leave its principal's scope. Same selectors as above, plus this one.
    files: ['apps/api/src/**/*.ts'],
    ignores: [
      'apps/api/src/database/**',
      'apps/api/src/jobs/**',
      'apps/api/src/**/*.jobs.ts',
      'apps/api/src/**/*.handler.ts',
      'apps/api/src/rapportage/rapportage-opslag.service.ts',
    ],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...GEEN_DATASOURCE_SYNTAX,
        {
          selector:
            'CallExpression[callee.property.name=/^(jobTransaction|snapshot|systeemContext|alsInSnapshot)$/]',
          message: ALLEEN_JOBS,
        },
      ],
    },
  },
  {
    files: ['apps/api/src/**/*.ts'],
    ignores: [
      'apps/api/src/**/*.repository.ts',
      'apps/api/src/database/**',
      'apps/api/src/**/migrations/**',
      '**/*.spec.ts',
    ],
    plugins: { thuismonitor },
    rules: { 'thuismonitor/sql-in-repository': 'error' },
  },
  {
    files: ['apps/**/*.ts', 'apps/**/*.tsx', 'libs/**/*.ts'],
    plugins: { thuismonitor },
    rules: { 'thuismonitor/grenzen': 'error' },
  },
);
