import type { QueryClient } from '@tanstack/react-query'
import { waitFor } from '@testing-library/react'
import type { UserEvent } from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { passTime, startFakeClock } from './fake-time'
import { FAULTS, passRequestTimeout, timeoutsOnFakeClock, type FaultName } from './msw/faults'

type Answer = () => Response | Promise<Response>

/** A write that failed: the person's user-event, and how many times the write was sent. */
export interface FailedWrite {
  user: UserEvent
  queryClient: QueryClient
  sent: () => number
}

/** The refusals of a write (the server did not act), each with the request id it carries. */
const REFUSALS = [
  ['500 with the error envelope', 'req-500'],
  ['502 with an HTML body', null],
  ['503 with no body', 'req-503'],
  ['429 with Retry-After', 'req-429'],
  ['429 without Retry-After', 'req-429'],
] as const satisfies readonly (readonly [FaultName, string | null])[]

export type Refusal = (typeof REFUSALS)[number][0]

/**
 * The fault matrix of a write (POST or DELETE), which is never sent again by itself. `send` makes
 * the write fail with `answer`; with `serverActs`, the server acted before the answer went wrong.
 */
export function describeWriteFaults<Run extends FailedWrite>(write: {
  name: string
  send: (answer: Answer, options: { serverActs: boolean }) => Promise<Run>
  refused: {
    title: string
    /** Checks what the person is shown; returns the control that sends the write again. */
    check: (run: Run, fault: Refusal, requestId: string | null) => Promise<HTMLElement>
  }
  unknown: {
    title: string
    /** A 2xx whose body is not JSON, and a 2xx whose body fails the endpoint's schema. */
    malformed: [label: string, answer: Answer]
    schemaFailure: [label: string, answer: Answer]
    check: (run: Run, serverActs: boolean, text: string) => Promise<void>
  }
}): void {
  describe(`${write.name} faults the server did not act on`, () => {
    it.each(REFUSALS)(write.refused.title, async (fault, requestId) => {
      startFakeClock()
      const run = await write.send(FAULTS[fault], { serverActs: false })
      const again = await write.refused.check(run, fault, requestId)
      // Not sent again by itself, even after the 429's wait; only the person sends it again.
      await passTime(1_200)
      expect(run.sent()).toBe(1)
      await run.user.click(again)
      await waitFor(() => expect(run.sent()).toBe(2))
    })
  })

  const unknownOutcomes: [string, Answer, string][] = [
    ['an answer that never comes', FAULTS['an answer that never comes'], 'did not answer within'],
    ['a dropped connection', FAULTS['a dropped connection'], 'Could not reach the OpenTrain API'],
    [...write.unknown.malformed, 'is not JSON'],
    [...write.unknown.schemaFailure, 'does not understand'],
  ]
  describe(`${write.name} faults that leave the outcome unknown`, () => {
    it.each(
      unknownOutcomes.flatMap(([label, answer, text]) => [
        [label, true, answer, text] as const,
        [label, false, answer, text] as const,
      ]),
    )(write.unknown.title, async (label, serverActs, answer, text) => {
      if (label === 'an answer that never comes') timeoutsOnFakeClock()
      const run = await write.send(answer, { serverActs })
      if (label === 'an answer that never comes') await passRequestTimeout(run.queryClient)
      await write.unknown.check(run, serverActs, text)
      expect(run.sent()).toBe(1)
    })
  })
}
