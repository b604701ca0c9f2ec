import { Link } from '@backstage/core-components';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
} from '@material-ui/core';
import { READINESS_STATUS_LABELS, READINESS_STATUSES } from '../ReadinessList';
import { emptyCounts, ReadinessCounts, ReadinessItem } from './readinessTrend';

export interface ReadinessItemsTableProps {
  items: ReadinessItem[];
  /** clusters per status in the newest week, per item id */
  latest: Record<string, ReadinessCounts>;
  selectedId: string | undefined;
  /** the link that selects an item */
  hrefOf(itemId: string): string;
}

/** Every readiness item with its newest weekly counts; each title selects the item. */
export const ReadinessItemsTable = ({
  items,
  latest,
  selectedId,
  hrefOf,
}: ReadinessItemsTableProps) => (
  <Table size="small" aria-label="Readiness items">
    <TableHead>
      <TableRow>
        <TableCell>Readiness item</TableCell>
        {READINESS_STATUSES.map(status => (
          <TableCell key={status} align="right">
            {READINESS_STATUS_LABELS[status]}
          </TableCell>
        ))}
      </TableRow>
    </TableHead>
    <TableBody>
      {items.map(item => {
        const counts = latest[item.id] ?? emptyCounts();
        const selected = item.id === selectedId;
        return (
          <TableRow
            key={item.id}
            selected={selected}
            data-testid={`readiness-item-${item.id}`}
          >
            <TableCell>
              <Link
                to={hrefOf(item.id)}
                aria-current={selected ? 'true' : undefined}
              >
                {item.title}
              </Link>
            </TableCell>
            {READINESS_STATUSES.map(status => (
              <TableCell key={status} align="right">
                {counts[status]}
              </TableCell>
            ))}
          </TableRow>
        );
      })}
    </TableBody>
  </Table>
);
