import { createRootRouteWithContext, Outlet, Scripts } from '@tanstack/react-router'
import { useEffect } from 'react'
import { AppHeader } from '../components/app-header'
import { OfflineBanner } from '../components/offline-banner'
import { Toaster } from '../components/ui/toaster'
import { TooltipProvider } from '../components/ui/tooltip'
import { LazySessionMenu } from '../loaded-later'
import type { RouterContext } from '../router'

export const Route = createRootRouteWithContext<RouterContext>()({
  component: RootLayout,
})

/**
 * `data-app-ready` on the document once the app runs: before it, a page the serve command rendered
 * shows its controls but they do nothing yet (base.css says so with the cursor; tests wait for it).
 */
function useAppReady() {
  useEffect(() => {
    document.documentElement.dataset.appReady = ''
  }, [])
}

function RootLayout() {
  useAppReady()
  return (
    <TooltipProvider>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <AppHeader>
        <LazySessionMenu />
      </AppHeader>
      <OfflineBanner />
      <main id="main" className="app-main" tabIndex={-1}>
        <Outlet />
      </main>
      <Toaster />
      {/* The server's render only: TanStack Router's hydration data for this page (its scripts
          remove themselves as they run, so the browser's render has nothing here to match). */}
      {import.meta.env.SSR && <Scripts />}
    </TooltipProvider>
  )
}
