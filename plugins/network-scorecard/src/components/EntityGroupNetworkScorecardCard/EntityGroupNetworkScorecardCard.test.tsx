import { screen, waitFor, within } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  catalogApiRef,
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { NetworkScorecardApi, networkScorecardApiRef } from '../../api';
import { fakeNetworkScorecardApi } from '../../__fixtures__/fakeApi';
import { backendError } from '../../__fixtures__/errors';
import { fleetOf, groups } from '../../__fixtures__/fleet';
import { reports } from '../../__fixtures__/reports';
import { EntityGroupNetworkScorecardCard } from './EntityGroupNetworkScorecardCard';
import { MAX_REPORTS } from './loadGroupScorecard';

/** A Component as the catalog serves it: the ownedBy relation computed from spec.owner. */
function component(name: string, owner: string, dependsOn: string[]): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
    spec: { type: 'service', lifecycle: 'production', owner, dependsOn },
    relations: [
      { type: 'ownedBy', targetRef: `group:default/${owner}` },
      ...dependsOn.map(ref => ({
        type: 'dependsOn',
        targetRef: ref.replace('resource:', 'resource:default/'),
      })),
    ],
  };
}

// engineering ⊃ infrastructure ⊃ team-platform, engineering ⊃ team-dev-experience, business ⊃ team-payments
const components = [
  component('checkout', 'team-platform', ['resource:prod-us-1']),
  component('orders-db-migrator', 'team-platform', ['resource:orders-db']),
  component('storefront', 'team-dev-experience', [
    'resource:prod-us-1',
    'resource:dev-flannel',
  ]),
  component('search', 'infrastructure', ['resource:prod-eu-1']),
  component('payments-api', 'team-payments', ['resource:staging-calico']),
];

const emptyGroup: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'team-new', namespace: 'default', title: 'New team' },
  spec: { type: 'team', children: [] },
};

const groupNamed = (name: string) =>
  [...groups, emptyGroup].find(g => g.metadata.name === name)!;

function render(
  group: Entity,
  api: NetworkScorecardApi = fakeNetworkScorecardApi(),
  entities: Entity[] = [...groups, emptyGroup, ...components],
) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [networkScorecardApiRef, api],
        [catalogApiRef, catalogApiMock({ entities })],
      ]}
    >
      <EntityProvider entity={group}>
        <EntityGroupNetworkScorecardCard />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

const ownedShown = () =>
  screen
    .queryAllByTestId(/^group-cluster-grade-/)
    .map(el => el.dataset.testid!.replace('group-cluster-grade-', ''))
    .sort();

const problems = () =>
  screen
    .queryAllByTestId('group-service-problem')
    .map(el => el.querySelector('p')!.textContent);

