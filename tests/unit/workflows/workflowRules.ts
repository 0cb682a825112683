import { parse } from 'yaml';

/**
 * The checks zizmor makes that matter for this repository's workflows, as a small reader of the parsed
 * YAML (no zizmor package exists on npm): actions pinned to a full commit with the version beside it,
 * no trigger that runs a fork's code with this repository's token, least permissions, no untrusted
 * event text pasted into a shell, no secrets in a pull-request build, no token left in .git/config.
 */
export interface Finding {
  readonly where: string;
  readonly problem: string;
}

type Mapping = Record<string, unknown>;
const isMapping = (value: unknown): value is Mapping =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Triggers that run with the base repository's token and secrets on code a fork controls. */
const DANGEROUS_TRIGGERS = ['pull_request_target', 'workflow_run'];
/** Event fields a pull request's author writes (zizmor's template-injection list, in short). */
const UNTRUSTED_EXPRESSION = /\$\{\{[^}]*\b(github\.event\.|github\.head_ref\b|inputs\.)/u;
const PINNED = /^[\w.-]+\/[\w.-]+(\/[\w./-]+)?@[0-9a-f]{40}$/u;

function triggers(on: unknown): string[] {
  if (typeof on === 'string') return [on];
  if (Array.isArray(on)) return on.map(String);
  return isMapping(on) ? Object.keys(on) : [];
}

export function checkWorkflow(file: string, text: string): Finding[] {
  const findings: Finding[] = [];
  const add = (where: string, problem: string) => findings.push({ where: `${file}: ${where}`, problem });
  const workflow: unknown = parse(text);
  const lines = text.split('\n');
  if (!isMapping(workflow)) return [{ where: file, problem: 'is not a workflow (no mapping at the top)' }];

  const events = triggers(workflow['on']);
  for (const event of events.filter((name) => DANGEROUS_TRIGGERS.includes(name)))
    add('on', `${event} runs a fork's code with this repository's token: use pull_request`);
  const runsForPullRequests = events.includes('pull_request');

  const top = workflow['permissions'];
  if (top === undefined) add('permissions', 'not set: the token gets the repository default (often write)');
  else if (isMapping(top) && Object.values(top).some((level) => level === 'write'))
    add('permissions', 'the workflow-wide token may write: grant write to the one job that needs it');
  else if (top === 'write-all') add('permissions', 'write-all');

  if (runsForPullRequests && /\bsecrets\.(?!GITHUB_TOKEN\b)/u.test(text))
    add('secrets', 'a workflow that runs for pull requests reads secrets');

  for (const [jobName, job] of Object.entries(isMapping(workflow['jobs']) ? workflow['jobs'] : {})) {
    if (!isMapping(job)) continue;
    if (runsForPullRequests && isMapping(job['permissions']))
      for (const [scope, level] of Object.entries(job['permissions']))
        if (level === 'write') add(`jobs.${jobName}.permissions`, `${scope}: write in a pull-request build`);
    const steps = Array.isArray(job['steps']) ? job['steps'] : [];
    steps.forEach((step: unknown, index) => {
      if (!isMapping(step)) return;
      const where = `jobs.${jobName}.steps[${index}]${typeof step['name'] === 'string' ? ` (${step['name']})` : ''}`;
      const uses = step['uses'];
      if (typeof uses === 'string' && !uses.startsWith('./') && !uses.startsWith('docker://')) {
        if (!PINNED.test(uses)) add(where, `${uses} is not pinned to a full commit SHA`);
        else if (!lines.some((line) => line.includes(`uses: ${uses}`) && /#\s*v\d+(\.\d+)*\s*$/u.test(line)))
          add(where, `${uses} has no "# vX.Y.Z" comment saying which version the SHA is`);
        const inputs = isMapping(step['with']) ? step['with'] : {};
        if (uses.startsWith('actions/checkout@') && inputs['persist-credentials'] !== false)
          add(where, 'actions/checkout without persist-credentials: false leaves the token in .git/config');
      }
      if (typeof step['run'] === 'string' && UNTRUSTED_EXPRESSION.test(step['run']))
        add(where, 'untrusted event text in a run: script; pass it through env: instead');
    });
  }
  return findings;
}
