import { useId } from 'react';
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
  readonly onOrder: (order: ListOrder) => void;
  readonly onGrouping: (grouping: ListGrouping) => void;
}

/** How the watch list is sorted and grouped; the choice is a setting, kept across restarts. */
export function ListViewOptions({ order, grouping, onOrder, onGrouping }: ListViewOptionsProps) {
  const id = useId();
  return (
    <div className="list-view-options">
      <label htmlFor={`${id}-order`}>Sort</label>
      <select id={`${id}-order`} value={order} onChange={(event) => onOrder(event.target.value as ListOrder)}>
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
    </div>
  );
}
