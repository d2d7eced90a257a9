// ESLint for the whole tree: `npm run lint` runs it with Prettier's check and the compilers'.
// TypeScript is linted with type information (the workspaces' tsconfig files) so that a promise
// nobody awaits, an await of a plain value, or an async callback where a plain one is expected
// fails the lint. Prettier owns the layout: eslint-config-prettier comes last.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores([
    '**/node_modules/',
    '**/dist/',
    '**/coverage/',
    'var/',
    'e2e/artifacts/',
    'bench/results/',
    'frontend/src/api/schema.d.ts',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    // `_name` marks a parameter or a loop variable unused on purpose; a property split off a `...rest` is unused by design.
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      // seed/ and migrations/ are compiled by backend/tsconfig.json, which has no tsconfig of their own to find.
      parserOptions: {
        project: ['backend/tsconfig.json', 'frontend/tsconfig.json', 'e2e/tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // Database rows, JSON bodies and jest matchers are `any` at the boundary; typing each access would be a rewrite, not a fix.
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Props and test doubles declare callbacks as methods; they are called unbound by design and none uses `this`.
      '@typescript-eslint/unbound-method': 'off',
      // An async implementation of a Promise-returning interface turns a throw into a rejection; dropping `async` would change that.
      '@typescript-eslint/require-await': 'off',
      // Domain exceptions carry their code as a string; comparing it with a module's code enum is the intended check.
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',
      // `'known' | 'values' | string` documents the known values of an open set returned by the API.
      '@typescript-eslint/no-redundant-type-constituents': 'off',
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', 'e2e/**/*.ts', 'backend/src/testing/**/*.ts'],
    // Tests read JSON bodies, OpenAPI documents and tiles as they come over the wire: their type is what the test checks.
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // The plain-Node scripts have no tsconfig; TypeScript infers their types well enough to find an unawaited promise.
    files: ['scripts/*.mjs', 'bench/*.mjs', 'bench/*/*.mjs'],
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['scripts/*.mjs', 'bench/*.mjs', 'bench/*/*.mjs'],
          maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: 20,
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    files: ['**/*.cjs', 'backend/jest*.js', 'e2e/jest.config.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['frontend/src/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
    languageOptions: { globals: { ...globals.browser } },
  },
  prettier,
);
