// ESLint flat config: eslint recommended, typescript-eslint with type information
// (projectService, so src/, sim/, script/ and __tests__/ are all type-checked through
// tsconfig.json), jest for the tests, and Prettier last so that layout is Prettier's alone.
import js from '@eslint/js'
import { defineConfig } from 'eslint/config'
import prettier from 'eslint-config-prettier/flat'
import jest from 'eslint-plugin-jest'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default defineConfig(
  {
    ignores: ['dist/', 'node_modules/', 'coverage/', '.tmp/']
  },

  js.configs.recommended,

  // All TypeScript (src, sim, script, __tests__), type-checked.
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname
      },
      globals: { ...globals.node }
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
    }
  },

  // The action itself: every function states what it returns.
  {
    files: ['src/**/*.ts'],
    rules: {
      '@typescript-eslint/explicit-function-return-type': ['error', { allowExpressions: true }]
    }
  },

  // Test doubles in the tests and in the benchmark script.
  {
    files: ['__tests__/**/*.ts', 'script/**/*.ts'],
    rules: {
      // Fakes stand in for async interfaces (client, sleep) and are written `async` so that
      // they behave like the real thing (a throw becomes a rejection) even without an await.
      '@typescript-eslint/require-await': 'off'
    }
  },

  // Tests.
  {
    files: ['__tests__/**/*.ts'],
    extends: [jest.configs['flat/recommended']],
    rules: {
      // Jest's asymmetric matchers (expect.any, expect.stringContaining, ...) are typed `any`,
      // so every toEqual/toMatchObject pattern that uses one would be reported.
      '@typescript-eslint/no-unsafe-assignment': 'off'
    }
  },

  // The fixture actions that the runner harness executes are plain Node ES modules.
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: {
      sourceType: 'module',
      globals: { ...globals.node }
    }
  },

  prettier
)
