import { setFlagsFromString } from 'node:v8'
import * as core from '@actions/core'
import { errorMessage } from './errors.js'
import { run } from './main.js'
import { redactRegistered } from './redact.js'

// Downloads stream gigabytes through short-lived buffers. Left to grow, V8's young
// generation lets ~40 MiB of them pile up between collections; keeping it small holds
// a 1 GiB download's peak memory near 115 MiB instead of 150 (`npm run bench`).
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
