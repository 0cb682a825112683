import { ArrowUp } from 'lucide-react';

/**
 * "3 new ↑": endings that arrived while the list held still for the user. Pressing it sorts the list
 * anew and goes to its top, where they are. It floats over the list's top edge, taking no row's room.
 */
export function NewEndingsPill({ count, onShow }: { readonly count: number; readonly onShow: () => void }) {
  return (
    <button
      type="button"
      className="new-endings-pill"
      title="Sort the list again and show the new endings at the top"
      onClick={onShow}
    >
      {count} new <ArrowUp aria-hidden="true" size={14} />
    </button>
  );
}
