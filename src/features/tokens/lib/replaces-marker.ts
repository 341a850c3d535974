/** The marker a replacement's name ends with (lib/rotation.ts names it); a second rotation replaces it. */
export const REPLACES_MARKER = / \(replaces ot_pat_[^)]*\)$/u
