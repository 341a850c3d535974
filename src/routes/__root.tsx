import { createRootRouteWithContext, Outlet } from '@tanstack/react-router'
import { AppHeader } from '../components/app-header'
import { OfflineBanner } from '../components/offline-banner'
import { Toaster } from '../components/ui/toaster'
import { TooltipProvider } from '../components/ui/tooltip'
import { LazySessionMenu } from '../loaded-later'
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
        <LazySessionMenu />
      </AppHeader>
      <OfflineBanner />
      <main id="main" className="app-main" tabIndex={-1}>
        <Outlet />
      </main>
      <Toaster />
    </TooltipProvider>
  )
}
