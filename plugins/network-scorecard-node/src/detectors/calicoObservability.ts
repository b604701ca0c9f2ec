import { CalicoObservabilityFact, Fact } from '@network-scorecard/common';
import { ClusterReader, KubeObject } from '../reader/types';
import { felixDefault, findCalico } from './support/calico';
import { known, notApplicable } from './support/facts';
import {
  dig,
  envValue,
  isTrue,
  labels,
  mainContainer,
  ref,
} from './support/objects';
import { deploymentsIn } from './support/workloads';

// The Tigera operator (Calico 3.30+) runs Goldmane and Whisker here, whichever
// namespace calico-node runs in.
const CALICO_SYSTEM = 'calico-system';

function deployment(
  deployments: KubeObject[],
  name: string,
): KubeObject | undefined {
  return deployments.find(
    d => d.metadata.name === name || labels(d)['k8s-app'] === name,
  );
}

/**
 * Felix serves Prometheus metrics when FelixConfiguration default says
 * prometheusMetricsEnabled: true, or (manifest installs) calico-node sets
 * FELIX_PROMETHEUSMETRICSENABLED; off by default.
 */
async function felixMetrics(
  reader: ClusterReader,
  node: KubeObject | undefined,
): Promise<{ on: boolean; evidence: string }> {
  const env = node
    ? envValue(
        mainContainer(node, 'calico-node'),
        'FELIX_PROMETHEUSMETRICSENABLED',
      )
    : undefined;
  if (env !== undefined) {
    return {
      on: isTrue(env),
      evidence: `${ref(
        node!,
        'DaemonSet',
      )}: FELIX_PROMETHEUSMETRICSENABLED=${env}`,
    };
  }
  const felix = await felixDefault(reader);
  const value = dig(felix, 'spec', 'prometheusMetricsEnabled');
  if (!felix)
    return {
      on: false,
      evidence:
        'FelixConfiguration default: absent (prometheusMetricsEnabled defaults to false)',
    };
  return {
    on: value === true,
    evidence:
      value === undefined
        ? `${ref(
            felix,
            'FelixConfiguration',
          )}: prometheusMetricsEnabled absent (default false)`
        : `${ref(
            felix,
            'FelixConfiguration',
          )}: prometheusMetricsEnabled=${value}`,
  };
}

/** Fact calico.observability: Goldmane flow logs, the Whisker UI and Felix metrics. */
export async function calicoObservability(
  reader: ClusterReader,
): Promise<Fact<CalicoObservabilityFact>> {
  const calico = await findCalico(reader);
  if (!calico) return notApplicable('Calico is not installed');
  const deployments = await deploymentsIn(
    reader,
    CALICO_SYSTEM,
    calico.operator,
  );
  const goldmane = deployment(deployments, 'goldmane');
  const whisker = deployment(deployments, 'whisker');
  const felix = await felixMetrics(reader, calico.node);
  const seen = (d: KubeObject | undefined, name: string) =>
    d
      ? `${ref(d, 'Deployment')}: present`
      : `Deployments ${CALICO_SYSTEM}: no ${name} (Calico 3.30+ operator CR ${
          name === 'goldmane' ? 'Goldmane' : 'Whisker'
        })`;
  return known<CalicoObservabilityFact>(
    { goldmane: !!goldmane, whisker: !!whisker, felixMetrics: felix.on },
    [seen(goldmane, 'goldmane'), seen(whisker, 'whisker'), felix.evidence],
  );
}
