// The order test files start in. Jest's own order (the durations of earlier runs, or,
// on a fresh clone, file size) knows nothing of waiting; here the files that mostly
// wait start first, so their waits overlap the rest of the suite's work:
//   1. e2e/long-waits/: scenarios that wait out the action's own deadlines (a 30 s
//      request deadline, an outage's back-offs), each nearly a minute of idling;
//   2. the rest of the end-to-end tier (jest.config.js's `e2e` project), which waits on
//      the action's 5 s status checks and on the programs it starts;
//   3. the unit tier, short and CPU-bound, which fills the cores in between.
// Within each group, Jest's own order.
import Sequencer from '@jest/test-sequencer'

function group(test) {
  if (test.path.replaceAll('\\', '/').includes('/__tests__/e2e/long-waits/')) return 0
  return test.context.config.displayName?.name === 'e2e' ? 1 : 2
}

export default class WaitsFirst extends Sequencer {
  sort(tests) {
    const usual = super.sort(tests)
    const position = new Map(usual.map((test, i) => [test, i]))
    return [...usual].sort((a, b) => group(a) - group(b) || position.get(a) - position.get(b))
  }
}
