import { act, render, screen } from '@testing-library/react'
import { Profiler } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useNowSelect } from './use-now'

function Minutes({ since }: { since: number }) {
  const minutes = useNowSelect((now) => Math.floor((now - since) / 60_000))
  return <p>{minutes} min</p>
}

function Hours({ since }: { since: number }) {
  const hours = useNowSelect((now) => Math.floor((now - since) / 3_600_000))
  return <p>{hours} h</p>
}

describe('useNowSelect', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2026-11-28T12:00:00Z') })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('re-renders a component on a tick only when what it selects changes', () => {
    const commits = { minutes: 0, hours: 0 }
    const count = (id: string) => {
      if (id === 'minutes' || id === 'hours') commits[id]++
    }
    const since = Date.now()
    render(
      <>
        <Profiler id="minutes" onRender={count}>
          <Minutes since={since} />
        </Profiler>
        <Profiler id="hours" onRender={count}>
          <Hours since={since} />
        </Profiler>
      </>,
    )
    expect(screen.getByText('0 min')).toBeInTheDocument()
    const before = { ...commits }

    act(() => {
      vi.advanceTimersByTime(30_000) // half a minute: neither text changes
    })
    expect(commits).toEqual(before)

    act(() => {
      vi.advanceTimersByTime(30_000) // a minute: only the minutes move
    })
    expect(screen.getByText('1 min')).toBeInTheDocument()
    expect(commits).toEqual({ minutes: before.minutes + 1, hours: before.hours })
  })
})
