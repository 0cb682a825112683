/** The dot before the name of a job that ended since the user last looked; "New" for screen readers. */
export function UnseenMark() {
  return (
    <span className="unseen-mark" title="Finished since you last looked">
      <span className="unseen-dot" aria-hidden="true" />
      <span className="visually-hidden">New: </span>
    </span>
  );
}
