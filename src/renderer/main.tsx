import '../shared/zodWithoutEval';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Tokens, base rules and shared pieces first: each feature's stylesheet, imported by its component, follows.
import './styles/tokens.css';
import './styles/base.css';
import './styles/primitives.css';
import { App } from './app/App';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
