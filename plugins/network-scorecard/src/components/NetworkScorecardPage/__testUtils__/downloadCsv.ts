import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { parse } from 'papaparse';

/** Clicks "Download CSV" and returns the downloaded file's name and rows (header first). */
export async function downloadCsvRows(): Promise<{
  filename: string;
  rows: string[][];
}> {
  let blob: Blob | undefined;
  let filename = '';
  const createObjectURL = jest.fn((b: Blob) => {
    blob = b;
    return 'blob:fleet';
  });
  Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
  const click = jest
    .spyOn(HTMLAnchorElement.prototype, 'click')
    .mockImplementation(function recordDownload(this: HTMLAnchorElement) {
      filename = this.download;
    });
  await userEvent.click(screen.getByRole('button', { name: 'Download CSV' }));
  click.mockRestore();
  expect(blob).toBeDefined();
  const text = await blob!.text();
  const { data, errors } = parse<string[]>(text, { skipEmptyLines: true });
  expect(errors).toEqual([]);
  return { filename, rows: data };
}
