import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { NetworkScorecardApi, networkScorecardApiRef } from '../../api';
import { fakeNetworkScorecardApi } from '../../__fixtures__/fakeApi';
import { backendError } from '../../__fixtures__/errors';
import { reports } from '../../__fixtures__/reports';
import { MigrationsView } from './MigrationsView';

const KUBE_PROXY = 'readiness.kube-proxy-replacement';
const DAY_MS = 24 * 3600 * 1000;

function render(api: NetworkScorecardApi, query = `?item=${KUBE_PROXY}`) {
  return renderInTestApp(
    <TestApiProvider apis={[[networkScorecardApiRef, api]]}>
      <MigrationsView />
    </TestApiProvider>,
    {
      routeEntries: [`/network-scorecard/migrations${query}`],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
}

jest.setTimeout(20_000);

describe('MigrationsView', () => {
  it('charts the selected item week by week over 90 days by default', async () => {
    const api = fakeNetworkScorecardApi();
    await render(api);

    const chart = await screen.findByRole('img', {
      name: /clusters per status over 8 weeks/,
    });
    // prod-us-1 and dev-flannel are blocked, staging-calico and lab-edge unknown, prod-eu-1 does not apply
    expect(chart).toHaveAccessibleName(
      expect.stringContaining(
        '0 ready, 2 blocked, 2 unknown, 1 not applicable',
      ),
    );
    const [options] = api.getFleetHistory.mock.calls[0];
    expect(options?.bucket).toBe('week');
    expect(daysBetween(options!.from!, options!.to!)).toBe(90);
    expect(screen.getByRole('button', { name: '90 d' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });

  it('lists every readiness item with its newest counts, the selected one marked', async () => {
    await render(fakeNetworkScorecardApi());

    const row = await screen.findByTestId(`readiness-item-${KUBE_PROXY}`);
    const title = reports['prod-us-1'].readiness.find(
      r => r.id === KUBE_PROXY,
    )!.title;
    const link = within(row).getByRole('link', { name: title });
    expect(link).toHaveAttribute('aria-current', 'true');
    expect(link).toHaveAttribute(
      'href',
      `/network-scorecard/migrations?item=${KUBE_PROXY}&range=90d`,
    );
    // two clusters are blocked on kube-proxy replacement in the newest week
    expect(within(row).getAllByRole('cell')[2]).toHaveTextContent('2');

    await userEvent.click(
      within(screen.getByTestId('readiness-item-readiness.hubble')).getByRole(
        'link',
      ),
    );
    expect(
      await screen.findByRole('img', { name: /^Flow observability/ }),
    ).toBeInTheDocument();
  });

  it('ranks the blockers by the clusters they block, grouping texts that differ in numbers', async () => {
    const api = fakeNetworkScorecardApi();
    await render(api);

    const groups = await screen.findAllByTestId('blocker-group');
    expect(groups[0]).toHaveTextContent(
      '2 of n Linux nodes run a kernel below 5.10 (lowest 5.4.129-63.229.amzn2.aarch64) — 2 clusters',
    );
    expect(groups[0]).toHaveTextContent('dev-flannel, prod-us-1');
    expect(groups[1]).toHaveTextContent(
      'the CNI (flannel) cannot replace kube-proxy; only Cilium or Calico eBPF can — 1 cluster',
    );
    expect(
      screen.getByText(/differ only in their numbers/),
    ).toBeInTheDocument();
    // only the blocked clusters' reports are read
    expect(
      api.getClusterReport.mock.calls.map(([name]) => name).sort(),
    ).toEqual(['dev-flannel', 'prod-us-1']);
  });

  it('shows each blocked cluster with its owner, blockers and next step, linked to its Network tab', async () => {
    await render(fakeNetworkScorecardApi());

    const row = await screen.findByTestId('blocked-prod-us-1');
    expect(
      within(row).getByRole('link', { name: 'prod-us-1' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/resource/prod-us-1/network-scorecard',
    );
    expect(
      within(row).getByRole('link', { name: 'team-platform' }),
    ).toHaveAttribute('href', '/catalog/default/group/team-platform');
    const item = reports['prod-us-1'].readiness.find(r => r.id === KUBE_PROXY)!;
    expect(row).toHaveTextContent(item.blockers[0]);
    expect(row).toHaveTextContent(item.steps[0]);
  });

  it('reads the range from the buttons and asks for the history again', async () => {
    const api = fakeNetworkScorecardApi();
    await render(api);
    await screen.findByRole('img', { name: /clusters per status/ });

    await userEvent.click(screen.getByRole('button', { name: '1 y' }));

    await waitFor(() => expect(api.getFleetHistory).toHaveBeenCalledTimes(2));
    const [options] = api.getFleetHistory.mock.calls[1];
    expect(daysBetween(options!.from!, options!.to!)).toBe(365);
    expect(
      await screen.findByRole('button', { name: '1 y', pressed: true }),
    ).toBeInTheDocument();
  });

  it('keeps the other clusters when one report cannot be read', async () => {
    const api = fakeNetworkScorecardApi();
    const known = api.getClusterReport.getMockImplementation()!;
    api.getClusterReport.mockImplementation(async name =>
      name === 'dev-flannel'
        ? Promise.reject(await backendError(500, 'Error', 'database is down'))
        : known(name),
    );
    await render(api);

    expect(
      await screen.findByText(/Could not read the report of dev-flannel/),
    ).toBeInTheDocument();
    expect(screen.getByTestId('blocked-prod-us-1')).toBeInTheDocument();
  });

  it('says so when the item in the URL does not exist', async () => {
    await render(fakeNetworkScorecardApi(), '?item=readiness.nope');

    expect(
      await screen.findByText(/There is no readiness item “readiness.nope”/),
    ).toBeInTheDocument();
  });
});
