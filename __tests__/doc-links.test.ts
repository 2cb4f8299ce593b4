/**
 * Every relative link in the README and the other Markdown documents leads somewhere: to a
 * file or folder of the repository and, when it names an anchor, to a heading of that
 * file, spelled as GitHub makes anchors of headings. Links to the web are not followed.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, normalize } from 'node:path'
import { describe, expect, it } from '@jest/globals'

const DOCUMENTS = [
  'README.md',
  'CONTRIBUTING.md',
  'SECURITY.md',
  'CHANGELOG.md',
  ...readdirSync('docs')
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`)
]

/** The text outside fenced code blocks and inline code, where links and headings are. */
function prose(markdown: string): string[] {
  const lines: string[] = []
  let fenced = false
  for (const line of markdown.split('\n')) {
    if (/^\s*```/.test(line)) {
      fenced = !fenced
      continue
    }
    if (!fenced) lines.push(line)
  }
  return lines
}

/** The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens. */
function slug(heading: string): string {
  return heading
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-')
}

/** Every anchor of a Markdown file, with GitHub's -1, -2 … for repeated headings. */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>()
  const result = new Set<string>()
  for (const line of prose(markdown)) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)?.[1]
    if (heading === undefined) continue
    const base = slug(heading)
    const count = seen.get(base) ?? 0
    seen.set(base, count + 1)
    result.add(count === 0 ? base : `${base}-${count}`)
  }
  return result
}

/** The relative links of one Markdown file that lead nowhere, as `file: target (why)`. */
function brokenLinks(path: string, markdown: string, read = (p: string) => readFileSync(p, 'utf8')): string[] {
  const problems: string[] = []
  for (const line of prose(markdown)) {
    const text = line.replace(/`[^`]*`/g, '')
    for (const match of text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
      const target = match[1]
      if (/^[a-z][a-z+.-]*:/i.test(target)) continue // https:, mailto: …
      const [file, anchor] = target.split('#', 2)
      const resolved = file === '' ? path : normalize(join(dirname(path), decodeURI(file)))
      if (!existsSync(resolved)) {
        problems.push(`${path}: ${target} (no such file)`)
        continue
      }
      if (anchor === undefined || anchor === '') continue
      if (statSync(resolved).isDirectory() || !resolved.endsWith('.md')) {
        problems.push(`${path}: ${target} (an anchor in a file that is not Markdown)`)
      } else if (!anchors(read(resolved)).has(anchor)) {
        problems.push(`${path}: ${target} (no such heading)`)
      }
    }
  }
  return problems
}

describe('links between the documents', () => {
  it.each(DOCUMENTS)('%s: every relative link leads to a file, and every anchor to a heading', (path) => {
    expect(brokenLinks(path, readFileSync(path, 'utf8'))).toEqual([])
  })

  it('finds a missing file, a missing heading, and takes headings as GitHub spells them', () => {
    const markdown = [
      '# Code Ocean Run',
      '## On push, with Git sync',
      '## Self-hosted runners and `NODE_EXTRA_CA_CERTS`',
      '## Notes',
      '## Notes',
      '[a](#on-push-with-git-sync) [b](#self-hosted-runners-and-node_extra_ca_certs) [c](#notes-1)',
      '[d](docs/none.md) [e](#nowhere) [f](https://example.com/#x) `[g](#in-code)`',
      '```',
      '[h](#in-a-fence)',
      '```'
    ].join('\n')
    expect(brokenLinks('README.md', markdown, () => markdown)).toEqual([
      'README.md: docs/none.md (no such file)',
      'README.md: #nowhere (no such heading)'
    ])
    expect(slug('Follow a run started elsewhere')).toBe('follow-a-run-started-elsewhere')
  })
})
