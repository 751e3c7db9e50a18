// @ts-check
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

/** A relative import that reaches into one of the named top-level folders. */
const intoFolders = (/** @type {string[]} */ folders) => `^(\\.{1,2}/)+(${folders.join('|')})(/|$)`;

/**
 * Layer boundaries (BRIEF §4 and §7), enforced here rather than hoped for:
 * shared/ is pure; renderer/ never reaches electron/ or server/; electron/
 * never reaches renderer/. tooling/lint-boundaries.test.ts proves each rule bites.
 */
const boundaries = [
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeBuiltins.map((name) => ({ name, message: 'shared/ is pure TypeScript: no Node built-ins.' })),
            ...['react', 'react-dom', 'electron', 'dexie', 'dexie-react-hooks', 'zustand', 'fastify', 'pg', 'ws'].map(
              (name) => ({ name, message: `shared/ is pure TypeScript: no ${name}.` }),
            ),
          ],
          patterns: [
            {
              regex: '^(react|react-dom|electron|dexie|@fastify|@electric-sql)(/|$)',
              message: 'shared/ is pure TypeScript: no UI, desktop, storage or server libraries.',
            },
            { regex: intoFolders(['renderer', 'electron', 'server']), message: 'shared/ may not import app layers.' },
            { regex: '^#server/', message: 'shared/ may not import app layers.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'navigator',
          'localStorage',
          'sessionStorage',
          'indexedDB',
          'location',
          'fetch',
          'WebSocket',
          'process',
          'Buffer',
          'require',
          '__dirname',
          '__filename',
        ].map((name) => ({ name, message: `shared/ runs everywhere: ${name} is not available in every runtime.` })),
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer reaches the desktop only through the preload contract.' },
            ...nodeBuiltins.map((name) => ({ name, message: 'The renderer is a web page: no Node built-ins.' })),
          ],
          patterns: [
            { regex: intoFolders(['electron', 'server']), message: 'renderer/ may not import electron/ or server/.' },
            { regex: '^#server/', message: 'renderer/ may not import server/.' },
            { regex: '^(electron|fastify|pg|@fastify|@electric-sql)(/|$)', message: 'Not in the renderer.' },
            {
              regex: '(^|/)platform/(browser|desktop)(/|$)',
              message: 'Import "@platform": the platform is chosen at build time.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: intoFolders(['renderer', 'server']), message: 'electron/ may not import renderer/ or server/.' },
            { regex: '^#server/', message: 'electron/ may not import server/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: intoFolders(['renderer', 'electron']), message: 'server/ may not import app layers.' }] },
      ],
    },
  },
];

export default tseslint.config(
  {
    ignores: ['out/**', 'release/**', 'test-results/**', 'playwright-report/**', 'bench/results/**', '.tsbuild/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-ignore': 'allow-with-description' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/only-throw-error': 'error',
      // Callbacks are props and contract members passed around detached: declare them as properties.
      '@typescript-eslint/method-signature-style': ['error', 'property'],
      // An async function without await is how contract implementations return promises.
      '@typescript-eslint/require-await': 'off',
      eqeqeq: ['error', 'smart'],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: [
      'server/**/*.ts',
      'electron/**/*.ts',
      'tooling/**/*.ts',
      'bench/**/*.ts',
      'e2e/**/*.ts',
      'scripts/**/*.ts',
      '*.ts',
      '*.js',
    ],
    languageOptions: { globals: globals.node },
  },
  {
    // Vitest's asymmetric matchers (expect.any, expect.stringMatching) are typed `any`.
    files: ['**/*.test.ts', 'e2e/**/*.ts'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  ...boundaries,
);
