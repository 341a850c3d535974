import { createRootRouteWithContext, Outlet } from '@tanstack/react-router'
import { AppHeader } from '../components/app-header'
import { OfflineBanner } from '../components/offline-banner'
import { Toaster } from '../components/ui/toaster'
import { TooltipProvider } from '../components/ui/tooltip'
import { SessionMenu } from '../features/session/components/session-menu'
import type { RouterContext } from '../router'

export const Route = createRootRouteWithContext<RouterContext>()({
  component: RootLayout,
})

function RootLayout() {
  return (
    <TooltipProvider>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <AppHeader>
        <SessionMenu />
      </AppHeader>
      <OfflineBanner />
      <main id="main" className="app-main" tabIndex={-1}>
        <Outlet />
      </main>
      <Toaster />
    </TooltipProvider>
  )
}
