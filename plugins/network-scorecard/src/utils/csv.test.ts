import { parse } from 'papaparse';
import { toCsv } from './csv';

interface Row {
  name: string;
  score: number | null;
  note: string;
}

const columns = [
  { header: 'name', value: (row: Row) => row.name },
  { header: 'score', value: (row: Row) => row.score },
  { header: 'note', value: (row: Row) => row.note },
];

describe('toCsv', () => {
  it('writes a header and one line per row that parse back to the same values', () => {
    const rows: Row[] = [
      { name: 'prod-eu-1', score: 96, note: 'plain' },
      { name: 'lab, "edge"', score: null, note: 'line one\nline two' },
    ];
    const csv = toCsv(rows, columns);
    const parsed = parse<string[]>(csv, { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toEqual([
      ['name', 'score', 'note'],
      ['prod-eu-1', '96', 'plain'],
      ['lab, "edge"', '', 'line one\nline two'],
    ]);
  });

  it('keeps a spreadsheet from running cell text as a formula', () => {
    const csv = toCsv(
      [{ name: '=HYPERLINK("x")', score: 1, note: '@sum' }],
      columns,
    );
    const [, row] = parse<string[]>(csv, { skipEmptyLines: true }).data;
    expect(row[0]).toBe(`'=HYPERLINK("x")`);
    expect(row[2]).toBe(`'@sum`);
  });
});
