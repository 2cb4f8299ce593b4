import { setFlagsFromString } from 'node:v8'
import * as core from '@actions/core'
import { errorMessage } from './errors.js'
import { run } from './main.js'
import { redactRegistered } from './redact.js'

// Downloads stream gigabytes through short-lived buffers. Left to grow, V8's young
// generation lets tens of MiB of them pile up between collections; keeping it at its
// first size keeps the peaks of `npm run bench -- downloads` (one 1 GiB file; 1,000
// files, 8 at once) under its 150 MiB goal, which the 1,000 files went over without it
// (docs/benchmarks.md has the current figures).
// Node warns that flags changed after start may act unpredictably; this one is set
// before the step does any work and only sizes the young generation, the bench and the
// download tests run with it, and an action cannot pass Node flags any other way
// (runs.using starts the bundle with none, and NODE_OPTIONS is the workflow's).
setFlagsFromString('--semi-space-growth-factor=1')

// Anything that escapes run() must not print a whole error object (an HTTP error's
// config holds the credentials): only its message, with secrets scrubbed.
const lastResort = (error: unknown): void => {
  core.setFailed(redactRegistered(`Unexpected error: ${errorMessage(error)}`))
  process.exit(1)
}
process.on('uncaughtException', lastResort)
process.on('unhandledRejection', lastResort)

// The main step. The post step has an entry point of its own (src/post.ts,
// `runs.post` in action.yml), so nothing printed can turn one into the other.
await run()
