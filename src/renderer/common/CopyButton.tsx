import { useEffect, useRef, useState } from 'react';
import { copyText } from './copyText';

const CONFIRMATION_MS = 2500;

type CopyState = 'idle' | 'copied' | 'failed';

/** Copies to the clipboard and says so ("Copied"); when the clipboard refuses, says that instead. */
export function CopyButton({ text, label }: { readonly text: string; readonly label: string }) {
  const [state, setState] = useState<CopyState>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current);
    },
    [],
  );

  async function copy() {
    setState((await copyText(text)) ? 'copied' : 'failed');
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = setTimeout(() => setState('idle'), CONFIRMATION_MS);
  }

  return (
    <span className="copy">
      <button type="button" aria-label={label} onClick={() => void copy()}>
        Copy
      </button>
      <span role="status" className={`copy-status copy-${state}`}>
        {state === 'copied' && 'Copied'}
        {state === 'failed' && 'Could not copy: select the text and copy it by hand.'}
      </span>
    </span>
  );
}
