// The GitHub stand-in's answers to "who is this token?", as GitHub gives them.

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { ACTIONS_BOT, GitHubStandIn } from '../../sim/github.js'

let github: GitHubStandIn
const PERSONAL = 'ghp_standin_personal_0123456789'

beforeAll(async () => {
  github = new GitHubStandIn()
  github.addToken(PERSONAL, { login: 'octocat', type: 'User' })
  await github.start()
})
afterAll(async () => {
  await github.stop()
})

async function ask(token: string, method: string, path: string, body?: unknown): Promise<[number, unknown]> {
  const res = await fetch(`${github.url}${path}`, {
    method,
    headers: { Authorization: `token ${token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body)
  })
  return [res.status, await res.json()]
}

describe('GitHub stand-in identity', () => {
  it('answers GraphQL viewer for installation and personal tokens alike', async () => {
    const query = { query: 'query { viewer { login } }' }
    expect(await ask(github.token, 'POST', '/graphql', query)).toEqual([
      200,
      { data: { viewer: { login: ACTIONS_BOT.login } } }
    ])
    expect(await ask(PERSONAL, 'POST', '/graphql', query)).toEqual([200, { data: { viewer: { login: 'octocat' } } }])
  })

  it('refuses GET /user for an installation token, as GitHub does', async () => {
    expect(await ask(github.token, 'GET', '/user')).toEqual([
      403,
      { message: 'Resource not accessible by integration' }
    ])
    expect(await ask(PERSONAL, 'GET', '/user')).toEqual([200, { login: 'octocat', type: 'User' }])
  })

  it('writes comments as the account the token acts as, and refuses unknown tokens', async () => {
    const [status, comment] = await ask(PERSONAL, 'POST', '/repos/o/r/issues/5/comments', { body: 'hi' })
    expect(status).toBe(201)
    expect(comment).toMatchObject({ body: 'hi', user: { login: 'octocat', type: 'User' } })
    expect((await ask('ghs_unknown', 'GET', '/user'))[0]).toBe(401)
  })
})
