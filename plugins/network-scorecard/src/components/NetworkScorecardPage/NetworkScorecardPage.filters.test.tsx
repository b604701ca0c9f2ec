import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeNetworkScorecardApi } from '../../__fixtures__/fakeApi';
import { downloadCsvRows } from './__testUtils__/downloadCsv';
import {
  currentLocation,
  navigateTo,
  renderPage,
  shownClusters,
} from './__testUtils__/renderPage';

jest.setTimeout(30_000);

describe('NetworkScorecardPage filters', () => {
  it('shows the rows the filters of the URL let through', async () => {
    await renderPage(fakeNetworkScorecardApi(), {
      query: '?grade=F&owner=group:default/business',
    }).rendered;

    await waitFor(() => expect(shownClusters()).toEqual(['staging-calico']));
    expect(screen.getByText('Clusters (1 of 5)')).toBeInTheDocument();
    expect(screen.getByText('Showing 1 of 5 clusters')).toBeInTheDocument();
    // the choices of the URL are shown in their filters
    const filters = screen.getByRole('region', { name: 'Filter clusters' });
    expect(within(filters).getByText('F')).toBeInTheDocument();
    expect(within(filters).getByText('business')).toBeInTheDocument();
  });

  it('filters by readiness status, anti-pattern and search from the URL', async () => {
    await renderPage(fakeNetworkScorecardApi(), {
      query: '?readiness=readiness.kube-proxy-replacement:blocked',
    }).rendered;
    await waitFor(() =>
      expect(shownClusters()).toEqual(['prod-us-1', 'dev-flannel']),
    );
    expect(
      screen.getByText('Ready to replace kube-proxy: blocked'),
    ).toBeInTheDocument();

    await renderPage(fakeNetworkScorecardApi(), {
      query: '?antiPattern=ap.standalone-cni-migration&q=prod',
    }).rendered;
    await waitFor(() => expect(shownClusters()).toContain('prod-us-1'));
  });

  it('puts a chosen filter and the search into the URL', async () => {
    await renderPage(fakeNetworkScorecardApi()).rendered;
    await waitFor(() => expect(shownClusters()).toHaveLength(5));

    await userEvent.click(
      screen.getByRole('searchbox', { name: 'Search clusters' }),
    );
    await userEvent.paste('prod');
    expect(shownClusters()).toEqual(['prod-eu-1', 'prod-us-1']);
    // the rows show first; the address follows once they are painted
    await waitFor(() => expect(currentLocation().search).toBe('?q=prod'));

    await userEvent.click(screen.getByRole('textbox', { name: 'Grade' }));
    await userEvent.click(await screen.findByRole('option', { name: 'F' }));
    expect(shownClusters()).toEqual(['prod-us-1']);
    await waitFor(() =>
      expect(
        new URLSearchParams(currentLocation().search).getAll('grade'),
      ).toEqual(['F']),
    );

    await userEvent.click(
      screen.getByRole('button', { name: 'Clear filters' }),
    );
    expect(shownClusters()).toHaveLength(5);
    // the button is gone with the filters; keyboard focus stays in them
    expect(
      screen.queryByRole('button', { name: 'Clear filters' }),
    ).not.toBeInTheDocument();
    expect(
      screen.getByRole('searchbox', { name: 'Search clusters' }),
    ).toHaveFocus();
    await waitFor(() => expect(currentLocation().search).toBe(''));
  });

  it('adopts filters that reach the address from outside, such as a shared link', async () => {
    await renderPage(fakeNetworkScorecardApi()).rendered;
    await waitFor(() => expect(shownClusters()).toHaveLength(5));
    await userEvent.click(
      screen.getByRole('searchbox', { name: 'Search clusters' }),
    );
    await userEvent.paste('prod');
    await waitFor(() => expect(currentLocation().search).toBe('?q=prod'));

    act(() => navigateTo('/?grade=F'));
    await waitFor(() =>
      expect(shownClusters()).toEqual(['prod-us-1', 'staging-calico']),
    );
    expect(
      screen.getByRole('searchbox', { name: 'Search clusters' }),
    ).toHaveValue('');
  });

  it('offers the parent groups of owners, and a group matches its sub-groups', async () => {
    await renderPage(fakeNetworkScorecardApi()).rendered;
    await waitFor(() => expect(shownClusters()).toHaveLength(5));

    await userEvent.click(
      screen.getByRole('textbox', { name: 'Owner (with sub-groups)' }),
    );
    const options = (await screen.findAllByRole('option')).map(
      option => option.textContent,
    );
    expect(options).toEqual([
      'business',
      'engineering',
      'infrastructure',
      'team-dev-experience',
      'team-payments',
      'team-platform',
    ]);
    await userEvent.click(
      screen.getByRole('option', { name: 'infrastructure' }),
    );
    expect(shownClusters()).toEqual(['prod-eu-1', 'prod-us-1']);
  });

  it('tells when no cluster matches and clears from there', async () => {
    await renderPage(fakeNetworkScorecardApi(), {
      query: '?q=nothing-like-this',
    }).rendered;
    expect(
      await screen.findByText('No cluster matches these filters.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Download CSV' })).toBeDisabled();
    const [, inTable] = screen.getAllByRole('button', {
      name: 'Clear filters',
    });
    await userEvent.click(inTable);
    await waitFor(() => expect(shownClusters()).toHaveLength(5));
  });

  it('downloads exactly the rows shown, in the order shown', async () => {
    await renderPage(fakeNetworkScorecardApi(), {
      query: '?lifecycle=production&lifecycle=staging&sort=score&dir=desc',
    }).rendered;
    await waitFor(() =>
      expect(shownClusters()).toEqual([
        'prod-eu-1',
        'staging-calico',
        'prod-us-1',
      ]),
    );

    const { filename, rows } = await downloadCsvRows();
    expect(filename).toMatch(/^network-scorecard-fleet-\d{4}-\d\d-\d\d\.csv$/);
    const [header, ...data] = rows;
    const column = (name: string) => data.map(row => row[header.indexOf(name)]);
    expect(column('cluster')).toEqual(shownClusters());
    expect(column('grade')).toEqual(['A', 'F', 'F']);
    expect(column('owner')).toEqual([
      'group:default/team-platform',
      'group:default/team-payments',
      'group:default/team-platform',
    ]);
    expect(column('antiPatterns')).toEqual([
      '',
      '',
      'ap.standalone-cni-migration',
    ]);
    expect(column('stale')).toEqual(['false', 'false', 'false']);
  });
});
