// ts-jest in ESM mode: the action and its dependencies are ES modules.
export default {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  resolver: 'ts-jest-resolver',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }]
  },
  testTimeout: 60000,
  // The three files that wait longest (a 70 s run, 30 s deadlines, outages) start first
  // and spend most of their time idle; with four workers they left one worker for all the
  // CPU-bound files, and the suite took 129 s on 2 cores. Six leave three busy workers
  // beside them, which keeps both cores full (106 s). The suite is CPU-bound from there:
  // more workers only add boot time and contention.
  maxWorkers: 5,
  // Within a file, end-to-end tests run concurrently: most of their time is spent waiting
  // on the action's polls, retries and deadlines.
  maxConcurrency: 12,
  // The files that wait longest start first, even on a fresh clone with no timings yet.
  testSequencer: '<rootDir>/__tests__/support/slow-first-sequencer.mjs'
}
