import { useRef } from 'react';
import { useFocusTarget } from '../state/focusRequest';

const EXAMPLE_ANSWER = '{ "task_id": "8c1f6a52-3e0b-4d7a-9b1e-2f5d8c7a6e41" }';

/** What to do when nothing is watched yet: where task ids come from and what to paste. */
export function EmptyState() {
  // After the last task was removed the cursor lands here, not on the page (Ctrl+Z still puts them back).
  const headingRef = useRef<HTMLHeadingElement>(null);
  useFocusTarget('emptyState', headingRef);
  return (
    <section className="empty-state" aria-labelledby="empty-state-title">
      <h2 id="empty-state-title" ref={headingRef} tabIndex={-1}>
        Nothing watched yet
      </h2>
      <p>
        When you start a job through the CAMB.AI API (a story, a dub, speech, a translation…), its create call
        answers with a task id:
      </p>
      <pre>
        <code>{EXAMPLE_ANSWER}</code>
      </pre>
      <p>
        Paste that answer, or just the id, into <strong>Add a task</strong> above and pick the kind of job.
        CAMB Watch checks it for you and tells you the moment it finishes.
      </p>
    </section>
  );
}
