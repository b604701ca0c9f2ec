import {
  ClusterFacts,
  ClusterReport,
  ClusterSummary,
  EvaluationContext,
  FleetSummary,
  ReportError,
  ReportLink,
  defaultRuleset,
  evaluateCluster,
  PreviousScan,
  scanHeadline,
  summarizeScan,
} from '@network-scorecard/common';
import {
  calicoNodesForbiddenFacts,
  ciliumOldKernelFacts,
  ciliumProductionFacts,
  flannelDevFacts,
  unreachableFacts,
} from './facts';

/** Reports built by the real evaluator from realistic facts, one per demo-like cluster. */

const NOW = new Date();
const hoursAgo = (hours: number) =>
  new Date(NOW.getTime() - hours * 3600 * 1000).toISOString();

interface ClusterSetup {
  name: string;
  facts: ClusterFacts;
  lifecycle: string | null;
  owner: string | null;
  scannedAt: string;
  errors?: ReportError[];
  links?: ReportLink[];
  requirements?: EvaluationContext['requirements'];
  platformRefresh?: string | null;
  configErrors?: string[];
  catalog?: boolean;
  lastError?: ClusterSummary['lastError'];
  previous?: PreviousScan;
}

function grafanaLinks(cluster: string): ReportLink[] {
  return [
    {
      kind: 'grafana',
      dashboard: 'serviceMap',
      title: 'Service map',
      url: `https://grafana.example.com/d/hubble-service-map?var-cluster=${cluster}`,
    },
    {
      kind: 'grafana',
      dashboard: 'errorRates',
      title: 'Error rates',
      url: `https://grafana.example.com/d/hubble-http-errors?var-cluster=${cluster}`,
    },
  ];
}

function hubbleLink(cluster: string): ReportLink {
  return {
    kind: 'hubble-ui',
    title: 'Hubble UI',
    url: `https://hubble.${cluster}.example.com`,
  };
}

function build(setup: ClusterSetup): ClusterReport {
  return evaluateCluster(
    {
      cluster: setup.name,
      source: 'snapshot',
      scannedAt: setup.scannedAt,
      facts: setup.facts,
      errors: setup.errors ?? [],
      links: setup.links,
      context: {
        requirements: setup.requirements ?? [],
        lifecycle: setup.lifecycle,
        platformRefresh: setup.platformRefresh ?? null,
        catalogServiceCount: null,
        now: NOW.toISOString(),
      },
    },
    defaultRuleset,
  );
}

const setups: ClusterSetup[] = [
  {
    name: 'prod-eu-1',
    facts: ciliumProductionFacts,
    lifecycle: 'production',
    owner: 'group:default/team-platform',
    scannedAt: hoursAgo(1),
    links: [hubbleLink('prod-eu-1'), ...grafanaLinks('prod-eu-1')],
  },
  {
    name: 'prod-us-1',
    facts: ciliumOldKernelFacts,
    lifecycle: 'production',
    owner: 'group:default/team-platform',
    scannedAt: hoursAgo(2),
    links: [hubbleLink('prod-us-1'), ...grafanaLinks('prod-us-1')],
    previous: {
      scannedAt: hoursAgo(26),
      score: 50,
      grade: 'F',
      rulesetVersion: '2026.10.0',
    },
  },
  {
    name: 'dev-flannel',
    facts: flannelDevFacts,
    lifecycle: 'development',
    owner: 'group:default/team-dev-experience',
    scannedAt: hoursAgo(50),
    lastError: {
      at: hoursAgo(1),
      message:
        'snapshot examples/clusters/dev-flannel.json: Unexpected end of JSON input',
    },
  },
  {
    name: 'staging-calico',
    facts: calicoNodesForbiddenFacts,
    lifecycle: 'staging',
    owner: 'group:default/team-payments',
    scannedAt: hoursAgo(3),
    errors: [
      {
        fact: 'nodes',
        reason: calicoNodesForbiddenFacts.nodes?.reason ?? 'forbidden',
      },
    ],
    configErrors: [
      'resource:default/staging-calico network-scorecard.io/requirements: unknown requirement "mtls"; expected one of mtls-all-east-west, …',
    ],
  },
  {
    name: 'lab-edge',
    facts: unreachableFacts,
    lifecycle: null,
    owner: null,
    scannedAt: hoursAgo(5),
    errors: [
      {
        fact: 'cni',
        reason: 'timeout: GET /apis/apps/v1/daemonsets after 10 s',
      },
      { fact: 'nodes', reason: 'timeout: GET /api/v1/nodes after 10 s' },
    ],
    catalog: false,
  },
];

export const reports: Record<string, ClusterReport> = Object.fromEntries(
  setups.map(setup => [setup.name, build(setup)]),
);

function summarize(
  setup: ClusterSetup,
  report: ClusterReport | null,
): ClusterSummary {
  const entityRef =
    setup.catalog === false ? null : `resource:default/${setup.name}`;
  return {
    name: setup.name,
    title: setup.name,
    source: 'snapshot',
    entityRef,
    lifecycle: setup.lifecycle,
    owner: setup.owner,
    configErrors: setup.configErrors ?? [],
    lastError: setup.lastError ?? null,
    stale: Boolean(report && setup.lastError),
    lastScan:
      report &&
      summarizeScan(
        scanHeadline(report),
        setup.previous,
        report.antiPatterns.filter(ap => ap.acknowledged).map(ap => ap.id),
      ),
  };
}

export const summaries: Record<string, ClusterSummary> = Object.fromEntries(
  setups.map(setup => [setup.name, summarize(setup, reports[setup.name])]),
);

/** A cluster found in the catalog whose first scan has not finished. */
export const neverScanned: ClusterSummary = summarize(
  {
    name: 'prod-ap-1',
    facts: {},
    lifecycle: 'production',
    owner: 'group:default/team-platform',
    scannedAt: NOW.toISOString(),
  },
  null,
);

export function fleetSummaryOf(items: ClusterSummary[]): FleetSummary {
  const count = (key: (item: ClusterSummary) => string | null | undefined) => {
    const counts: Record<string, number> = {};
    for (const item of items) {
      const value = key(item);
      if (value) counts[value] = (counts[value] ?? 0) + 1;
    }
    return counts;
  };
  return {
    clusters: items.length,
    scanned: items.filter(i => i.lastScan).length,
    byCni: count(i => i.lastScan?.cni),
    byMesh: count(i => i.lastScan?.mesh),
    byGrade: count(i => i.lastScan?.grade),
    byReadiness: {},
    antiPatternsDetected: {},
  };
}
