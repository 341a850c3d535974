import { QueryClient } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
import { buildToken } from '../../../testing/token-fixture'
import { startRevokeInFlight, withRevokesInFlight } from './revokes-in-flight'

const AT = '2026-11-28T10:00:00.000Z'
const fetched = () => [buildToken({ id: 'a' }), buildToken({ id: 'b' })]

describe('revokes in flight', () => {
  it('mark a list fetched meanwhile: the revoked row carries the guess, the others are the server’s', () => {
    const client = new QueryClient()
    startRevokeInFlight(client, { id: 'a', at: AT })
    const list = fetched()
    const shown = withRevokesInFlight(client, list)
    expect(shown[0]).toMatchObject({ id: 'a', status: 'revoked', revokedAt: AT })
    expect(shown[1]).toBe(list[1])
    expect(list[0]?.status).toBe('active')
  })

  it('end with their answer, and belong to one client', () => {
    const client = new QueryClient()
    const answered = startRevokeInFlight(client, { id: 'a', at: AT })
    const list = fetched()
    expect(withRevokesInFlight(new QueryClient(), list)).toBe(list)
    answered()
    expect(withRevokesInFlight(client, list)).toBe(list)
  })

  it('keep a row revoked while a second revoke of it is unanswered, and keep a revokedAt the server sent', () => {
    const client = new QueryClient()
    const first = startRevokeInFlight(client, { id: 'a', at: AT })
    startRevokeInFlight(client, { id: 'a', at: '2026-11-28T10:00:05.000Z' })
    first()
    expect(withRevokesInFlight(client, fetched())[0]).toMatchObject({ status: 'revoked' })
    const revokedBefore = [
      buildToken({ id: 'a', status: 'revoked', revokedAt: '2026-01-01T00:00:00.000Z' }),
    ]
    expect(withRevokesInFlight(client, revokedBefore)[0]?.revokedAt).toBe(
      '2026-01-01T00:00:00.000Z',
    )
  })
})
