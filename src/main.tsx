// The page's first API requests, before anything else (index.html also runs it as a script of its
// own in a build, so it does not wait for this module's imports to download).
import './early-requests'
// Global styles first, so component CSS bundled after them can override them. CSS of a shared
// chunk (button.css today) is linked before them: keep it free of overrides of these files.
import './styles/design-tokens.css'
import './styles/base.css'
import './styles/utilities.css'
import { QueryClientProvider } from '@tanstack/react-query'
import { RouterProvider } from '@tanstack/react-router'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { createApp } from './create-app'
import { followColorScheme } from './lib/color-scheme'
import { reportCaughtError } from './lib/report-caught-error'

followColorScheme(document.documentElement)

const { queryClient, router } = createApp()
const rootElement = document.getElementById('root')
if (!rootElement) throw new Error('index.html has no #root element')

createRoot(rootElement, { onCaughtError: reportCaughtError }).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
)
