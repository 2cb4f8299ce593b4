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
  // End-to-end files mostly wait: on the action's 5-second polls, on retry back-offs and on
  // request timeouts. Jest's default on 2 cores is one worker, which runs those waits one file
  // after another; four workers overlap them. CPU is not the limit (user+sys time is about
  // half the wall time), so more workers than cores is right here.
  maxWorkers: 4,
  // Within a file, end-to-end tests run concurrently for the same reason.
  maxConcurrency: 12,
  // The files that wait longest start first, even on a fresh clone with no timings yet.
  testSequencer: '<rootDir>/__tests__/support/slow-first-sequencer.mjs'
}
