import type { ServerRender } from './server-render'

/** The element the serve command writes a rendered page's ServerRender into (JSON, never run). */
export const SERVER_RENDER_ELEMENT_ID = 'ot-server-render'

function isServerRender(value: unknown): value is ServerRender {
  if (typeof value !== 'object' || value === null) return false
  const { now, locale, timeZone } = value as Record<string, unknown>
  return Number.isFinite(now) && typeof locale === 'string' && typeof timeZone === 'string'
}

/**
 * What the serve command rendered this page with, or `null` when it did not render it (no data,
 * `npm run dev`, a test): then the app draws the page itself.
 */
export function readServerRender(document: Document): ServerRender | null {
  const text = document.getElementById(SERVER_RENDER_ELEMENT_ID)?.textContent
  if (!text) return null
  try {
    const value: unknown = JSON.parse(text)
    return isServerRender(value) ? value : null
  } catch {
    return null
  }
}
