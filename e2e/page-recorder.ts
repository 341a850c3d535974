// Records what a page lets out (addresses, requests, console, errors) and what it keeps (DOM,
// storage, cookies, history), as places to search for secrets (secret-search.ts).
import type { BrowserContext, Page } from '@playwright/test'
import type { Place } from './secret-search.ts'
import { reactStateText } from '../src/testing/react-state-text.ts'

export interface PageRecording {
  /** What the page has let out so far: every address, request, console message and error. */
  places: () => Place[]
  /** The Authorization headers the page has sent: none, now the serve command signs requests. */
  authorizations: () => string[]
  /** The bodies of its sign-ins (`POST /console/session`): the one place a token goes. */
  signIns: () => string[]
}

/** Starts recording `page` from now on. */
export function recordPage(page: Page): PageRecording {
  const places: Place[] = []
  const authorizations: string[] = []
  const signIns: string[] = []
  let requests = 0
  let messages = 0
  let navigations = 0

  page.on('framenavigated', (frame) => {
    navigations += 1
    places.push({ where: `address #${navigations}`, text: frame.url() })
  })
  page.on('request', (request) => {
    requests += 1
    const where = `request #${requests} (${request.method()} ${request.resourceType()})`
    const { authorization, ...otherHeaders } = request.headers()
    if (authorization !== undefined) authorizations.push(authorization)
    places.push({ where: `${where} URL`, text: request.url() })
    places.push({ where: `${where} headers but Authorization`, text: JSON.stringify(otherHeaders) })
    const body = request.postData() ?? ''
    const signsIn =
      request.method() === 'POST' && new URL(request.url()).pathname === '/console/session'
    if (signsIn) signIns.push(body)
    else places.push({ where: `${where} body`, text: body })
  })
  page.on('console', (message) => {
    messages += 1
    places.push({
      where: `console message #${messages} (${message.type()})`,
      text: `${message.text()} at ${message.location().url}`,
    })
  })
  page.on('pageerror', (error) => {
    places.push({ where: 'page error', text: `${error.message}\n${error.stack ?? ''}` })
  })

  return {
    places: () => [...places],
    authorizations: () => [...authorizations],
    signIns: () => [...signIns],
  }
}

/**
 * What the page holds at this moment: its address, DOM, the alerts and statuses on screen,
 * localStorage, sessionStorage, cookies (the sealed session one included) and history state.
 */
export async function snapshotPage(
  page: Page,
  context: BrowserContext,
  label: string,
): Promise<Place[]> {
  const kept = await page.evaluate(() => ({
    local: JSON.stringify({ ...window.localStorage }),
    session: JSON.stringify({ ...window.sessionStorage }),
    readableCookies: document.cookie,
    history: JSON.stringify(window.history.state),
  }))
  const onScreen = [
    ...(await page.getByRole('alert').allTextContents()),
    ...(await page.getByRole('status').allTextContents()),
  ]
  return [
    { where: `${label}: address`, text: page.url() },
    { where: `${label}: DOM`, text: await page.content() },
    { where: `${label}: alerts and statuses on screen`, text: onScreen.join('\n') },
    { where: `${label}: localStorage`, text: kept.local },
    { where: `${label}: sessionStorage`, text: kept.session },
    { where: `${label}: cookies the page can read`, text: kept.readableCookies },
    { where: `${label}: cookies`, text: JSON.stringify(await context.cookies()) },
    { where: `${label}: history state`, text: kept.history },
  ]
}

/**
 * Every string React holds for the app (`reactStateText`, run in the page): what a component, a
 * hook or a context still keeps, which neither the DOM nor storage shows.
 */
export function reactStateOf(page: Page): Promise<string> {
  return page.locator('#root').evaluate(reactStateText)
}
