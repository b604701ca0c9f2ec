import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { EntityClusterReport } from '@network-scorecard/common';
import { NetworkScorecardApi, networkScorecardApiRef } from '../../api';
import { fakeNetworkScorecardApi } from '../../__fixtures__/fakeApi';
import { backendError } from '../../__fixtures__/errors';
import { neverScanned, reports, summaries } from '../../__fixtures__/reports';
import { EntityNetworkScorecardCard } from './EntityNetworkScorecardCard';

const checkout: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout',
    annotations: { 'backstage.io/kubernetes-namespace': 'checkout' },
  },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'team-payments',
    dependsOn: ['resource:prod-us-1'],
  },
};

function related(
  name: string,
  namespace: string | null = 'checkout',
): EntityClusterReport {
  return { cluster: summaries[name], report: reports[name], namespace };
}

function render(api: NetworkScorecardApi, entity: Entity = checkout) {
  return renderInTestApp(
    <TestApiProvider apis={[[networkScorecardApiRef, api]]}>
      <EntityProvider entity={entity}>
        <EntityNetworkScorecardCard />
      </EntityProvider>
    </TestApiProvider>,
  );
}

function withClusters(clusters: EntityClusterReport[]) {
  return fakeNetworkScorecardApi({
    getEntityReport: jest.fn(async (entityRef: string) => ({
      entityRef,
      clusters,
    })),
  });
}

