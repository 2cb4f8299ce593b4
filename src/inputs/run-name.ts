/**
 * The default run name, `<owner/repo>@<sha7> <workflow> #<run number>`, so a run in
 * Code Ocean can be traced back to the workflow run that started it. Parts missing
 * from the environment are left out; outside GitHub Actions the result may be ''.
 */
export function defaultRunName(env: NodeJS.ProcessEnv): string {
  const repo = env.GITHUB_REPOSITORY ?? ''
  const sha = (env.GITHUB_SHA ?? '').slice(0, 7)
  const source = repo && sha ? `${repo}@${sha}` : repo || sha
  const workflow = env.GITHUB_WORKFLOW ?? ''
  const number = env.GITHUB_RUN_NUMBER ? `#${env.GITHUB_RUN_NUMBER}` : ''
  return [source, workflow, number].filter((part) => part !== '').join(' ')
}
