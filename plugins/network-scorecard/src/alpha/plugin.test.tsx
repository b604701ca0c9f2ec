import { screen, within } from '@testing-library/react';
import { Entity } from '@backstage/catalog-model';
import { coreExtensionData } from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  renderInTestApp,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { NetworkScorecardApi, networkScorecardApiRef } from '../api';
import { fakeNetworkScorecardApi } from '../__fixtures__/fakeApi';
import { reports, summaries } from '../__fixtures__/reports';
import networkScorecardPlugin from '../alpha';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import {
  networkScorecardEntityCard,
  networkScorecardEntityContent,
  networkScorecardGroupEntityCard,
} from './entity';

const cluster: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'prod-eu-1' },
  spec: {
    type: 'kubernetes-cluster',
    lifecycle: 'production',
    owner: 'team-platform',
  },
};

const team: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'team-platform' },
  spec: { type: 'team', children: [] },
};

function apiWithCluster(name: string): NetworkScorecardApi {
  return fakeNetworkScorecardApi({
    getEntityReport: jest.fn(async (entityRef: string) => ({
      entityRef,
      clusters: [
        { cluster: summaries[name], report: reports[name], namespace: null },
      ],
    })),
  });
}

// each extension loads its component's code on first render, slow under jest
jest.setTimeout(30_000);

describe('network-scorecard plugin for the new frontend system', () => {
  it('is the default export of /alpha, with its id and every extension', () => {
    expect(networkScorecardPlugin.id).toBe('network-scorecard');
    for (const id of [
      'api:network-scorecard',
      'page:network-scorecard',
      'entity-card:network-scorecard',
      'entity-card:network-scorecard/group',
      'entity-content:network-scorecard',
    ]) {
      expect(networkScorecardPlugin.getExtension(id as never)).toBeDefined();
    }
  });

  it('shows the fleet at /network-scorecard under the one header the app draws', async () => {
    renderTestApp({
      features: [networkScorecardPlugin],
      apis: [[networkScorecardApiRef, fakeNetworkScorecardApi()]],
      initialRouteEntries: ['/network-scorecard'],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });

    await screen.findByTestId('fleet-grade-prod-eu-1', {}, { timeout: 20_000 });
    for (const name of Object.keys(reports)) {
      expect(screen.getByTestId(`fleet-grade-${name}`)).toHaveTextContent(
        reports[name].grade,
      );
    }
    expect(
      screen.getAllByRole('heading', { name: 'Network Scorecard' }),
    ).toHaveLength(1);
  });

  it('puts the card on the overview of clusters only', async () => {
    const tester = createExtensionTester(networkScorecardEntityCard, {
      apis: [[networkScorecardApiRef, apiWithCluster('prod-eu-1')]],
    });
    const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction);
    expect(filter?.(cluster)).toBe(true);
    expect(filter?.(team)).toBe(false);

    renderInTestApp(
      <EntityProvider entity={cluster}>{tester.reactElement()}</EntityProvider>,
      { apis: [[networkScorecardApiRef, apiWithCluster('prod-eu-1')]] },
    );
    const card = await screen.findByTestId(
      'network-scorecard-card',
      {},
      { timeout: 20_000 },
    );
    expect(
      await within(card).findByTestId('grade-prod-eu-1'),
    ).toHaveTextContent(reports['prod-eu-1'].grade);
  });

  it('puts the group card on the overview of groups only', async () => {
    const apis = [
      [networkScorecardApiRef, fakeNetworkScorecardApi()],
      [catalogApiRef, catalogApiMock({ entities: [team, cluster] })],
    ] as const;
    const tester = createExtensionTester(networkScorecardGroupEntityCard, {
      apis: [...apis],
    });
    const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction);
    expect(filter?.(team)).toBe(true);
    expect(filter?.(cluster)).toBe(false);

    renderInTestApp(
      <EntityProvider entity={team}>{tester.reactElement()}</EntityProvider>,
      {
        apis: [...apis],
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );
    expect(
      await screen.findByTestId(
        'group-cluster-grade-prod-eu-1',
        {},
        { timeout: 20_000 },
      ),
    ).toHaveTextContent(reports['prod-eu-1'].grade);
  });

  it('adds the Network tab at network-scorecard with the full report', async () => {
    const tester = createExtensionTester(networkScorecardEntityContent, {
      apis: [[networkScorecardApiRef, apiWithCluster('prod-eu-1')]],
    });
    expect(tester.get(coreExtensionData.routePath)).toBe('network-scorecard');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('Network');
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction);
    expect(filter?.(cluster)).toBe(true);
    expect(filter?.(team)).toBe(false);

    renderInTestApp(
      <EntityProvider entity={cluster}>{tester.reactElement()}</EntityProvider>,
      { apis: [[networkScorecardApiRef, apiWithCluster('prod-eu-1')]] },
    );
    const panel = await screen.findByTestId(
      'cluster-report-prod-eu-1',
      {},
      { timeout: 20_000 },
    );
    expect(within(panel).getByTestId('grade-prod-eu-1')).toHaveTextContent(
      reports['prod-eu-1'].grade,
    );
  });
});
