import { TASK_KINDS } from '../shared/taskKinds';

export const USAGE = `Usage:
  camb-watch status <task-id> [--kind <kind>] [--json]
  camb-watch wait   <task-id> [--kind <kind>] [--timeout <duration>] [--json]
  camb-watch result <run-id>  [--kind <kind>] [--target-language <code>] [--json]
  camb-watch key set          reads the API key from standard input, never from arguments
  camb-watch key status [--json]
  camb-watch key clear

Options:
  --kind <kind>        the job kind (default: story): ${TASK_KINDS.join(', ')}
  --timeout <duration> give up waiting after this long, e.g. 90s, 10m, 2h (exit code 5)
  --target-language    the language code of a translated-story result
  --json               machine-readable output: one JSON object per line
  -h, --help           show this help
  --version            show the version

Environment:
  CAMB_API_KEY   the API key (takes precedence over the keychain)
  CAMB_API_BASE  the API base URL (default https://client.camb.ai/apis)

Exit codes: 0 success, 1 task failed (ERROR, TIMEOUT, PAYMENT_REQUIRED), 2 bad usage or input,
3 API key missing or rejected, 4 task or run not found, 5 --timeout elapsed, 6 CAMB.AI unavailable,
130 interrupted, 141 output closed early.`;
