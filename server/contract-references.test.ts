// The code cites the API contract by decision id ("(D13)", "D8/D25"), by section ("contract §3.2")
// and by part ("Part 2"). These tests keep every such citation pointing at a heading of
// docs/api-contract.md, and keep the repository free of references to files outside it, so that a
// fresh clone can follow every pointer.
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, posix } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const CONTRACT = 'docs/api-contract.md'
/** This file: its own patterns would match themselves. */
const SELF = 'server/contract-references.test.ts'
/** Where contract citations live. */
const CITING = /^(?:src|server|e2e|bench)\/|^README\.md$/
const NOT_SCANNED = new Set(['package-lock.json', SELF])

interface TextFile {
  path: string
  lines: string[]
}

function trackedTextFiles(): TextFile[] {
  const listing = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' })
  const files: TextFile[] = []
  for (const path of listing.split('\0')) {
    if (path === '' || NOT_SCANNED.has(path)) continue
    const absolute = join(ROOT, path)
    if (!existsSync(absolute)) continue // deleted in the work tree, not yet committed
    const bytes = readFileSync(absolute)
    if (bytes.includes(0)) continue // binary
    files.push({ path, lines: bytes.toString('utf8').split('\n') })
  }
  return files
}

/** The text of every Markdown heading outside code fences, without its leading #s. */
function headings(markdown: string): string[] {
  const found: string[] = []
  let fenced = false
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced
    else if (!fenced && /^#{1,6}\s/.test(line)) found.push(line.replace(/^#+\s+/, '').trim())
  }
  return found
}

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
function anchorOf(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-')
}

const contractHeadings = existsSync(join(ROOT, CONTRACT))
  ? headings(readFileSync(join(ROOT, CONTRACT), 'utf8'))
  : []
const decisionIds = contractHeadings.flatMap((h) => /^(D\d{1,2})\.\s/.exec(h)?.[1] ?? [])
const sectionIds = new Set(
  contractHeadings.flatMap((h) => /^§?(\d+(?:\.\d+)*)\.?\s/.exec(h)?.[1] ?? []),
)
const partIds = new Set(contractHeadings.flatMap((h) => /^Part (\d+)\.\s/.exec(h)?.[1] ?? []))
const anchors = new Set(contractHeadings.map(anchorOf))

const files = trackedTextFiles()
const citingFiles = files.filter((file) => CITING.test(file.path))

/** Runs `check` on every line of `list`; returns "path:line: problem" for each problem found. */
function problems(
  list: TextFile[],
  check: (line: string, file: TextFile) => Iterable<string>,
): string[] {
  return list.flatMap((file) =>
    file.lines.flatMap((line, index) =>
      [...check(line, file)].map((problem) => `${file.path}:${index + 1}: ${problem}`),
    ),
  )
}

/** A § citation of another document (RFC 9110 §10.2.3, the house style's §6), not of the contract. */
const OTHER_DOCUMENT = /(?:RFC\s*\d+|house style)\s*$/i

/** How many directories deep `path` sits below the repository root. */
const depthOf = (path: string): number =>
  posix.dirname(path) === '.' ? 0 : posix.dirname(path).split('/').length

describe('references to the API contract (docs/api-contract.md)', () => {
  it('gives every decision D1-D27 its own heading, each once', () => {
    const expected = Array.from({ length: 27 }, (_, i) => `D${i + 1}`)
    expect(decisionIds).toEqual(expected)
  })

  it('has a heading for every decision id the code cites', () => {
    const known = new Set(decisionIds)
    const failures = problems(citingFiles, function* (line) {
      for (const [, id] of line.matchAll(/\b(D\d{1,2})\b/g)) {
        if (id !== undefined && !known.has(id)) yield `cites ${id}, which ${CONTRACT} does not have`
      }
    })
    expect(failures, failures.join('\n')).toEqual([])
  })

  it('has a heading for every section (§N, §N.M) and part the code cites', () => {
    const failures = problems(citingFiles, function* (line) {
      for (const match of line.matchAll(/§\s?(\d+(?:\.\d+)*)/g)) {
        const id = match[1] ?? ''
        if (OTHER_DOCUMENT.test(line.slice(0, match.index))) continue
        if (!sectionIds.has(id)) yield `cites §${id}, which ${CONTRACT} has no heading for`
      }
      for (const [, id] of line.matchAll(/\bPart (\d+)\b/g)) {
        if (id !== undefined && !partIds.has(id))
          yield `cites Part ${id}, which ${CONTRACT} has no heading for`
      }
    })
    expect(failures, failures.join('\n')).toEqual([])
  })

  it('resolves every #anchor link into the contract', () => {
    const contract = files.filter((file) => file.path === CONTRACT)
    const linking = [...citingFiles, ...contract]
    const failures = problems(linking, function* (line, file) {
      const pattern = file.path === CONTRACT ? /\]\(#([^)\s]+)\)/g : /api-contract\.md#([\w-]+)/g
      for (const [, anchor] of line.matchAll(pattern)) {
        if (anchor !== undefined && !anchors.has(anchor))
          yield `links to #${anchor}, which no heading of ${CONTRACT} produces`
      }
    })
    expect(failures, failures.join('\n')).toEqual([])
  })
})

describe('references outside the repository', () => {
  it('no tracked text file points at a path outside the repository', () => {
    const failures = problems(files, function* (line, file) {
      if (/\.\.\/shared\b/.test(line)) yield 'refers to ../shared, a folder outside the repository'
      if (/(?:^|[^\w.-])\/work\//.test(line))
        yield 'refers to /work/, a path on one machine, not in the repository'
      if (
        /(?:^|[^\w.-])(?:\/home\/[^/\s]+|\/Users\/[^/\s]+|\/root)\/|[A-Za-z]:\\Users\\/.test(line)
      )
        yield 'refers to an absolute home directory'
      // A relative path that climbs more directories than the file sits below the root.
      for (const [climb] of line.matchAll(/(?<![\w.%/-])(?:\.\.\/)+/g)) {
        const ups = climb.length / 3
        if (ups > depthOf(file.path))
          yield `"${climb}" climbs ${ups} level(s) from ${posix.dirname(file.path)}, above the repository root`
      }
    })
    expect(failures, failures.join('\n')).toEqual([])
  })
})
