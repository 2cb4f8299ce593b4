// Before the end-to-end tier: the action built from the current src/ (or the build of
// this exact source kept from an earlier run), once for every test file and worker. In a
// process of its own: Jest's global setup is not transformed, and the build is TypeScript.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const script = fileURLToPath(new URL('../../harness/action-under-test.ts', import.meta.url))

export default function globalSetup() {
  const build = spawnSync(process.execPath, ['--import', 'tsx', script], { stdio: 'inherit' })
  if (build.status !== 0)
    throw new Error(`Could not build the action from src/ (exit ${build.status ?? build.signal}).`)
}
