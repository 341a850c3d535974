import { render } from '@testing-library/react'
import { createContext, useContext, useRef, useState } from 'react'
import { describe, expect, it } from 'vitest'
import { reactStateText } from './react-state-text'

const Secret = createContext({ held: 'in a context value' })

function Holder({ label }: { label: string }) {
  const [state] = useState('in a state hook')
  useRef({ nested: ['in a ref'] })
  useContext(Secret)
  return <p>{[label, state].join(' ')}</p>
}

describe('reactStateText', () => {
  it('finds what hooks, props and contexts hold, and what a fiber held before a re-render', () => {
    const { container, rerender } = render(
      <Secret value={{ held: 'in a context value' }}>
        <Holder label="in props" />
      </Secret>,
    )
    rerender(
      <Secret value={{ held: 'in a context value' }}>
        <Holder label="in the props now" />
      </Secret>,
    )
    const text = reactStateText(container)
    for (const held of [
      'in a state hook',
      'in a ref',
      'in a context value',
      'in the props now',
      // The previous render's props, kept on the fiber's alternate.
      'in props',
    ]) {
      expect(text.split('\n'), held).toContain(held)
    }
  })

  it('refuses an element React did not render into', () => {
    expect(() => reactStateText(document.createElement('div'))).toThrow(/No React root/)
  })
})
