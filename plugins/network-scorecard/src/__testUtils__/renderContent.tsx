import {
  MockPermissionApi,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { NetworkScorecardApi, networkScorecardApiRef } from '../api';
import { fakeNetworkScorecardApi } from '../__fixtures__/fakeApi';
import { reports, summaries } from '../__fixtures__/reports';
import { EntityNetworkScorecardContent } from '../components/EntityNetworkScorecardContent';

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

export function apiFor(
  name: string,
  overrides: Partial<NetworkScorecardApi> = {},
) {
  return fakeNetworkScorecardApi({
    getEntityReport: jest.fn(async (entityRef: string) => ({
      entityRef,
      clusters: [
        { cluster: summaries[name], report: reports[name], namespace: null },
      ],
    })),
    ...overrides,
  });
}

export function render(
  api: NetworkScorecardApi,
  permissionApi = new MockPermissionApi(),
) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [networkScorecardApiRef, api],
        [permissionApiRef, permissionApi],
      ]}
    >
      <EntityProvider entity={cluster}>
        <EntityNetworkScorecardContent />
      </EntityProvider>
    </TestApiProvider>,
  );
}
