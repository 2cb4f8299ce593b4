import * as core from '@actions/core'
import { errorMessage } from './errors.js'
import { post } from './lifecycle/post.js'
import { redactRegistered } from './redact.js'

// The post step's own entry point (`runs.post` in action.yml): a bundle of its own, so
// whether it runs as the post step is decided by action.yml, never by state.

// The job's outcome is decided by now: an error nobody anticipated is a warning, and
// only its message is shown, with secrets scrubbed.
const lastResort = (error: unknown): void => {
  core.warning(redactRegistered(`Unexpected error in the post step: ${errorMessage(error)}`))
  process.exit(0)
}
process.on('uncaughtException', lastResort)
process.on('unhandledRejection', lastResort)

await post()
