import { SlidersHorizontal } from 'lucide-react';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { LIST_GROUPINGS, LIST_ORDERS, type ListGrouping, type ListOrder } from '../../shared/taskOrder';

const ORDER_TITLES: Record<ListOrder, string> = {
  attention: 'Needs me first',
  added: 'Recently added',
  name: 'Name',
  kind: 'Kind',
};

const GROUPING_TITLES: Record<ListGrouping, string> = {
  none: 'No groups',
  kind: 'By kind',
  day: 'By day',
};

interface ListViewOptionsProps {
  readonly order: ListOrder;
  readonly grouping: ListGrouping;
  readonly compact: boolean;
  readonly onOrder: (order: ListOrder) => void;
  readonly onGrouping: (grouping: ListGrouping) => void;
  readonly onCompact: (compact: boolean) => void;
}

/**
 * The View menu: how the watch list is sorted and grouped, and how dense it is. Each choice is a setting,
 * kept across restarts. A button that folds a small panel open (not a menu of commands: it holds fields),
 * closed again by Escape, by the button, or by a click elsewhere.
 */
export function ListViewOptions({
  order,
  grouping,
  compact,
  onOrder,
  onGrouping,
  onCompact,
}: ListViewOptionsProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const wrapRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!(event.target instanceof Node) || wrapRef.current?.contains(event.target) !== true) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key !== 'Escape' || !open) return;
    // Taken here: the same Escape must not also put the window away.
    event.preventDefault();
    setOpen(false);
    buttonRef.current?.focus();
  }

  return (
    <div ref={wrapRef} className="list-view-menu" onKeyDown={onKeyDown}>
      <button
        ref={buttonRef}
        type="button"
        className="view-menu-button"
        // Its name also where a small window shows the icon alone.
        aria-label="View"
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        title="View: sort, group, density"
        onClick={() => setOpen(!open)}
      >
        <SlidersHorizontal aria-hidden="true" size={16} />
        <span className="view-menu-label">View</span>
      </button>
      {open && (
        <div id={`${id}-panel`} role="group" aria-label="View" className="list-view-options">
          <label htmlFor={`${id}-order`}>Sort</label>
          <select
            id={`${id}-order`}
            value={order}
            onChange={(event) => onOrder(event.target.value as ListOrder)}
          >
            {LIST_ORDERS.map((name) => (
              <option key={name} value={name}>
                {ORDER_TITLES[name]}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-group`}>Group</label>
          <select
            id={`${id}-group`}
            value={grouping}
            onChange={(event) => onGrouping(event.target.value as ListGrouping)}
          >
            {LIST_GROUPINGS.map((name) => (
              <option key={name} value={name}>
                {GROUPING_TITLES[name]}
              </option>
            ))}
          </select>
          <label className="view-density">
            <input type="checkbox" checked={compact} onChange={(event) => onCompact(event.target.checked)} />
            Compact rows
          </label>
        </div>
      )}
    </div>
  );
}
