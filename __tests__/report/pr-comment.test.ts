/** The pull request comment's pure parts; posting and updating it runs end to end (e2e/pr-comment.test.ts). */
import { describe, expect, it } from '@jest/globals'
import { commentBody, commentMarker, findOwnComment, requestKey } from '../../src/report/pr-comment.js'

const PIPELINE = '4bc97533-6eb4-48ac-966f-648548a756d2'

describe('the comment marker', () => {
  it('is the same for a re-run that resumes the earlier run, and differs between matrix legs', () => {
    const leg = { pipeline_id: PIPELINE, named_parameters: [{ param_name: 'Mode', value: 'fast' }] }
    const resumed = { ...leg, resume_run_id: '9af23fd6-0d4c-4a8e-b1a4-7c3f1e2d5b60' }
    const other = { ...leg, named_parameters: [{ param_name: 'Mode', value: 'exact' }] }
    expect(requestKey(resumed)).toBe(requestKey(leg))
    expect(requestKey(other)).not.toBe(requestKey(leg))
  })
})

describe('our own comment', () => {
  const marker = commentMarker('CI', 'run', PIPELINE, 'aaaaaaaaaaaa')
  const otherLeg = commentMarker('CI', 'run', PIPELINE, 'bbbbbbbbbbbb')
  const by = (login: string, body: string): { user: { login: string }; body: string } => ({ user: { login }, body })

  it('is the one that starts with our marker, by our account', () => {
    const ours = by('bot', `${marker}\n## Code Ocean run`)
    expect(findOwnComment([by('bot', 'hello'), ours], marker, 'bot')).toBe(ours)
    expect(findOwnComment([ours], marker, 'someone')).toBeUndefined()
    expect(findOwnComment([ours], marker, undefined)).toBeUndefined()
  })

  it("is never another leg's comment that quotes our marker further down", () => {
    const quoting = by('bot', `${otherLeg}\n| path | \`${marker}\` |`)
    const indented = by('bot', ` ${marker}\n`)
    expect(findOwnComment([quoting, indented], marker, 'bot')).toBeUndefined()
    expect(findOwnComment([quoting], otherLeg, 'bot')).toBe(quoting)
  })
})

describe('the comment body', () => {
  const marker = commentMarker('CI', 'run', PIPELINE, 'aaaaaaaaaaaa')

  it('starts with the marker, then the summary', () => {
    expect(commentBody(marker, '## ✅ done\n')).toBe(`${marker}\n## ✅ done\n`)
  })

  it('is cut with a note, marker kept, if it would be longer than GitHub accepts', () => {
    const long = Array.from({ length: 2_000 }, (_, i) => `| ${i} | ${'x'.repeat(60)} |`).join('\n')
    const body = commentBody(marker, long)
    expect(body.length).toBeLessThanOrEqual(65_536)
    expect(body.startsWith(`${marker}\n| 0 |`)).toBe(true)
    expect(
      body.endsWith('\n\n*The rest of this comment was cut: GitHub takes at most 65,536 characters in a comment.*\n')
    ).toBe(true)
  })
})
