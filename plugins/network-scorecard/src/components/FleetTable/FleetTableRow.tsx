import { memo } from 'react';
import { TableCell, TableRow } from '@material-ui/core';
import { FLEET_COLUMNS } from './columns';
import { FleetRow } from './rows';

/**
 * One place of the table's page, showing one cluster. Rows are the same
 * objects across filter changes and pages, so a place that keeps its
 * cluster is not rendered again.
 */
export const FleetTableRow = memo(
  ({ row, cellClass }: { row: FleetRow; cellClass: string }) => (
    <TableRow hover>
      {FLEET_COLUMNS.map(column => (
        <TableCell key={column.key} className={cellClass}>
          {column.render(row)}
        </TableCell>
      ))}
    </TableRow>
  ),
);
