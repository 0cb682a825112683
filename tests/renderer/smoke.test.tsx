import { screen } from '@testing-library/react';
import { expect, it } from 'vitest';
import { renderApp } from './support/renderApp';

it('smoke', async () => {
  await renderApp();
  expect(await screen.findByRole('heading', { name: 'Nothing watched yet' })).toBeTruthy();
});
