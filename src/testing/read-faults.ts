import { screen, within } from '@testing-library/react'
import { signInForTest } from './msw/serve-session'
import { expect } from 'vitest'
import { untilPasses, startFakeClock } from './fake-time'
import { type TestDb } from './msw/db'
import {
  failingGet,
  FAULTS,
  passRequestTimeout,
  timeoutsOnFakeClock,
  type FaultName,
} from './msw/faults'
import { handlersFor } from './msw/handlers'
import { server } from './msw/server'
import { renderRoute } from './render-route'

/** The fault rows of a GET the tokens page needs, with the two schema rows of that endpoint. */
export type ReadFault = Exclude<FaultName, '401 mid-session'> | SchemaFault
type SchemaFault = 'schema: missing fields' | 'schema: wrong types'
export type SchemaFaults = Record<SchemaFault, () => Response>

export interface ReadFaultExpected {
  title: string
  message: string
  requestId: string | null
  /** Tries when the page loads it: 1 + the retries the policy allows for this failure. */
  tries: number
}

const problem = (message: string, requestId: string | null, tries = 4) => ({
  title: 'OpenTrain had a problem',
  message,
  requestId,
  tries,
})
const unexpected = (message: string, requestId: string) => ({
  title: 'Unexpected answer',
  message: `The OpenTrain API sent a response ${message}.`,
  requestId,
  tries: 1,
})

/** What the person is told for each fault of a GET, and how often the page tries it. */
export const READ_FAULT_ROWS: [ReadFault, ReadFaultExpected][] = [
  ['500 with the error envelope', problem('The database is unavailable', 'req-500')],
  ['502 with an HTML body', problem('The OpenTrain API answered 502 Bad Gateway.', null)],
  ['503 with no body', problem('The OpenTrain API answered 503 Service Unavailable.', 'req-503')],
  [
    '429 with Retry-After',
    {
      title: 'Too many requests',
      message: 'Too many requests. Try again in 1 second.',
      requestId: 'req-429',
      tries: 4,
    },
  ],
  [
    '429 without Retry-After',
    {
      title: 'Too many requests',
      message: 'Too many requests. Wait a moment, then try again.',
      requestId: 'req-429',
      tries: 4,
    },
  ],
  [
    'an answer that never comes',
    {
      title: 'No answer from OpenTrain',
      message: 'The OpenTrain API did not answer within 30 seconds.',
      requestId: null,
      tries: 1,
    },
  ],
  [
    'a dropped connection',
    {
      title: 'Cannot reach OpenTrain',
      message: 'Could not reach the OpenTrain API. Check your connection and try again.',
      requestId: null,
      tries: 4,
    },
  ],
  ['malformed JSON in a 2xx', unexpected('that is not JSON', 'req-bad-json')],
  ['schema: missing fields', unexpected('this console does not understand', 'req-schema')],
  ['schema: wrong types', unexpected('this console does not understand', 'req-schema')],
]

/** Every `GET url` answered with `fault` while `failing.on`; db's handlers otherwise. */
export function readFailsWith(
  url: string,
  db: TestDb,
  fault: ReadFault | '401 mid-session',
  schemaFaults: SchemaFaults,
) {
  server.use(...handlersFor(db))
  return failingGet(
    url,
    fault in schemaFaults ? schemaFaults[fault as SchemaFault] : FAULTS[fault as FaultName],
  )
}

/**
 * The tokens page, signed in, loading while `GET url` fails with `fault`: the alert says what
 * failed, the GET was tried `expected.tries` times, and "Try again" loads the list.
 */
export async function expectPageLoadFault(
  read: { url: string; db: TestDb; schemaFaults: SchemaFaults; whileFailing: () => void },
  fault: ReadFault,
  expected: ReadFaultExpected,
): Promise<void> {
  startFakeClock()
  if (fault === 'an answer that never comes') timeoutsOnFakeClock()
  signInForTest()
  const failing = readFailsWith(read.url, read.db, fault, read.schemaFaults)
  const { user, queryClient } = renderRoute('/tokens', { productionRetries: true })
  if (fault === 'an answer that never comes') await passRequestTimeout(queryClient)

  const alert = await untilPasses(() => screen.getByRole('alert'))
  expect(within(alert).getByRole('heading', { name: expected.title })).toBeVisible()
  expect(alert).toHaveTextContent(expected.message)
  if (expected.requestId) expect(alert).toHaveTextContent(`Request ID ${expected.requestId}`)
  else expect(alert).not.toHaveTextContent('Request ID')
  expect(failing.calls).toBe(expected.tries)
  read.whileFailing()

  failing.on = false
  await user.click(within(alert).getByRole('button', { name: 'Try again' }))
  expect(await screen.findByRole('row', { name: /CI deploy/ })).toBeVisible()
  expect(screen.queryByRole('alert')).toBeNull()
}
