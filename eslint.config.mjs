// Lint: correctness rules (formatting is prettier's job), plus one tenancy rule: ScopedDb
// (apps/api/src/database/) is the only way into Postgres, so nothing else may get hold of a
// DataSource or inject an EntityManager (apps/api/test/lint-scoped-db.spec.ts proves it fires).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const GEEN_DATASOURCE =
  'Use ScopedDb (apps/api/src/database/scoped-db.service.ts): it is the only way into Postgres (requests: transaction, jobs: snapshot/jobTransaction, reference data: publiek). Take an EntityManager only as a parameter handed down from it.';

export default tseslint.config(
  { ignores: ['**/dist/**', 'node_modules/**', '.nx/**', '.data/**', 'artifacts/**', 'apps/web/dist/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', fetch: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', Buffer: 'readonly', __dirname: 'readonly', require: 'readonly', module: 'writable', TextEncoder: 'readonly', Headers: 'readonly', Response: 'readonly', document: 'readonly', window: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
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
            { name: 'typeorm', importNames: ['EntityManager'], allowTypeImports: true, message: GEEN_DATASOURCE },
            {
              name: '@nestjs/typeorm',
              importNames: ['InjectDataSource', 'InjectEntityManager', 'InjectRepository', 'getDataSourceToken', 'getEntityManagerToken'],
              message: GEEN_DATASOURCE,
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        // also `import type { DataSource }`: the path entry for EntityManager allows type imports
        {
          selector: "ImportDeclaration[source.value='typeorm'] ImportSpecifier[imported.name=/^(DataSource|Connection|QueryRunner|Repository)$/]",
          message: GEEN_DATASOURCE,
        },
        {
          selector: "MethodDefinition[kind='constructor'] TSTypeReference[typeName.name=/^(DataSource|EntityManager|QueryRunner|Repository)$/]",
          message: GEEN_DATASOURCE,
        },
        {
          selector: "Decorator CallExpression[callee.name=/^(InjectDataSource|InjectEntityManager|InjectRepository)$/]",
          message: GEEN_DATASOURCE,
        },
        {
          selector: "Decorator CallExpression[callee.name='Inject'] > Identifier[name=/^(DataSource|EntityManager)$/]",
          message: GEEN_DATASOURCE,
        },
      ],
    },
  },
);
