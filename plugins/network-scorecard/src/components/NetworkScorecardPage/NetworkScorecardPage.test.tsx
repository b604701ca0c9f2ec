import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { NetworkScorecardApi } from '../../api';
import { fakeNetworkScorecardApi } from '../../__fixtures__/fakeApi';
import { backendError } from '../../__fixtures__/errors';
import { neverScanned, reports, summaries } from '../../__fixtures__/reports';
import {
  currentLocation,
  renderPage,
  rowOf,
  shownClusters,
} from './__testUtils__/renderPage';

const render = (api: NetworkScorecardApi, query?: string) =>
  renderPage(api, { query }).rendered;

jest.setTimeout(20_000);

describe('NetworkScorecardPage', () => {
  it('shows the table without waiting for the summary tiles, and a failed summary beside it', async () => {
    const error = await backendError(
      503,
      'ServiceUnavailableError',
      'summary is starting',
    );
    let failSummary: (reason: Error) => void = () => {};
    await render(
      fakeNetworkScorecardApi({
        getFleetSummary: jest.fn(
          () =>
            new Promise((_resolve, reject) => {
              failSummary = reject;
            }),
        ),
      }),
    );
    expect(
      await screen.findByText(`Clusters (${Object.keys(reports).length})`),
    ).toBeInTheDocument();
    expect(screen.queryByText('By grade')).not.toBeInTheDocument();

    failSummary(error);
    expect(await screen.findByText(/summary is starting/)).toBeInTheDocument();
    expect(shownClusters()).toHaveLength(Object.keys(reports).length);
  });

  it('shows one row per cluster with its grade from the last scan', async () => {
    await render(fakeNetworkScorecardApi());

    for (const name of Object.keys(reports)) {
      expect(
        await screen.findByTestId(`fleet-grade-${name}`),
      ).toHaveTextContent(reports[name].grade);
    }
    expect(
      screen.getByText(`Clusters (${Object.keys(reports).length})`),
    ).toBeInTheDocument();
  });

  it('links catalog clusters to their entity page and leaves config-only ones plain', async () => {
    const titled = { ...summaries['prod-eu-1'], title: 'Production EU 1' };
    await render(
      fakeNetworkScorecardApi({
        listClusters: jest.fn(async () => ({
          items: [titled, summaries['lab-edge']],
        })),
      }),
    );

    const link = await screen.findByRole('link', { name: 'prod-eu-1' });
    expect(link).toHaveAttribute('href', '/catalog/default/resource/prod-eu-1');
    expect(
      screen.queryByRole('link', { name: 'lab-edge' }),
    ).not.toBeInTheDocument();
    expect(screen.getByText('lab-edge')).toBeInTheDocument();
    expect(screen.getByText('Production EU 1')).toBeInTheDocument();
  });

  it('shows scores with their unit, "?" for ungraded clusters, stale scans and config errors', async () => {
    await render(fakeNetworkScorecardApi());

    const euRow = await rowOf('prod-eu-1');
    expect(
      within(euRow).getByText(
        `${Math.round(reports['prod-eu-1'].score!)} / 100`,
      ),
    ).toBeInTheDocument();

    expect(reports['lab-edge'].grade).toBe('?');
    const labRow = await rowOf('lab-edge');
    expect(within(labRow).getByText('not graded')).toBeInTheDocument();
    expect(within(labRow).getByText('failed')).toBeInTheDocument();

    // dev-flannel's newest attempt failed after its last scan
    const devRow = await rowOf('dev-flannel');
    expect(within(devRow).getByText('stale')).toBeInTheDocument();
    expect(
      within(devRow).getByTestId('scan-error-dev-flannel'),
    ).toBeInTheDocument();
    expect(within(euRow).queryByText('stale')).not.toBeInTheDocument();

    expect(
      screen.getByTestId('config-errors-staging-calico'),
    ).toBeInTheDocument();
  });

  it('shows the trend since the scan before and flags a change of ruleset', async () => {
    await render(fakeNetworkScorecardApi());

    const usRow = await rowOf('prod-us-1');
    const score = reports['prod-us-1'].score!;
    const delta = Math.round((score - 50) * 10) / 10;
    const trend = within(usRow).getByTestId('score-trend');
    expect(trend).toHaveTextContent(
      `${delta > 0 ? '▲' : '▼'} ${Math.abs(delta)}*`,
    );
    await userEvent.hover(trend);
    expect(
      await screen.findByText(/the ruleset changed from 2026\.10\.0/),
    ).toBeInTheDocument();

    const euRow = await rowOf('prod-eu-1');
    expect(within(euRow).queryByTestId('score-trend')).not.toBeInTheDocument();
  });

  it('explains the "?" grade in a tooltip', async () => {
    await render(fakeNetworkScorecardApi());

    await userEvent.hover(await screen.findByTestId('fleet-grade-lab-edge'));
    expect(
      await screen.findByText(/coverage below 50 %: not graded/),
    ).toBeInTheDocument();
  });

  it('sorts by grade, best first and ungraded last, and keeps the sort in the URL', async () => {
    await render(fakeNetworkScorecardApi());

    const header = await screen.findByRole('columnheader', { name: 'Grade' });
    await userEvent.click(within(header).getByText('Grade'));
    const order = screen
      .getAllByTestId(/^fleet-grade-/)
      .map(el => el.textContent);
    const expected = Object.values(reports)
      .map(r => r.grade)
      .sort((a, b) => 'ABCDF?'.indexOf(a) - 'ABCDF?'.indexOf(b));
    expect(order).toEqual(expected);
    expect(currentLocation().search).toBe('?sort=grade');
  });

  it('shows a never-scanned cluster as not scanned yet', async () => {
    await render(
      fakeNetworkScorecardApi({
        listClusters: jest.fn(async () => ({
          items: [summaries['prod-eu-1'], neverScanned],
        })),
      }),
    );

    const row = await rowOf('prod-ap-1');
    expect(within(row).getByText('not scanned yet')).toBeInTheDocument();
  });

  it('shows fleet counts from the summary and grades week by week', async () => {
    const api = fakeNetworkScorecardApi();
    await render(api);

    expect(await screen.findByText('5 clusters')).toBeInTheDocument();
    expect(screen.getByText('cilium: 2 clusters')).toBeInTheDocument();
    expect(screen.getByText('flannel: 1 cluster')).toBeInTheDocument();

    expect(
      await screen.findByRole('img', {
        name: /^Clusters by grade over 8 weeks; .*latest week of \d{4}-\d\d-\d\d: 5 clusters scanned \(1 A, 1 D, 2 F, 1 \?\)/,
      }),
    ).toBeInTheDocument();
    expect(api.getFleetHistory).toHaveBeenCalledWith({ bucket: 'week' });
  });

  it('links to the migrations view', async () => {
    await render(fakeNetworkScorecardApi());
    expect(
      await screen.findByRole('button', {
        name: 'Migrations across the fleet',
      }),
    ).toHaveAttribute('href', '/network-scorecard/migrations');
  });

  it('shows the migrations view at /migrations', async () => {
    await renderPage(fakeNetworkScorecardApi(), { path: '/migrations' })
      .rendered;
    expect(
      await screen.findByRole('heading', { name: 'Migrations' }),
    ).toBeInTheDocument();
    expect(screen.queryByText('Fleet')).not.toBeInTheDocument();
  });

  it('tells how to configure clusters when there are none', async () => {
    await render(
      fakeNetworkScorecardApi({
        listClusters: jest.fn(async () => ({ items: [] })),
      }),
    );

    expect(
      await screen.findByText('No clusters to score yet'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/kubernetes\.clusterLocatorMethods/),
    ).toBeInTheDocument();
    expect(screen.getByText(/networkScorecard\.snapshots/)).toBeInTheDocument();
  });

  it('shows the backend error', async () => {
    const error = await backendError(
      503,
      'ServiceUnavailableError',
      'database is starting',
    );
    await render(
      fakeNetworkScorecardApi({
        listClusters: jest.fn().mockRejectedValue(error),
      }),
    );

    expect(
      await screen.findByText(
        /Request failed with 503 ServiceUnavailableError/,
      ),
    ).toBeInTheDocument();
  });

  it('reads the groups of the catalog once, for the owner filter', async () => {
    const { rendered, catalogApi } = renderPage(fakeNetworkScorecardApi(), {
      query: '?owner=group:default/engineering',
    });
    await rendered;
    await waitFor(() =>
      expect(shownClusters()).toEqual([
        'prod-eu-1',
        'prod-us-1',
        'dev-flannel',
      ]),
    );
    expect(catalogApi.getEntities).toHaveBeenCalledTimes(1);
    expect(catalogApi.getEntities).toHaveBeenCalledWith(
      expect.objectContaining({ filter: { kind: 'Group' } }),
    );
  });
});
