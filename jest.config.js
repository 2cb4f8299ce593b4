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
  // and spend most of their time idle. With four workers they left one worker for all
  // the CPU-bound files: 129-139 s on 2 cores. Seven leave four busy workers beside them
  // and keep both cores full: 105-111 s, against 129 s with five on the same machine.
  // From there the suite is CPU-bound (about 210 s of CPU, half of it some 270 starts of
  // the bundle), so more workers buy nothing.
  maxWorkers: 7,
  // Within a file, end-to-end tests run concurrently: most of their time is spent waiting
  // on the action's polls, retries and deadlines.
  maxConcurrency: 12,
  // The files that wait longest start first, even on a fresh clone with no timings yet.
  testSequencer: '<rootDir>/__tests__/support/slow-first-sequencer.mjs'
}
