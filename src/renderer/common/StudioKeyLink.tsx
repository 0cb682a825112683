import type { MouseEvent } from 'react';
import { CAMB_STUDIO_HOST, CAMB_STUDIO_URL } from '../../shared/cambStudio';
import { useBridge } from '../state/bridgeContext';

/**
 * Where a CAMB.AI key comes from, with a link that opens the studio in the browser. The link goes through
 * the app's one way out (openExternalLink: https only), never by navigating the window.
 */
export function StudioKeyHint() {
  const bridge = useBridge();
  function open(event: MouseEvent<HTMLAnchorElement>) {
    event.preventDefault();
    void bridge.openExternalLink({ url: CAMB_STUDIO_URL }).catch(() => undefined);
  }
  return (
    <>
      Get a key in the CAMB.AI studio, under API:{' '}
      <a href={CAMB_STUDIO_URL} onClick={open} rel="noreferrer">
        {CAMB_STUDIO_HOST}
      </a>
      .
    </>
  );
}
