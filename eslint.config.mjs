import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default [
  {
    ignores: [
      '**/dist',
      '**/node_modules',
      '**/.local',
      '**/.nx',
      '**/tmp',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
    ],
  },
  ...tseslint.configs.recommended,
  prettier,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: ['type:contracts', 'type:data-access', 'type:util'],
            },
            {
              sourceTag: 'type:data-access',
              onlyDependOnLibsWithTags: ['type:contracts', 'type:data-access', 'type:util'],
            },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:util'] },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util', 'type:contracts'] },
            {
              sourceTag: 'type:testing',
              onlyDependOnLibsWithTags: ['type:contracts', 'type:data-access', 'type:util'],
            },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            {
              sourceTag: 'type:tool',
              onlyDependOnLibsWithTags: ['type:contracts', 'type:data-access', 'type:util', 'type:testing'],
            },
          ],
        },
      ],
    },
  },
  {
    // FerretDB 2 has no multi-document transactions and keeps the writes made inside a failed one: state and
    // its events go in one single-document write (the outbox), never in a session with a transaction.
    files: ['**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression[callee.property.name=/^(startTransaction|withTransaction|startSession|transaction)$/]',
          message:
            'no transactions or sessions: FerretDB 2 has none and keeps the writes of a failed one; write state and its events in one document (docs/architecture.md)',
        },
      ],
    },
  },
  {
    // Tests may use the testing lib; production code may not.
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/test/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  {
    // The domain layer is pure TypeScript: no framework, driver or broker.
    files: ['services/*/src/modules/*/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@nestjs/*', 'mongoose', 'kafkajs', '@sangathan/messaging', '@sangathan/persistence'],
              message: 'domain/ must stay framework-free',
            },
          ],
        },
      ],
    },
  },
  {
    // Use cases reach adapters only through the ports the application declares (Nest injects the adapter):
    // commands | queries | events → application → domain, with infrastructure implementing application/ports.
    files: [
      'services/*/src/modules/*/commands/**/*.ts',
      'services/*/src/modules/*/queries/**/*.ts',
      'services/*/src/modules/*/events/**/*.ts',
      'services/*/src/modules/*/application/**/*.ts',
    ],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/infrastructure/**', '**/infrastructure'],
              message:
                'commands, queries, events and application depend on application/ports, not on infrastructure/ (docs/CONVENTIONS-FOR-CONTRIBUTORS.md)',
            },
          ],
        },
      ],
    },
  },
];
