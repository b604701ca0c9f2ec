import { unparse } from 'papaparse';

/** One column of a CSV export: its header and how a row gives its cell. */
export interface CsvColumn<T> {
  header: string;
  value: (row: T) => string | number | boolean | null;
}

/**
 * The rows as CSV (RFC 4180, CRLF, a header line), quoting by papaparse.
 * Cells that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, …)
 * are escaped, since names and messages come from clusters and the catalog.
 */
export function toCsv<T>(rows: readonly T[], columns: CsvColumn<T>[]): string {
  return unparse(
    {
      fields: columns.map(column => column.header),
      data: rows.map(row =>
        columns.map(column => {
          const cell = column.value(row);
          return cell === null ? '' : cell;
        }),
      ),
    },
    { escapeFormulae: true, newline: '\r\n' },
  );
}

/** Hands the text to the browser as a file download. */
export function downloadCsv(filename: string, csv: string): void {
  const blob = new Blob([csv], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = filename;
  anchor.style.display = 'none';
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  // revoke after the click has been handled, or some browsers cancel the download
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
