import { screen, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import type { TestDb } from '../../../testing/msw/db'
import { handlersFor, rateLimitedOnce } from '../../../testing/msw/handlers'
import { signInForTest } from '../../../testing/msw/serve-session'
import { server } from '../../../testing/msw/server'
import { renderRoute } from '../../../testing/render-route'
import { startFakeClock, untilPasses } from '../../../testing/fake-time'
import { choice, openReview, reviewDb } from './review-test-setup'

const now = Date.now()
const DAY_MS = 86_400_000

/** Keeps ci-runner and Quiet reader, rotates Busy writer; the unused two keep Revoke, suggested. */
async function decideAll(user: Awaited<ReturnType<typeof openReview>>['user']) {
  await user.click(choice('ci-runner', 'Keep'))
  await user.click(choice('Quiet reader', 'Keep'))
  await user.click(choice('Busy writer', 'Rotate'))
  await user.type(screen.getByRole('textbox', { name: /Note on Old sync/ }), 'Left in May')
}

/** The record this browser keeps for the signed-in account (org_1). */
const storedRecord = () =>
  JSON.parse(localStorage.getItem('ot_access_review_record:org_1') ?? 'null') as {
    tokens: { id: string; outcome: { kind: string; requestId?: string | null } }[]
  } | null

const outcomeOf = (id: string) => storedRecord()?.tokens.find((token) => token.id === id)?.outcome

describe('applying a review', () => {
  it('needs a decision on every token first, and goes to the first undecided', async () => {
    const { user } = await openReview()
    await user.click(screen.getByRole('button', { name: 'Apply decisions…' }))
    expect(screen.queryByRole('alertdialog')).toBeNull()
    expect(
      screen.getByText('3 tokens still need a decision before the review can be applied.'),
    ).toBeVisible()
    expect(
      within(screen.getByRole('group', { name: 'ci-runner' })).getAllByRole('radio')[0],
    ).toHaveFocus()
  })

  it('sums up, revokes through the queue, lists a failure with its request id, and retries it from the record', async () => {
    const { user, db, router } = await openReview()
    let failed = false
    server.use(
      http.delete('*/api/public/v1/tokens/tok_old', () => {
        if (failed) return undefined
        failed = true
        return HttpResponse.json(
          { error: 'Database unavailable', code: 'INTERNAL', requestId: 'req_review_500' },
          { status: 500 },
        )
      }),
    )
    await decideAll(user)
    await user.click(screen.getByRole('button', { name: 'Apply decisions…' }))
    const dialog = await screen.findByRole('alertdialog', { name: 'Apply the review’s decisions?' })
    expect(within(dialog).getByRole('list', { name: 'Decisions' })).toHaveTextContent(
      'Keep 2Rotate 1Revoke 2',
    )
    expect(dialog).toHaveTextContent('2 tokens will be revoked.')
    expect(dialog).toHaveTextContent('0 used in the last 24 hours.')
    await user.click(within(dialog).getByRole('button', { name: 'Apply decisions' }))

    const results = await screen.findByRole('alertdialog', { name: 'Access review: revokes' })
    expect(await within(results).findByText('1 revoked, 0 already gone, 1 failed.')).toBeVisible()
    expect(results).toHaveTextContent('req_review_500')
    await user.click(within(results).getByRole('button', { name: 'Close' }))

    // The record: every token's decision and outcome, the failure with its request id.
    expect(router.state.location.search).toEqual({ view: 'record' })
    expect(screen.getByRole('heading', { name: 'Access review record' })).toBeVisible()
    const table = screen.getByRole('table', { name: 'Every token in the review' })
    const row = (name: string) => within(table).getByRole('row', { name: new RegExp(name) })
    expect(row('Never used')).toHaveTextContent('Revoked')
    expect(row('Old sync')).toHaveTextContent(
      'Revoke failed: Server said: Database unavailable. (request id req_review_500)',
    )
    expect(row('Old sync')).toHaveTextContent('Left in May')
    expect(row('Busy writer')).toHaveTextContent('Rotation pending')
    expect(row('ci-runner')).toHaveTextContent('Kept')
    expect(outcomeOf('tok_old')).toEqual({
      kind: 'failed',
      reason: 'Server said: Database unavailable.',
      requestId: 'req_review_500',
    })
    expect(db.tokens.get('tok_old')?.status).toBe('active')
    expect(db.tokens.get('tok_never')?.status).toBe('revoked')
    // The draft is gone: the next review starts afresh.
    expect(localStorage.getItem('ot_access_review:org_1')).toBeNull()
    expect(
      within(screen.getByRole('region', { name: 'To rotate' })).getByRole('button', {
        name: 'Rotate “Busy writer”…',
      }),
    ).toBeVisible()

    await user.click(screen.getByRole('button', { name: 'Revoke 1 token again…' }))
    const again = await screen.findByRole('alertdialog', {
      name: 'Revoke 1 token from the review again?',
    })
    await user.click(within(again).getByRole('button', { name: 'Revoke 1 token' }))
    expect(await within(again).findByText('1 revoked, 0 already gone, 0 failed.')).toBeVisible()
    await user.click(within(again).getByRole('button', { name: 'Close' }))
    expect(row('Old sync')).toHaveTextContent('Revoked')
    expect(screen.queryByRole('button', { name: /again…/ })).toBeNull()
    expect(outcomeOf('tok_old')?.kind).toBe('revoked')
    expect(db.tokens.get('tok_old')?.status).toBe('revoked')
    // Focus lands on the record's actions, not the page's body.
    expect(screen.getByRole('button', { name: 'Download record' })).toHaveFocus()
  })

  it('pauses for a 429’s Retry-After, says so, then sends that revoke again', async () => {
    startFakeClock()
    const { user, db } = await openReview()
    const limited = rateLimitedOnce('tok_never', 2)
    server.use(limited.handler)
    await decideAll(user)
    await user.click(screen.getByRole('button', { name: 'Apply decisions…' }))
    const dialog = await screen.findByRole('alertdialog', { name: 'Apply the review’s decisions?' })
    await user.click(within(dialog).getByRole('button', { name: 'Apply decisions' }))
    const running = await screen.findByRole('alertdialog', { name: 'Revoking 2 tokens…' })
    expect(
      await within(running).findByText(/OpenTrain asked to slow down: waiting 2 s/),
    ).toBeVisible()
    await untilPasses(() => screen.getByText('2 revoked, 0 already gone, 0 failed.'))
    expect(limited.calls()).toBe(2)
    expect(db.tokens.get('tok_never')?.status).toBe('revoked')
    expect(outcomeOf('tok_never')?.kind).toBe('revoked')
    expect(outcomeOf('tok_old')?.kind).toBe('revoked')
  })

  it('revokes the session’s own token only when its name is typed, last, and keeps its outcome through the sign-out', async () => {
    const { user, db } = await openReview()
    await decideAll(user)
    await user.click(choice('ci-runner', 'Revoke'))
    await user.click(screen.getByRole('button', { name: 'Apply decisions…' }))
    const dialog = await screen.findByRole('alertdialog', { name: 'Apply the review’s decisions?' })
    expect(within(dialog).getByRole('list', { name: 'Decisions' })).toHaveTextContent(
      'Keep 1Rotate 1Revoke 3',
    )
    expect(dialog).toHaveTextContent('2 tokens will be revoked.')
    await user.click(within(dialog).getByRole('checkbox', { name: /Also revoke “ci-runner”/ }))
    const apply = within(dialog).getByRole('button', { name: 'Apply decisions' })
    expect(apply).toBeDisabled()
    await user.type(within(dialog).getByLabelText(/Type ci-runner to confirm/), 'ci-runner')
    await user.click(apply)
    await screen.findByText(
      'You revoked the token this console was signed in with, so you were signed out.',
    )
    expect(db.tokens.get('tok_session')?.status).toBe('revoked')
    expect(outcomeOf('tok_session')?.kind).toBe('revoked')
    expect(outcomeOf('tok_never')?.kind).toBe('revoked')
    expect(outcomeOf('tok_old')?.kind).toBe('revoked')
  })

  it('with nothing to revoke, records the decisions at once', async () => {
    const { user, db } = await openReview()
    const statuses = (from: TestDb) => [...from.tokens.values()].map((token) => token.status)
    const before = statuses(db)
    expect(before.filter((status) => status === 'active')).toHaveLength(5)
    await decideAll(user)
    await user.click(choice('Never used', 'Keep'))
    await user.click(choice('Old sync', 'Keep'))
    await user.click(screen.getByRole('button', { name: 'Apply decisions…' }))
    const dialog = await screen.findByRole('alertdialog', { name: 'Apply the review’s decisions?' })
    expect(dialog).toHaveTextContent('No token will be revoked.')
    expect(within(dialog).queryByText('Which tokens')).toBeNull()
    await user.click(within(dialog).getByRole('button', { name: 'Apply decisions' }))
    expect(await screen.findByRole('heading', { name: 'Access review record' })).toBeVisible()
    expect(screen.getByText('5 tokens reviewed: 4 kept, 1 rotation pending.')).toBeVisible()
    expect(statuses(db)).toEqual(before)
  })
})

describe('the rotations a review asked for', () => {
  it('each starts the usual rotate flow, the guided one for the session’s own token', async () => {
    const { user } = await openReview()
    await decideAll(user)
    await user.click(choice('ci-runner', 'Rotate'))
    await user.click(screen.getByRole('button', { name: 'Apply decisions…' }))
    const dialog = await screen.findByRole('alertdialog', { name: 'Apply the review’s decisions?' })
    await user.click(within(dialog).getByRole('button', { name: 'Apply decisions' }))
    await user.click(await within(dialog).findByRole('button', { name: 'Close' }))

    const rotations = screen.getByRole('region', { name: 'To rotate' })
    expect(rotations).toHaveTextContent('0 of 2 rotated.')
    await user.click(within(rotations).getByRole('button', { name: 'Rotate “ci-runner”…' }))
    const guided = await screen.findByRole('dialog', { name: 'Rotate “ci-runner”' })
    expect(guided).toHaveAccessibleDescription(/This console is signed in with this token/)
    await user.keyboard('{Escape}')
    await user.click(within(rotations).getByRole('button', { name: 'Rotate “Busy writer”…' }))
    const plain = await screen.findByRole('dialog', { name: 'Rotate “Busy writer”' })
    expect(plain).toHaveAccessibleDescription(/A new token replaces it, with the same scopes/)
    await user.click(within(plain).getByRole('button', { name: 'Create the replacement' }))
    expect(await within(rotations).findByText(/Rotated: replaced by/)).toBeVisible()
    expect(rotations).toHaveTextContent('1 of 2 rotated.')
    expect(outcomeOf('tok_busy')?.kind).toBe('rotated')
  })
})

describe('the last review, on the tokens page', () => {
  it('says when it was applied and links to its record', async () => {
    const { user } = await openReview()
    await decideAll(user)
    await user.click(screen.getByRole('button', { name: 'Apply decisions…' }))
    const dialog = await screen.findByRole('alertdialog', { name: 'Apply the review’s decisions?' })
    await user.click(within(dialog).getByRole('button', { name: 'Apply decisions' }))
    await user.click(await screen.findByRole('button', { name: 'Close' }))
    await user.click(screen.getByRole('link', { name: 'Back to tokens' }))
    expect(await screen.findByText(/^Last access review: .*, today\.$/)).toBeVisible()
    await user.click(screen.getByRole('link', { name: 'View record' }))
    expect(await screen.findByRole('heading', { name: 'Access review record' })).toBeVisible()
  })

  it('nudges once the last one is more than 90 days old', async () => {
    localStorage.setItem(
      'ot_access_review_last:org_1',
      JSON.stringify({ appliedAt: now - 120 * DAY_MS }),
    )
    server.use(...handlersFor(reviewDb()))
    signInForTest()
    renderRoute('/tokens')
    expect(
      await screen.findByText(/^Last access review: .*, 120 days ago: time for another one\.$/),
    ).toBeVisible()
  })
})
