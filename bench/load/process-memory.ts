// Another process's resident memory, read from outside it: /proc/<pid>/status on Linux, `ps`
// elsewhere. Nothing is asked of the process itself, so reading it changes nothing it does.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { platform } from 'node:os'
import { performance } from 'node:perf_hooks'

/** A `/proc/<pid>/status` field in bytes (the file gives kB, that is KiB), or undefined. */
function procStatusBytes(pid: number, field: 'VmRSS' | 'VmHWM'): number | undefined {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kib = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(status)?.[1]
  return kib === undefined ? undefined : Number(kib) * 1024
}

/** Resident set size, bytes. */
export function rssBytes(pid: number): number {
  if (platform() === 'linux') {
    const bytes = procStatusBytes(pid, 'VmRSS')
    if (bytes !== undefined) return bytes
  }
  const kib = execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim()
  return Number(kib) * 1024
}

/** The most the process has held resident since it started (Linux's VmHWM); else undefined. */
export function peakRssBytes(pid: number): number | undefined {
  return platform() === 'linux' ? procStatusBytes(pid, 'VmHWM') : undefined
}

export interface RssSample {
  /** Milliseconds since the sampler started. */
  atMs: number
  bytes: number
}

/** Reads the RSS every `everyMs` until stopped; `stop` returns every sample taken. */
export function sampleRss(pid: number, everyMs: number): { stop: () => RssSample[] } {
  const started = performance.now()
  const samples: RssSample[] = []
  const take = () =>
    samples.push({ atMs: Math.round(performance.now() - started), bytes: rssBytes(pid) })
  take()
  const timer = setInterval(take, everyMs)
  return {
    stop: () => {
      clearInterval(timer)
      take()
      return samples
    },
  }
}