describe('EntityNetworkScorecardCard', () => {
  it('asks for the entity by its ref and shows the grade of its cluster', async () => {
    const api = withClusters([related('prod-us-1')]);
    await render(api);

    const card = await screen.findByTestId('network-scorecard-card');
    expect(within(card).getByText('Network scorecard')).toBeInTheDocument();
    expect(await screen.findByTestId('grade-prod-us-1')).toHaveTextContent(
      reports['prod-us-1'].grade,
    );
    expect(api.getEntityReport).toHaveBeenCalledWith(
      'component:default/checkout',
    );
    expect(
      screen.getByText(
        `${Math.round(reports['prod-us-1'].coverage * 100)} % coverage`,
      ),
    ).toBeInTheDocument();
  });

  it('tells an unknown requirement in the catalog apart from a partial scan', async () => {
    const reason =
      'resource:default/prod-us-1 annotation network-scorecard.io/requirements: unknown requirement "mtls-everywhere"';
    const report = {
      ...reports['prod-us-1'],
      status: 'partial' as const,
      errors: [{ fact: 'catalog', reason }],
    };
    await render(
      withClusters([
        { cluster: summaries['prod-us-1'], report, namespace: 'checkout' },
      ]),
    );

    expect(await screen.findByText(reason)).toBeInTheDocument();
    expect(
      screen.getByText(/catalog entity declares something/),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Partial scan/)).not.toBeInTheDocument();
  });

  it('lists failing checks before passing ones', async () => {
    await render(withClusters([related('prod-us-1')]));

    const failing = reports['prod-us-1'].checks.find(c => c.status === 'fail')!;
    expect(failing.id).toBe('cni.kernel');
    const section = await screen.findByTestId('cluster-prod-us-1');
    const shown = within(section)
      .getAllByTestId(/^check-/)
      .map(el => el.getAttribute('data-testid'));
    expect(shown[0]).toBe(`check-${failing.id}`);
    expect(
      within(section).getByText(failing.recommendation),
    ).toBeInTheDocument();
    // passing checks wait behind a button
    expect(shown).not.toContain('check-cni.production-grade');
    expect(
      within(section).getByRole('button', {
        name: /passing or not applicable/,
      }),
    ).toBeInTheDocument();
  });

  it('links Hubble UI filtered to the entity namespace, and the Grafana dashboards', async () => {
    await render(withClusters([related('prod-us-1')]));

    const hubble = await screen.findByRole('link', {
      name: /Hubble UI \(checkout\)/,
    });
    expect(hubble).toHaveAttribute(
      'href',
      'https://hubble.prod-us-1.example.com/?namespace=checkout',
    );
    expect(screen.getByRole('link', { name: /Service map/ })).toHaveAttribute(
      'href',
      'https://grafana.example.com/d/hubble-service-map?var-cluster=prod-us-1',
    );
  });

  it('shows unknown checks as unknown, never as passing, and lists what could not be read', async () => {
    await render(withClusters([related('staging-calico')]));

    const report = reports['staging-calico'];
    const attention = report.checks.filter(c =>
      ['fail', 'warn', 'unknown'].includes(c.status),
    );
    expect(attention.length).toBeGreaterThan(5);
    const section = await screen.findByTestId('cluster-staging-calico');
    expect(within(section).getAllByTestId(/^check-/)).toHaveLength(5);
    await userEvent.click(
      within(section).getByRole('button', {
        name: new RegExp(`${attention.length - 5} more to look at`),
      }),
    );

    const unknown = report.checks.find(c => c.status === 'unknown')!;
    const item = within(section).getByTestId(`check-${unknown.id}`);
    expect(within(item).getByText('unknown')).toBeInTheDocument();
    expect(within(item).queryByText('pass')).not.toBeInTheDocument();
    expect(screen.getByText(/Partial scan/)).toBeInTheDocument();
    expect(
      screen.getAllByText(/cannot list resource "nodes"/).length,
    ).toBeGreaterThan(0);
  });

  it('shows detected anti-patterns', async () => {
    await render(withClusters([related('prod-us-1')]));

    const detected = reports['prod-us-1'].antiPatterns.find(
      a => a.status === 'detected',
    )!;
    expect(await screen.findByText(detected.title)).toBeInTheDocument();
    expect(screen.getByText(detected.lesson)).toBeInTheDocument();
  });

  it('says when the latest scan attempt failed', async () => {
    await render(withClusters([related('dev-flannel', 'checkout')]));

    expect(
      await screen.findByText(
        /The latest scan attempt failed .*Unexpected end of JSON input/,
      ),
    ).toBeInTheDocument();
  });

  it('says when a cluster was never scanned', async () => {
    await render(
      withClusters([
        { cluster: neverScanned, report: null, namespace: 'checkout' },
      ]),
    );

    expect(await screen.findByTestId('grade-prod-ap-1')).toBeInTheDocument();
    expect(screen.getAllByText('not scanned yet').length).toBeGreaterThan(0);
  });

  it('shows no card when none of the entity’s Resources is a known cluster', async () => {
    // checkout depends on a database Resource only: the filter lets it through, the backend knows no such cluster
    const api = withClusters([]);
    await render(api, {
      ...checkout,
      spec: { ...checkout.spec, dependsOn: ['resource:default/orders-db'] },
    });

    await waitFor(() => expect(api.getEntityReport).toHaveBeenCalled());
    await waitFor(() =>
      expect(screen.queryByTestId('network-scorecard-card')).toBeNull(),
    );
    expect(screen.queryByText(/No cluster to score/)).toBeNull();
  });

  it('shows the backend error', async () => {
    const error = await backendError(403, 'NotAllowedError', 'not allowed');
    await render(
      fakeNetworkScorecardApi({
        getEntityReport: jest.fn().mockRejectedValue(error),
      }),
    );

    expect(
      await screen.findByText(/Request failed with 403/),
    ).toBeInTheDocument();
  });

  describe('the service’s namespace first', () => {
    const findings = (cluster: string) =>
      screen.findByTestId(`namespace-findings-${cluster}`);

    it('puts the namespace’s Hubble link and policy coverage before the cluster’s checks', async () => {
      await render(withClusters([related('prod-eu-1', 'checkout')]));

      const block = await findings('prod-eu-1');
      const section = screen.getByTestId('cluster-prod-eu-1');
      const firstCheck = within(section).getAllByTestId(/^check-/)[0];
      expect(
        block.compareDocumentPosition(firstCheck) &
          Node.DOCUMENT_POSITION_FOLLOWING,
      ).toBeTruthy();
      expect(
        within(block).getByRole('link', { name: /Hubble UI \(checkout\)/ }),
      ).toHaveAttribute(
        'href',
        'https://hubble.prod-eu-1.example.com/?namespace=checkout',
      );
      expect(within(block).getByTestId('namespace-policy')).toHaveTextContent(
        'Namespace checkout denies ingress by default',
      );
      // one Hubble link per cluster: the namespace's, not a second one among the Grafana links
      expect(
        within(section).getAllByRole('link', { name: /Hubble UI/ }),
      ).toHaveLength(1);
    });

    it('says when no enforced policy selects the namespace, or none is enforced at all', async () => {
      await render(
        withClusters([
          related('dev-flannel', 'checkout'),
          related('prod-us-1', 'storefront'),
        ]),
      );

      expect(
        within(await findings('dev-flannel')).getByTestId('namespace-policy'),
      ).toHaveTextContent(
        'No enforced policy selects pods in namespace checkout',
      );
      const policy = within(await findings('prod-us-1')).getByTestId(
        'namespace-policy',
      );
      expect(policy).toHaveTextContent(
        "No policy protects namespace storefront: the cluster's CNI enforces no network policy",
      );
      expect(within(policy).getByText('fail')).toBeInTheDocument();
    });

    it('says "not known" when the report cannot tell, never that the namespace is fine', async () => {
      await render(
        withClusters([
          // the scanner could not list Calico policies on staging-calico
          related('staging-calico', 'checkout'),
          // prod-eu-1 has no application namespace named payments
          related('prod-eu-1', 'payments'),
        ]),
      );

      for (const cluster of ['staging-calico', 'prod-eu-1']) {
        const policy = within(await findings(cluster)).getByTestId(
          'namespace-policy',
        );
        expect(policy).toHaveTextContent(/not known/);
        expect(within(policy).getByText('unknown')).toBeInTheDocument();
        expect(within(policy).queryByText('pass')).toBeNull();
      }
      expect(
        within(await findings('staging-calico')).getByTestId(
          'namespace-policy',
        ),
      ).toHaveTextContent(/cannot list resource "networkpolicies"/);
    });

    it('says how often policy drops the namespace’s traffic when the cluster has Prometheus, with Hubble filtered to drops', async () => {
      const base = reports['prod-eu-1']!;
      const drops = {
        window: '1h',
        perSecond: 0.5,
        byReason: [{ reason: 'POLICY_DENIED', perSecond: 0.4 }],
        policyDeniedShare: 0.8,
        policyDeniedByNamespace: [
          { namespace: 'checkout', perSecond: 0.2 },
          { namespace: 'accounts', perSecond: 0.2 },
        ],
      };
      const withDrops = {
        ...base,
        facts: {
          ...base.facts,
          'traffic.drops': { value: drops, evidence: ['hubble_drop_total'] },
        },
      };
      const failed = {
        ...base,
        cluster: 'prod-us-1',
        facts: {
          ...base.facts,
          'traffic.drops': {
            value: null,
            evidence: [],
            reason: 'Prometheus answered 500',
          },
        },
      };
      await render(
        withClusters([
          { ...related('prod-eu-1', 'checkout'), report: withDrops },
          { ...related('prod-us-1', 'checkout'), report: failed },
          related('dev-flannel', 'checkout'),
        ]),
      );

      const known = within(await findings('prod-eu-1')).getByTestId(
        'namespace-drops',
      );
      expect(known).toHaveTextContent(
        '12 drops/min by policy in namespace checkout over the last 1h',
      );
      expect(
        within(known).getByRole('link', {
          name: /Hubble UI \(checkout, dropped\)/,
        }),
      ).toHaveAttribute(
        'href',
        'https://hubble.prod-eu-1.example.com/?namespace=checkout&verdict=DROPPED',
      );
      const unknown = within(await findings('prod-us-1')).getByTestId(
        'namespace-drops',
      );
      expect(unknown).toHaveTextContent(
        'Policy drops in checkout: not known (Prometheus answered 500)',
      );
      expect(within(unknown).getByText('unknown')).toBeInTheDocument();
      // the dashboards open on the window of the traffic evidence, where there is some
      const grafanaOf = (cluster: string) =>
        within(screen.getByTestId(`cluster-${cluster}`))
          .queryAllByRole('link')
          .map(link => link.getAttribute('href') ?? '')
          .filter(href => href.startsWith('https://grafana.example.com'));
      expect(grafanaOf('prod-eu-1').length).toBeGreaterThan(0);
      for (const href of grafanaOf('prod-eu-1'))
        expect(href).toMatch(/&from=now-1h&to=now$/);
      for (const href of grafanaOf('dev-flannel'))
        expect(href).not.toMatch(/from=now/);
      // no Prometheus for the cluster: nothing is said about drops
      expect(
        within(await findings('dev-flannel')).queryByTestId('namespace-drops'),
      ).toBeNull();
    });

    it('keeps the card as it is for a cluster itself, which has no namespace', async () => {
      const cluster: Entity = {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Resource',
        metadata: { name: 'prod-eu-1' },
        spec: { type: 'kubernetes-cluster', owner: 'team-platform' },
      };
      await render(withClusters([related('prod-eu-1', null)]), cluster);

      await screen.findByTestId('cluster-prod-eu-1');
      expect(screen.queryByTestId(/^namespace-findings-/)).toBeNull();
      expect(screen.getByRole('link', { name: /^Hubble UI/ })).toHaveAttribute(
        'href',
        'https://hubble.prod-eu-1.example.com',
      );
    });
  });
});
