// Lint is part of `npm test`. House rules: apps never import apps, libs never import apps,
// libs are used through their public entry, no import cycles, every promise handled.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const apps = ['web', 'job-posting', 'worker-profile', 'matching', 'worker'];

const appBoundaries = apps.map((app) => ({
  files: [`apps/${app}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: [
          {
            name: 'class-validator',
            importNames: ['ValidateNested'],
            message: 'Use NestedObject / NestedArrayOf from @lingong/domain: they also refuse a list or text where an object belongs.',
          },
        ],
        patterns: [
          {
            regex: `(^|/)(apps/)?(${apps.filter((other) => other !== app).join('|')})/src(/|$)`,
            message: 'Apps never import other apps: meet through the database (read only), the outbox and queues, or HTTP.',
          },
          { regex: '^@lingong/[^/]+/', message: 'Import a lib through its public entry (@lingong/name).' },
        ],
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '**/*.js', '**/*.cjs', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })] },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'import-x/no-cycle': 'error',
    },
  },
  {
    // The client's build configuration runs in Node, type-checked by its own tsconfig.
    files: ['apps/web/client/*.mts', 'apps/web/client/build/**/*.mts'],
    languageOptions: { parserOptions: { projectService: false, project: './apps/web/client/tsconfig.node.json', tsconfigRootDir: import.meta.dirname } },
  },
  ...appBoundaries,
  {
    files: ['libs/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '(^|/)apps/', message: 'Libs never import apps.' }, { regex: '^@lingong/[^/]+/', message: 'Import a lib through its public entry.' }] },
      ],
    },
  },
  {
    // Pure libraries: no framework, no database, no Redis.
    files: ['libs/domain/**/*.ts', 'libs/matching-engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(@nestjs/|typeorm|ioredis|bullmq|pg$)', message: 'This library stays pure: no I/O, no framework.' }] },
      ],
    },
  },
  prettier,
);
