import { Copy, ExternalLink, RefreshCw, type LucideIcon } from 'lucide-react';
import { useEffect, useLayoutEffect, useReducer, useRef, useState } from 'react';
import { taskDisplayName } from '../../shared/format/taskLabel';
import { isTerminalStatus } from '../../shared/taskStatus';
import type { TaskKey } from '../../shared/watchedTask';
import { useTask } from '../state/useTaskStore';
import { resultReady, useQuickActions, type QuickAction } from './quickActions';

const BUTTONS: readonly { action: QuickAction; title: string; key: string; Icon: LucideIcon }[] = [
  { action: 'openResult', title: 'Open result', key: 'O', Icon: ExternalLink },
  { action: 'copyId', title: 'Copy id', key: 'C', Icon: Copy },
  { action: 'checkNow', title: 'Check now', key: 'R', Icon: RefreshCw },
];

/** The row of a task in the list, if it is drawn (the list draws only the rows in view). */
function rowElement(area: Element, key: TaskKey): HTMLElement | null {
  return area.querySelector<HTMLElement>(`[data-testid="task-row"][data-task-key="${CSS.escape(key)}"]`);
}

/** The row under the pointer, if any. */
function rowKeyAt(target: EventTarget | null): TaskKey | null {
  if (!(target instanceof Element)) return null;
  return (
    (target.closest('[data-testid="task-row"]')?.getAttribute('data-task-key') as TaskKey | null) ?? null
  );
}

/**
 * Lays the buttons over the end of the row's second line (its facts), or hides them while that line is
 * scrolled out of the list's view. A failed row's own action ends that line, and buttons before it would
 * sit mid-row, where a click means "open this row": there they go on the first line, before the status.
 */
function placeOverRow(layer: HTMLElement, area: HTMLElement, key: TaskKey): void {
  const row = rowElement(area, key);
  const failureAction = row?.querySelector('[data-testid="failure-action"]') ?? null;
  const line =
    (failureAction === null ? row?.querySelector('.task-row-facts') : row?.querySelector('.task-row-line')) ??
    row;
  const list = row?.closest('[role="listbox"]');
  if (row === null || line === null || line === undefined || list === null || list === undefined) {
    layer.style.visibility = 'hidden';
    return;
  }
  const areaBox = area.getBoundingClientRect();
  const rowBox = row.getBoundingClientRect();
  const lineBox = line.getBoundingClientRect();
  const listBox = list.getBoundingClientRect();
  // Centred on that line, but never over the first (the name and status) when on the second: 28-pixel
  // targets are taller than a line of facts.
  const firstLine = row.querySelector('.task-row-line');
  const nameBottom =
    firstLine === null || firstLine === line ? -Infinity : firstLine.getBoundingClientRect().bottom;
  // (Its line box's last pixel is leading, no ink: the buttons may start there.)
  const top = Math.max(lineBox.top + lineBox.height / 2 - layer.offsetHeight / 2, nameBottom - 1);
  const inView = top >= listBox.top && top + layer.offsetHeight <= listBox.bottom;
  layer.style.visibility = inView ? 'visible' : 'hidden';
  layer.style.top = `${top - areaBox.top}px`;
  const badges = row.querySelector('.task-badges');
  const end = failureAction === null || badges === null ? rowBox.right : badges.getBoundingClientRect().left;
  layer.style.right = `${areaBox.right - end + 8}px`;
}

/**
 * A row's quick actions (Open result once ready, Copy id, Check now while it runs), over the row the
 * pointer is on, else over the list's current row: Tab from the list reaches them. They sit
 * beside the list, not inside it: a listbox holds only options, and an option cannot hold buttons.
 */
export function RowQuickActions({ selectedKey }: { readonly selectedKey: TaskKey | null }) {
  const layerRef = useRef<HTMLDivElement>(null);
  const [hoveredKey, setHoveredKey] = useState<TaskKey | null>(null);
  /** While focus is on one of the buttons they stay over the row they were for, unless another is pointed at. */
  const [pinnedKey, setPinnedKey] = useState<TaskKey | null>(null);
  const [, redraw] = useReducer((count: number) => count + 1, 0);
  // The selected row always has them (WCAG 2.2: no hover-only targets); the row pointed at too.
  const key = hoveredKey ?? pinnedKey ?? selectedKey;
  // For the focus handler below: the row the buttons are over as last drawn.
  const shownKey = useRef(key);
  useLayoutEffect(() => {
    shownKey.current = key;
  }, [key]);

  useEffect(() => {
    const area = layerRef.current?.parentElement;
    if (area === null || area === undefined) return;
    const inLayer = (target: EventTarget | null) =>
      target instanceof Node && (layerRef.current?.contains(target) ?? false);
    const onOver = (event: MouseEvent) => {
      if (!inLayer(event.target)) setHoveredKey(rowKeyAt(event.target));
    };
    const onLeave = () => setHoveredKey(null);
    const onFocus = (event: FocusEvent) => {
      const target = event.type === 'focusin' ? event.target : event.relatedTarget;
      setPinnedKey(inLayer(target) ? shownKey.current : null);
    };
    area.addEventListener('mouseover', onOver);
    area.addEventListener('mouseleave', onLeave);
    area.addEventListener('focusin', onFocus);
    area.addEventListener('focusout', onFocus);
    // Scrolling moves the rows under the buttons: follow them (scroll does not bubble, so capture it).
    area.addEventListener('scroll', redraw, true);
    return () => {
      area.removeEventListener('mouseover', onOver);
      area.removeEventListener('mouseleave', onLeave);
      area.removeEventListener('focusin', onFocus);
      area.removeEventListener('focusout', onFocus);
      area.removeEventListener('scroll', redraw, true);
    };
  }, []);

  useLayoutEffect(() => {
    const layer = layerRef.current;
    const area = layer?.parentElement;
    if (layer !== null && area !== null && area !== undefined && key !== null) placeOverRow(layer, area, key);
  });

  return (
    <div ref={layerRef} className="row-quick-actions-layer">
      {key !== null && <QuickActionButtons taskKey={key} selected={key === selectedKey} />}
    </div>
  );
}

function QuickActionButtons({
  taskKey,
  selected,
}: {
  readonly taskKey: TaskKey;
  readonly selected: boolean;
}) {
  const run = useQuickActions();
  const task = useTask(taskKey);
  if (task === undefined) return null;
  // What cannot apply is not offered: no result yet, or nothing left to check once CAMB.AI said how the
  // job ended. A job the app stopped checking (an unknown id, no access) can still be asked about again.
  const buttons = BUTTONS.filter(
    ({ action }) =>
      (action !== 'openResult' || resultReady(task)) &&
      (action !== 'checkNow' || !isTerminalStatus(task.status)),
  );
  return (
    <div
      role="group"
      aria-label={`Quick actions for ${taskDisplayName(task)}`}
      className={`row-quick-actions${selected ? ' is-selected' : ''}`}
      data-testid="row-quick-actions"
    >
      {buttons.map(({ action, title, key, Icon }) => (
        <button
          key={action}
          type="button"
          className="icon-button"
          aria-label={title}
          aria-keyshortcuts={key}
          title={`${title} (${key})`}
          onClick={() => run(action, taskKey)}
        >
          <Icon aria-hidden="true" size={16} />
        </button>
      ))}
    </div>
  );
}
