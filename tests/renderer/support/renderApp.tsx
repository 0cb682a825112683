import { render, type RenderResult } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../../src/renderer/app/App';
import { createRealBridge, type RealBridge, type RealBridgeOptions } from './realBridge';

export interface RenderedApp extends RenderResult {
  readonly real: RealBridge;
  readonly user: ReturnType<typeof userEvent.setup>;
}

const opened: RealBridge[] = [];

/** Closes the bridges of the tests so far (after each test: tests/renderer/support/afterEachTest.ts). */
export async function closeOpenedBridges(): Promise<void> {
  for (const real of opened.splice(0)) await real.close();
}

/** The whole window over the real app (see realBridge.ts); closed after each test. */
export async function renderApp(
  options: RealBridgeOptions & { readonly before?: (real: RealBridge) => void | Promise<void> } = {},
): Promise<RenderedApp> {
  const real = await createRealBridge(options);
  opened.push(real);
  await options.before?.(real);
  const user = userEvent.setup();
  const result = render(<App bridge={real.bridge} />);
  return { ...result, real, user };
}
