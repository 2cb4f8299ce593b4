// Two tiers. `unit`: every test that runs in-process, starting no program (npm run
// test:unit). `e2e`: the tests that run programs as processes: the action as the GitHub
// runner runs it (the bundle of the current src/, made ready once, before the tier, by
// its global setup), the harness's own fixture actions, and the project's command-line
// tools (the simulator, the release script, the workflow linter). `npm test` runs both.
const typescript = {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  resolver: 'ts-jest-resolver',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }]
  }
}

const END_TO_END = ['<rootDir>/__tests__/e2e/', '<rootDir>/__tests__/harness/', '<rootDir>/__tests__/programs/']

export default {
  projects: [
    {
      ...typescript,
      displayName: 'unit',
      testMatch: ['<rootDir>/__tests__/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', ...END_TO_END]
    },
    {
      ...typescript,
      displayName: 'e2e',
      testMatch: END_TO_END.map((folder) => `${folder}**/*.test.ts`),
      globalSetup: '<rootDir>/__tests__/e2e/global-setup.mjs'
    }
  ],
  // One worker a core: the unit tier is CPU-bound, and the end-to-end files overlap
  // their waits within themselves (maxConcurrency), not across workers.
  maxWorkers: 7,
  testSequencer: '<rootDir>/__tests__/support/sequencer.mjs',
  testTimeout: 60000,
  // Within a file, end-to-end tests run concurrently: most of their time is spent waiting
  // on the action's polls, retries and deadlines.
  maxConcurrency: 12
}