describe('EntityGroupNetworkScorecardCard', () => {
  it('shows the clusters a group owns through its sub-groups, with their grades and Network tab links', async () => {
    await render(groupNamed('engineering'));

    await screen.findByTestId('group-cluster-grade-prod-us-1');
    expect(ownedShown()).toEqual(['dev-flannel', 'prod-eu-1', 'prod-us-1']);
    for (const name of ownedShown()) {
      expect(
        screen.getByTestId(`group-cluster-grade-${name}`),
      ).toHaveTextContent(reports[name].grade);
    }
    const table = screen.getByRole('table', {
      name: 'Clusters owned by engineering',
    });
    expect(
      within(table).getByRole('link', { name: 'prod-us-1: Network tab' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/resource/prod-us-1/network-scorecard',
    );
    // dev-flannel's newest attempt failed after its last scan
    const row = screen
      .getByTestId('group-cluster-grade-dev-flannel')
      .closest('tr')!;
    expect(within(row).getByText('stale')).toBeInTheDocument();
  });

  it('counts only its own sub-groups: a team sees its clusters, not its parent’s', async () => {
    await render(groupNamed('team-platform'));

    await screen.findByTestId('group-cluster-grade-prod-us-1');
    expect(ownedShown()).toEqual(['prod-eu-1', 'prod-us-1']);
  });

  it('groups its services by the problems of their clusters, in the reports’ words', async () => {
    const api = fakeNetworkScorecardApi();
    await render(groupNamed('engineering'), api);

    await waitFor(() => expect(problems().length).toBeGreaterThan(0));
    expect(problems()).toContain(
      '2 of your services run on 2 clusters where a migration is blocked: 2 of n Linux nodes run a kernel below 5.10 (lowest 5.4.129-63.229.amzn2.aarch64)',
    );
    const kernelCheck = reports['prod-us-1'].checks.find(
      c => c.id === 'cni.kernel',
    )!;
    expect(kernelCheck.status).toBe('fail');
    expect(problems()).toContain(
      `2 of your services run on a cluster that fails the check “${kernelCheck.title}”`,
    );
    const kernel = screen
      .getAllByTestId('group-service-problem')
      .find(el => /kernel below 5\.10/.test(el.textContent ?? ''))!;
    expect(
      within(kernel)
        .getAllByRole('link')
        .map(a => a.textContent),
    ).toEqual(['checkout', 'storefront', 'dev-flannel', 'prod-us-1']);
    expect(within(kernel).getByText(/^Blocks:/)).toHaveTextContent(
      'Blocks: Ready to move from Calico to Cilium; Ready to replace kube-proxy',
    );
    // search runs on prod-eu-1 only, which has neither a failing check nor a blocker
    expect(screen.queryByRole('link', { name: 'search' })).toBeNull();
    // full reports only of the clusters the services run on
    expect(
      api.getClusterReport.mock.calls.map(([name]) => name).sort(),
    ).toEqual(['dev-flannel', 'prod-eu-1', 'prod-us-1']);
  });

  it('says so when the group owns neither clusters nor services', async () => {
    await render(groupNamed('team-new'));

    expect(
      await screen.findByTestId('group-owns-no-cluster'),
    ).toHaveTextContent('New team owns no cluster the scorecard knows');
    expect(screen.getByTestId('group-owns-no-service')).toHaveTextContent(
      'New team and its sub-groups own no Component.',
    );
  });

  it('shows the backend error, not an empty group, when the cluster list fails', async () => {
    const error = await backendError(500, 'Error', 'database unavailable');
    await render(
      groupNamed('engineering'),
      fakeNetworkScorecardApi({
        listClusters: jest.fn().mockRejectedValue(error),
      }),
    );

    expect(
      await screen.findByText(/Request failed with 500/),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('group-owns-no-cluster')).toBeNull();
    expect(screen.queryByTestId('group-no-problem')).toBeNull();
  });

  it('never reports all fine when a cluster’s report could not be read', async () => {
    const error = await backendError(503, 'ServiceUnavailable', 'timeout');
    const api = fakeNetworkScorecardApi({
      getClusterReport: jest.fn().mockRejectedValue(error),
    });
    await render(groupNamed('team-platform'), api);

    expect(
      await screen.findByText(
        /Could not read the report of prod-us-1: its problems are not counted above/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByTestId('group-no-problem')).toHaveTextContent(
      'No failing check and no readiness blocker on the clusters that could be read (1 service on 0 clusters read); the others are listed below.',
    );
  });

  it('says what it looked at when no problem was found, and what could not be judged', async () => {
    const search = component('search', 'team-dev-experience', [
      'resource:prod-eu-1',
    ]);
    await render(groupNamed('team-dev-experience'), undefined, [
      ...groups,
      search,
    ]);

    const undecided =
      reports['prod-eu-1'].checks.filter(c => c.status === 'unknown').length +
      reports['prod-eu-1'].readiness.filter(r => r.status === 'unknown').length;
    expect(undecided).toBeGreaterThan(0);
    expect(await screen.findByTestId('group-no-problem')).toHaveTextContent(
      `No failing check and no readiness blocker on the clusters your services run on (1 service on 1 cluster read). ${undecided} ${
        undecided === 1
          ? 'check or readiness item'
          : 'checks or readiness items'
      } on them could not be judged.`,
    );
  });

  it(`reads at most ${MAX_REPORTS} reports and names the clusters it left out`, async () => {
    const fleet = fleetOf(MAX_REPORTS + 5);
    const api = fakeNetworkScorecardApi({
      listClusters: jest.fn(async () => ({ items: fleet })),
      getClusterReport: jest.fn(async (name: string) => ({
        ...reports[name.replace(/-\d+$/, '')],
        cluster: name,
      })),
    });
    const everywhere = component(
      'edge-proxy',
      'team-platform',
      fleet.map(c => `resource:${c.name}`),
    );
    await render(groupNamed('team-platform'), api, [...groups, everywhere]);

    expect(
      await screen.findByText(
        /^Not read: 5 more clusters your services run on/,
      ),
    ).toBeInTheDocument();
    expect(api.getClusterReport).toHaveBeenCalledTimes(MAX_REPORTS);
  });
});
