// Preloaded into the integration workers (vitest.config.ts). jsdom's default stylesheet has
// `[dir]:dir(ltr)`, and its selector engine calls bidi-js's factory afresh for each element with
// dir="auto" (every token name), re-parsing the Unicode tables each time: 13 ms per element, 40% of
// an integration run. The factory's result is pure, so it is made once. See docs/testing.md.
const Module = require('node:module')
const { sep } = require('node:path')

const BIDI_JS = `${sep}bidi-js${sep}dist${sep}bidi.js`
const compile = Module.prototype._compile

Module.prototype._compile = function compileWithBidiOnce(content, filename, ...rest) {
  const source = filename.endsWith(BIDI_JS)
    ? `${content}\n;module.exports = ((make) => { let bidi; return () => (bidi ??= make()) })(module.exports);`
    : content
  return compile.call(this, source, filename, ...rest)
}
