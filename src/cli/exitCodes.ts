/** The exit codes scripts rely on (README "CLI"). Keep them stable. */
export const EXIT = {
  ok: 0,
  /** The task ended ERROR, TIMEOUT or PAYMENT_REQUIRED. */
  taskFailed: 1,
  /** Bad usage or invalid input: nothing was sent. */
  usage: 2,
  /** No API key, or CAMB.AI rejected it (401/403). */
  key: 3,
  /** CAMB.AI does not know the task or run (404). */
  notFound: 4,
  /** `wait --timeout` elapsed before the task finished. */
  timedOut: 5,
  /** A one-shot command met only temporary faults (server errors, rate limits, no network). */
  unavailable: 6,
  /** Interrupted (Ctrl-C). */
  interrupted: 130,
  /** Whoever read stdout went away (`| head -n 1`): what a shell reports for a process ended by SIGPIPE. */
  brokenPipe: 141,
  /** A bug in camb-watch itself (EX_SOFTWARE). */
  internalError: 70,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
