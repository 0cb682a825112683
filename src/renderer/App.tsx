import { TASK_KINDS } from '../shared/taskKinds';

/** Placeholder until the watch-list UI lands (issue 3); it proves the renderer bundle builds. */
export function App() {
  return (
    <main>
      <h1>CAMB Watch</h1>
      <p>Watches {TASK_KINDS.length} kinds of CAMB.AI jobs. The window arrives with the desktop app.</p>
    </main>
  );
}
