import { TASK_KINDS, type TaskKind } from './taskKinds';

// Longest first, so "translated-story:…" is not read as an unknown kind "translated" or as "story".
const KINDS_LONGEST_FIRST = [...TASK_KINDS].sort((a, b) => b.length - a.length);

/**
 * `dub:8c1f…` → the kind and the id after it. One reading for every place a person types or pastes
 * `kind:id` (the add form, the tray's "Add from clipboard", the core's add), so they all agree.
 * Null when the text does not start with a known kind and a colon, or nothing follows the colon.
 */
export function splitKindPrefix(text: string): { readonly kind: TaskKind; readonly rest: string } | null {
  const trimmed = text.trim();
  const kind = KINDS_LONGEST_FIRST.find((candidate) => trimmed.startsWith(`${candidate}:`));
  if (kind === undefined) return null;
  const rest = trimmed.slice(kind.length + 1).trim();
  return rest === '' ? null : { kind, rest };
}
