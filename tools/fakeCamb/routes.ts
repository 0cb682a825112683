import { TASK_KIND_TABLE, TASK_KINDS } from '../../src/shared/taskKinds';
import type { TaskKind } from '../../src/shared/taskKinds';
import { endpointName, fillPathTemplate } from '../../src/main/core/camb/pathTemplate';

/** A request path the fake server understands, with its values decoded. */
export type Route =
  | { readonly route: 'status'; readonly kind: TaskKind; readonly taskId: string; readonly key: string }
  | {
      readonly route: 'result';
      readonly endpoint: string;
      /** Kinds served by this endpoint (tts-result serves tts and translated-tts). */
      readonly kinds: readonly TaskKind[];
      readonly runId: string;
      readonly key: string;
    }
  /** A result file on the fake storage (`/files/<name>`, outside the API base, no key needed). */
  | { readonly route: 'file'; readonly name: string }
  | { readonly route: 'unknown' };

interface Matcher {
  readonly pattern: RegExp;
  readonly template: string;
  readonly build: (values: Record<string, string>, template: string) => Route;
}

function pathOf(template: string): string {
  return template.split('?')[0] ?? template;
}

function compile(template: string): RegExp {
  const escaped = pathOf(template).replace(/[.*+?^$()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped.replace(/\{([a-z_]+)\}/g, '(?<$1>[^/]+)')}$`);
}

/** The key a task's or result's state is stored under: its canonical path, without query. */
export function statusKey(kind: TaskKind, taskId: string): string {
  return fillPathTemplate(pathOf(TASK_KIND_TABLE[kind].statusPath), { task_id: taskId });
}

export function resultKey(template: string, runId: string, targetLanguage?: string): string {
  return fillPathTemplate(pathOf(template), { run_id: runId, target_language: targetLanguage });
}

const matchers: readonly Matcher[] = (() => {
  const list: Matcher[] = TASK_KINDS.map((kind) => ({
    pattern: compile(TASK_KIND_TABLE[kind].statusPath),
    template: TASK_KIND_TABLE[kind].statusPath,
    build: (values) => {
      const taskId = values['task_id'] ?? '';
      return { route: 'status', kind, taskId, key: statusKey(kind, taskId) };
    },
  }));
  const byPath = new Map<string, TaskKind[]>();
  for (const kind of TASK_KINDS) {
    for (const template of TASK_KIND_TABLE[kind].resultPaths) {
      // Kinds share endpoints (tts-result, translation-result): one route serves them all.
      byPath.set(pathOf(template), [...(byPath.get(pathOf(template)) ?? []), kind]);
    }
  }
  for (const [template, kinds] of byPath) {
    list.push({
      pattern: compile(template),
      template,
      build: (values) => {
        const runId = values['run_id'] ?? '';
        return {
          route: 'result',
          endpoint: endpointName(template),
          kinds,
          runId,
          key: resultKey(template, runId, values['target_language']),
        };
      },
    });
  }
  return list;
})();

/** Matches a path below the API base (e.g. `/story/abc`) to a status or result route. */
export function matchRoute(path: string): Route {
  for (const matcher of matchers) {
    const match = matcher.pattern.exec(path);
    if (match === null) continue;
    try {
      const values = Object.fromEntries(
        Object.entries(match.groups ?? {}).map(([name, value]) => [name, decodeURIComponent(value)]),
      );
      return matcher.build(values, matcher.template);
    } catch {
      return { route: 'unknown' };
    }
  }
  return { route: 'unknown' };
}
