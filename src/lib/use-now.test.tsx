import { act, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useNowSelect } from './use-now'

const renders = { minutes: 0, hours: 0 }

function Minutes({ since }: { since: number }) {
  renders.minutes++
  const minutes = useNowSelect((now) => Math.floor((now - since) / 60_000))
  return <p>{minutes} min</p>
}

function Hours({ since }: { since: number }) {
  renders.hours++
  const hours = useNowSelect((now) => Math.floor((now - since) / 3_600_000))
  return <p>{hours} h</p>
}

describe('useNowSelect', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2026-11-28T12:00:00Z') })
    renders.minutes = 0
    renders.hours = 0
  })
  afterEach(() => vi.useRealTimers())

  it('re-renders a component on a tick only when what it selects changes', () => {
    const since = Date.now()
    render(
      <>
        <Minutes since={since} />
        <Hours since={since} />
      </>,
    )
    expect(screen.getByText('0 min')).toBeInTheDocument()
    const before = { ...renders }

    act(() => vi.advanceTimersByTime(30_000)) // 0.5 minutes: neither text changes
    expect(renders).toEqual(before)

    act(() => vi.advanceTimersByTime(30_000)) // 1 minute: only the minutes move
    expect(screen.getByText('1 min')).toBeInTheDocument()
    expect(renders.minutes).toBe(before.minutes + 1)
    expect(renders.hours).toBe(before.hours)
  })
})
