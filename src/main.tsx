// The page's first API requests, before anything else (index.html also runs it as a script of its
// own in a build, so it does not wait for this module's imports to download).
import './early-requests'
// Global styles first, so component CSS bundled after them can override them. CSS of a shared
// chunk (button.css today) is linked before them: keep it free of overrides of these files.
import './styles/design-tokens.css'
import './styles/base.css'
import './styles/utilities.css'
import { hydrate, QueryClientProvider, type DehydratedState } from '@tanstack/react-query'
import { RouterProvider } from '@tanstack/react-router'
import { RouterClient } from '@tanstack/react-router/ssr/client'
import { StrictMode } from 'react'
import { createRoot, hydrateRoot } from 'react-dom/client'
import { createApp } from './create-app'
import { isSignedIn } from './features/session/api/session-store'
import { preloadRevokeDialog } from './loaded-later'
import { reportCaughtError } from './lib/report-caught-error'
import { readServerRender } from './lib/ssr/read-server-render'
import { ServerRenderContext } from './lib/ssr/server-render'
import { rememberTimeZone } from './lib/ssr/time-zone-cookie'

rememberTimeZone()

const rootElement = document.getElementById('root')
if (!rootElement) throw new Error('index.html has no #root element')
// Rendered by the serve command (docs/server-rendering.md): hydrate what is there, with the query
// cache the server filled (TanStack Router's `$_TSR`) and the "now", locale and zone it wrote the
// page with. A render that failed on the server left `#root` empty: the app draws it.
const rendered = '$_TSR' in window ? readServerRender(document) : null

const { queryClient, router } = createApp(
  rendered
    ? {
        serverRender: (client) => ({
          // The server's own dehydrate() output (src/entry-server.tsx), written by this build.
          hydrate: (dehydrated) =>
            hydrate(client, JSON.parse(dehydrated.queries) as DehydratedState),
        }),
      }
    : {},
)

if (rendered) {
  // Signed in, the rendered page shows Revoke buttons: their dialog's code comes now.
  if (isSignedIn()) preloadRevokeDialog()
  hydrateRoot(
    rootElement,
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <ServerRenderContext value={rendered}>
          <RouterClient router={router} />
        </ServerRenderContext>
      </QueryClientProvider>
    </StrictMode>,
    { onCaughtError: reportCaughtError },
  )
} else {
  createRoot(rootElement, { onCaughtError: reportCaughtError }).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </StrictMode>,
  )
}
