import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { StatusLabel } from './StatusLabel';

describe('StatusLabel', () => {
  it('names the status next to its icon', async () => {
    await renderInTestApp(<StatusLabel status="not-applicable" />);
    expect(screen.getByText('not applicable')).toBeInTheDocument();
  });

  it('shows a status it does not know as unknown, never as passing', async () => {
    await renderInTestApp(<StatusLabel status="skipped-by-new-backend" />);
    expect(screen.getByText('unknown')).toBeInTheDocument();
    expect(screen.queryByText('pass')).not.toBeInTheDocument();
  });
});
