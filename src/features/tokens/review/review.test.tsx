import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { handlersFor } from '../../../testing/msw/handlers'
import { signInForTest } from '../../../testing/msw/serve-session'
import { server } from '../../../testing/msw/server'
import { renderRoute } from '../../../testing/render-route'
import { choice, group, openReview, reviewDb } from './review-test-setup'

const now = Date.now()

describe('the access review', () => {
  it('lists the active tokens that need a decision first, with Revoke suggested for the unused', async () => {
    await openReview()
    const names = within(screen.getByRole('list', { name: 'Tokens to review' }))
      .getAllByRole('heading', { level: 2 })
      .map((heading) => heading.textContent)
    expect(names).toEqual(['Never used', 'Old sync', 'ci-runner', 'Busy writer', 'Quiet reader'])
    expect(choice('Never used', 'Revoke')).toBeChecked()
    expect(within(group('Never used')).getByText('suggested: never used')).toBeVisible()
    expect(choice('Old sync', 'Revoke')).toBeChecked()
    // The session's own token is never suggested for revoking; a token in use starts undecided.
    for (const name of ['ci-runner', 'Busy writer', 'Quiet reader'])
      for (const label of ['Keep', 'Rotate', 'Revoke'])
        expect(choice(name, label)).not.toBeChecked()
    expect(screen.getByText('2 of 5 decided')).toBeVisible()
    expect(screen.getByText('Unused for 200 days')).toBeVisible()
  })

  it('decides with one key per decision and moves to the next token; progress follows', async () => {
    const { user } = await openReview()
    await user.click(choice('ci-runner', 'Keep'))
    expect(choice('ci-runner', 'Keep')).toHaveFocus()
    await user.keyboard('r')
    expect(choice('ci-runner', 'Rotate')).toBeChecked()
    // Busy writer's choices now have focus: X revokes it and moves on to Quiet reader.
    expect(within(group('Busy writer')).getAllByRole('radio')[0]).toHaveFocus()
    await user.keyboard('x')
    expect(choice('Busy writer', 'Revoke')).toBeChecked()
    await user.keyboard('k')
    expect(choice('Quiet reader', 'Keep')).toBeChecked()
    expect(screen.getByText('5 of 5 decided')).toBeVisible()
  })

  it('keeps decisions and notes across a reload, until the review is discarded', async () => {
    const first = await openReview()
    await first.user.click(choice('Quiet reader', 'Keep'))
    await first.user.type(screen.getByRole('textbox', { name: /Note on Quiet reader/ }), 'CI')
    await first.user.click(choice('Never used', 'Keep'))
    first.unmount()

    const second = await openReview()
    expect(choice('Quiet reader', 'Keep')).toBeChecked()
    expect(screen.getByRole('textbox', { name: /Note on Quiet reader/ })).toHaveValue('CI')
    expect(choice('Never used', 'Keep')).toBeChecked()
    expect(within(group('Never used')).queryByText(/suggested/)).toBeNull()
    // Only ids, decisions and notes are kept.
    const stored = Object.keys(localStorage).map((key) => localStorage.getItem(key) ?? '')
    expect(stored.join('')).not.toContain('ot_pat_')

    await second.user.click(screen.getByRole('button', { name: 'Discard review' }))
    expect(choice('Quiet reader', 'Keep')).not.toBeChecked()
    expect(choice('Never used', 'Revoke')).toBeChecked()
    expect(localStorage.length).toBe(0)
  })

  it('shows only the undecided on request, in the URL', async () => {
    const { user, router } = await openReview()
    await user.click(screen.getByRole('checkbox', { name: 'Show only undecided' }))
    expect(router.state.location.search).toEqual({ show: 'undecided' })
    expect(screen.queryByRole('group', { name: 'Never used' })).toBeNull()
    await user.click(choice('ci-runner', 'Keep'))
    expect(screen.queryByRole('group', { name: 'ci-runner' })).toBeNull()
    expect(screen.getByText('3 of 5 decided')).toBeVisible()
  })

  it('says when a review was started on another day, and which tokens came or went since', async () => {
    localStorage.setItem(
      'ot_access_review:org_1',
      JSON.stringify({
        startedAt: now - 3 * 86_400_000,
        tokenIds: ['tok_never', 'tok_old', 'tok_session', 'tok_busy', 'tok_retired'],
        decisions: { tok_busy: 'keep' },
        notes: {},
      }),
    )
    await openReview()
    expect(screen.getByRole('note')).toHaveTextContent(
      /Review started .* \(3 days ago\)\. Since then: 1 token added, 1 token gone\./,
    )
    expect(choice('Busy writer', 'Keep')).toBeChecked()
  })

  it('is reached from the tokens page', async () => {
    server.use(...handlersFor(reviewDb()))
    signInForTest()
    const { user } = renderRoute('/tokens')
    await user.click(await screen.findByRole('link', { name: 'Review access' }))
    expect(await screen.findByRole('heading', { name: 'Access review' })).toBeVisible()
  })
})
