// Two tiers. `unit`: every test that runs in-process, starting no program (npm run
// test:unit). `e2e`: the tests that run programs as processes: the action as the GitHub
// runner runs it (the bundle of the current src/, made ready once, before the tier, by
// its global setup), the harness's own fixture actions, and the project's command-line
// tools (the simulator, the release script, the workflow linter). `npm test` runs both.
//
// Tests are TypeScript, run as ESM. swc strips the types, file by file (types are checked
// by `npm run typecheck`). On a fresh clone Jest's cache is empty and every worker
// transpiles what it imports; TypeScript's own compiler made that about 25 s of CPU
// time more than swc on a two-core machine (docs/benchmarks.md). ts-jest-resolver maps the
// `.js` in NodeNext imports to the `.ts` file.
const typescript = {
  testEnvironment: 'node',
  resolver: 'ts-jest-resolver',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }]
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
  // More files open than cores: an end-to-end file spends most of its time waiting (on
  // the action's 5 s status checks, its deadlines, the programs it starts), and the
  // cores stay busy only when other files run beside it. Each worker costs its own
  // start-up and adds contention, so not many more: npm run bench -- tests measures the
  // suite (docs/benchmarks.md). `npm run test:unit`, CPU-bound, runs one worker a core.
  maxWorkers: 7,
  testSequencer: '<rootDir>/__tests__/support/sequencer.mjs',
  testTimeout: 60000,
  // Within a file, end-to-end tests run concurrently: most of their time is spent waiting
  // on the action's polls, retries and deadlines.
  maxConcurrency: 12
}
