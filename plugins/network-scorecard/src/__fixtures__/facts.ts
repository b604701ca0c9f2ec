import { ClusterFacts, FACT_IDS } from '@network-scorecard/common';
// Test fixtures run in jest under Node and are never bundled into the app.
// eslint-disable-next-line no-restricted-imports
import fs from 'fs';
// eslint-disable-next-line no-restricted-imports
import path from 'path';

/**
 * Facts of the frontend's test clusters: golden facts, i.e. what the real
 * collector reads from the demo dumps (fixtures/golden, `npm run golden`),
 * never a hand-made set that could drift from the detectors.
 */
function golden(name: string): ClusterFacts {
  const file = path.resolve(
    __dirname,
    '../../../../fixtures/golden',
    `${name}.json`,
  );
  return JSON.parse(fs.readFileSync(file, 'utf8')).facts as ClusterFacts;
}

function hidden(
  facts: ClusterFacts,
  reasons: Record<string, string>,
): ClusterFacts {
  const copy: Record<string, unknown> = { ...facts };
  for (const [id, reason] of Object.entries(reasons))
    copy[id] = { value: null, evidence: [], reason };
  return copy as ClusterFacts;
}

/** Cilium done right in production (the demo's prod-eu-1). */
export const ciliumProductionFacts = golden('demo-prod-eu-1');

/** Calico moving to Cilium, nodes on old kernels (the demo's prod-us-1). */
export const ciliumOldKernelFacts = golden('demo-prod-us-1');

/** Flannel off production (the demo's dev-sandbox). */
export const flannelDevFacts = golden('demo-dev-sandbox');

/** Calico with BGP (the demo's dc-fra-1), scanned by an old role that may list neither Nodes nor Calico policies. */
export const calicoNodesForbiddenFacts = hidden(golden('demo-dc-fra-1'), {
  nodes:
    'forbidden: nodes is forbidden: User "system:serviceaccount:network-scorecard:network-scorecard" cannot list resource "nodes" in API group "" at the cluster scope',
  policies:
    'forbidden: networkpolicies.crd.projectcalico.org is forbidden: User "system:serviceaccount:network-scorecard:network-scorecard" cannot list resource "networkpolicies" in API group "crd.projectcalico.org" at the cluster scope',
});

/** An API server that never answered: every fact unknown. */
export const unreachableFacts: ClusterFacts = hidden(
  {},
  Object.fromEntries(
    FACT_IDS.filter(id => id !== 'dashboards').map(id => [
      id,
      'timeout: no answer from https://lab-edge.example.com:6443 within 10 s',
    ]),
  ),
);
