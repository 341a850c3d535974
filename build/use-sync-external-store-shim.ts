// `use-sync-external-store/shim` for React 18 and later, where React has the hook itself: the
// package's shim would ship a fallback that never runs (see docs/performance.md).
export { useSyncExternalStore } from 'react'
