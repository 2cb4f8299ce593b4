// Orders test files so that those that wait longest start first. Jest's own order uses the
// durations of earlier runs, but a fresh clone has none, and it then goes by file size:
// a small file of end-to-end scenarios that wait out 30 s timeouts would start last and
// finish well after everything else. End-to-end files go first, slowest first; the rest
// follow in Jest's usual order.
import Sequencer from '@jest/test-sequencer'

/** Files that run the bundled action and wait on real polls, back-offs and timeouts. */
const WAITS_LONGEST = [
  '/e2e/predictive.test.ts',
  '/e2e/deadlines.test.ts',
  '/e2e/outages.test.ts',
  '/e2e/network.test.ts',
  '/e2e/results.test.ts',
  '/e2e/reliability.test.ts',
  '/e2e/run.test.ts',
  '/report/pr-comment.test.ts',
  '/runner-harness.test.ts'
]

function rank(path) {
  const index = WAITS_LONGEST.findIndex((suffix) => path.replaceAll('\\', '/').endsWith(suffix))
  if (index >= 0) return index
  return path.includes('/e2e/') ? WAITS_LONGEST.length : WAITS_LONGEST.length + 1
}

export default class SlowFirstSequencer extends Sequencer {
  sort(tests) {
    const usual = super.sort(tests)
    const position = new Map(usual.map((test, i) => [test, i]))
    return [...usual].sort((a, b) => rank(a.path) - rank(b.path) || position.get(a) - position.get(b))
  }
}
