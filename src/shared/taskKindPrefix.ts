import type { TaskKind } from './taskKinds';
import { parseTaskKey } from './watchedTask';

/**
 * `dub:8c1f…` → the kind and the id after it. One reading for every place a person types or pastes
 * `kind:id` (the add form, the tray's "Add from clipboard", the core's add), so they all agree; a key is
 * read the same way (parseTaskKey), with the white space a person leaves around the id trimmed.
 * Null when the text does not start with a known kind and a colon, or nothing follows the colon.
 */
export function splitKindPrefix(text: string): { readonly kind: TaskKind; readonly rest: string } | null {
  const parsed = parseTaskKey(text.trim());
  const rest = parsed?.taskId.trim() ?? '';
  return parsed === null || rest === '' ? null : { kind: parsed.kind, rest };
}
