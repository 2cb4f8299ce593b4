import { describe, expect, it } from '@jest/globals'
import { relativeToWorkspace, workflowRunUrl } from '../../src/report/links.js'

const ENV = {
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_REPOSITORY: 'octo-org/genomics-pipelines',
  GITHUB_RUN_ID: '15873546210',
  GITHUB_RUN_ATTEMPT: '3'
}

describe('the workflow run link', () => {
  it('leads to this attempt of the run', () => {
    expect(workflowRunUrl(ENV)).toBe(
      'https://github.com/octo-org/genomics-pipelines/actions/runs/15873546210/attempts/3'
    )
    expect(workflowRunUrl({ ...ENV, GITHUB_SERVER_URL: 'https://ghe.example.com/' })).toBe(
      'https://ghe.example.com/octo-org/genomics-pipelines/actions/runs/15873546210/attempts/3'
    )
    expect(workflowRunUrl({ ...ENV, GITHUB_RUN_ATTEMPT: undefined })).toBe(
      'https://github.com/octo-org/genomics-pipelines/actions/runs/15873546210'
    )
  })

  it.each([
    ['no server', { GITHUB_SERVER_URL: undefined }],
    ['a server that is no http(s) address', { GITHUB_SERVER_URL: 'javascript:alert(1)' }],
    ['a server with a query', { GITHUB_SERVER_URL: 'https://github.com/?x=1' }],
    ['a server with a character that ends a link', { GITHUB_SERVER_URL: 'https://github.com/a)b' }],
    ['a repository that is no owner/name', { GITHUB_REPOSITORY: 'octo-org/x) [y](http://evil' }],
    ['a run id that is no number', { GITHUB_RUN_ID: '1/../../evil' }]
  ])('is left out for %s', (_, over) => {
    expect(workflowRunUrl({ ...ENV, ...over })).toBeUndefined()
  })
})

describe('paths in the workspace', () => {
  const workspace = '/home/runner/work/repo/repo'

  it('are shown from the workspace, the workspace itself as .', () => {
    expect(relativeToWorkspace(`${workspace}/results`, workspace)).toBe('results')
    expect(relativeToWorkspace(`${workspace}/ then`, workspace)).toBe('./ then')
    expect(relativeToWorkspace(`Refused to download into ${workspace}: it is a file`, `${workspace}/`)).toBe(
      'Refused to download into .: it is a file'
    )
  })

  it('leave other folders, and a workspace that is no folder, alone', () => {
    expect(relativeToWorkspace(`${workspace}-other/x`, workspace)).toBe(`${workspace}-other/x`)
    expect(relativeToWorkspace('/tmp/x', '/')).toBe('/tmp/x')
    expect(relativeToWorkspace('/tmp/x', undefined)).toBe('/tmp/x')
    expect(relativeToWorkspace('a (b) [c]', '/w/a+(b)')).toBe('a (b) [c]')
  })
})
