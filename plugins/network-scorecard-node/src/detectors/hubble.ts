import { HubbleFact, HubbleMetric } from '@network-scorecard/common';
import { parse } from 'yaml';
import { listAll } from '../reader/paging';
import { RESOURCES, builtIn } from '../reader/resources';
import { ClusterReader, KubeObject, ReadFailure } from '../reader/types';
import { calicoObservability } from './calicoObservability';
import { l7VisibilityDetails } from './l7Visibility';
import {
  CiliumConfig,
  ciliumConfig,
  configMapMountedAt,
  DYNAMIC_METRICS_CONFIGMAP,
  dynamicHubbleMetrics,
  findCilium,
  staticHubbleMetrics,
} from './support/cilium';
import { Detector, guarded, known } from './support/facts';
import { asString, dig, labels, ref } from './support/objects';
import { deploymentsIn } from './support/workloads';

/** "dns drop httpV2:exemplars=true;labelsContext=…" -> ["dns", "drop", "http"] */
export function metricFamilies(raw: string): string[] {
  return families(staticHubbleMetrics(raw));
}

function families(metrics: HubbleMetric[]): string[] {
  return [...new Set(metrics.map(m => m.name))];
}

// Managed platforms run Relay outside Cilium's namespace: GKE Dataplane V2
// puts it (and the UI of its setup guide) in its own observability namespace.
const PLATFORM_NAMESPACES = ['gke-managed-dpv2-observability'];
const COMPONENTS = ['hubble-relay', 'hubble-ui'];

/** Relay and UI Deployments: in Cilium's or a platform's namespace by name, anywhere by their k8s-app label. */
async function hubbleDeployments(
  reader: ClusterReader,
  ciliumNamespace: string,
): Promise<KubeObject[]> {
  const lists = await Promise.all([
    deploymentsIn(reader, ciliumNamespace, true),
    ...PLATFORM_NAMESPACES.map(ns => deploymentsIn(reader, ns)),
    listAll(reader, builtIn(RESOURCES.Deployment), {
      labelSelector: `k8s-app in (${COMPONENTS.join(',')})`,
    }),
  ]);
  const seen = new Map<string, KubeObject>();
  for (const d of lists.flat()) seen.set(ref(d, 'Deployment'), d);
  return [...seen.values()];
}

function component(
  deployments: KubeObject[],
  name: string,
): KubeObject | undefined {
  return deployments.find(
    d => d.metadata.name === name || labels(d)['k8s-app'] === name,
  );
}

function presence(
  found: KubeObject | undefined,
  name: string,
  ciliumNamespace: string,
): string {
  if (found) return `${ref(found, 'Deployment')}: present`;
  const where = [ciliumNamespace, ...PLATFORM_NAMESPACES].join(' or ');
  return `Deployments: no ${name} in ${where}, none labelled k8s-app=${name}`;
}

interface MetricsRead {
  config: HubbleFact['metricsConfig'];
  metrics: HubbleMetric[];
  evidence: string[];
}

/** The dynamic metrics file (Cilium 1.17+): the ConfigMap the agent mounts at the configured path. */
async function dynamicMetrics(
  reader: ClusterReader,
  config: CiliumConfig,
  agent: KubeObject,
  path: string,
): Promise<MetricsRead> {
  const name =
    configMapMountedAt(agent, 'cilium-agent', path) ??
    DYNAMIC_METRICS_CONFIGMAP;
  const namespace = agent.metadata.namespace ?? 'kube-system';
  const evidence = [config.evidence('hubble-dynamic-metrics-config-path')];
  let cm: KubeObject;
  try {
    cm = await reader.get(builtIn(RESOURCES.ConfigMap), name, namespace);
  } catch (error) {
    if (error instanceof ReadFailure && error.kind === 'not-found') {
      evidence.push(
        `ConfigMap ${namespace}/${name} absent: the agents have no dynamic metrics to export`,
      );
      return { config: 'dynamic', metrics: [], evidence };
    }
    throw error;
  }
  const key = path.slice(path.lastIndexOf('/') + 1);
  let parsed: unknown;
  try {
    parsed = parse(asString(dig(cm, 'data', key)) ?? '') ?? {};
  } catch {
    throw new ReadFailure(
      'error',
      `${ref(cm, 'ConfigMap')}: key ${key} is not valid YAML`,
    );
  }
  const metrics = dynamicHubbleMetrics(parsed);
  evidence.push(
    `${ref(cm, 'ConfigMap')}: ${key} metrics ${
      metrics
        .map(m => `${m.name}${m.filtered ? ' (includeFilters)' : ''}`)
        .join(', ') || '(none)'
    }`,
  );
  return { config: 'dynamic', metrics, evidence };
}

async function hubbleMetrics(
  reader: ClusterReader,
  config: CiliumConfig,
  agent: KubeObject,
  enabled: boolean,
): Promise<MetricsRead> {
  const server = config.value('hubble-metrics-server');
  if (!enabled || !server) {
    return {
      config: 'none',
      metrics: [],
      evidence: [
        server
          ? config.evidence('hubble-metrics')
          : `${config.ref}: hubble-metrics-server absent (metrics off)`,
      ],
    };
  }
  const serverEvidence = config.evidence('hubble-metrics-server');
  const dynamicPath = config.value('hubble-dynamic-metrics-config-path');
  if (dynamicPath) {
    const read = await dynamicMetrics(reader, config, agent, dynamicPath);
    return { ...read, evidence: [serverEvidence, ...read.evidence] };
  }
  const raw = config.value('hubble-metrics') ?? '';
  const metrics = staticHubbleMetrics(raw);
  return {
    config: metrics.length ? 'static' : 'none',
    metrics,
    evidence: [serverEvidence, config.evidence('hubble-metrics')],
  };
}

async function hubbleFact(reader: ClusterReader) {
  const cilium = await findCilium(reader);
  if (!cilium) {
    return known<HubbleFact>(
      {
        enabled: false,
        relay: false,
        ui: false,
        metrics: [],
        metricsConfig: 'none',
        metricDetails: [],
      },
      ['DaemonSets: no Cilium agent, so no Hubble'],
    );
  }
  const config = (await ciliumConfig(reader))!;
  const enabled = config.flag('enable-hubble');
  const ns = cilium.metadata.namespace ?? 'kube-system';
  const deployments = await hubbleDeployments(reader, ns);
  const relay = component(deployments, 'hubble-relay');
  const ui = component(deployments, 'hubble-ui');
  const metrics = await hubbleMetrics(reader, config, cilium, enabled.on);
  return known<HubbleFact>(
    {
      enabled: enabled.on,
      relay: !!relay,
      ui: !!ui,
      metrics: families(metrics.metrics),
      metricsConfig: metrics.config,
      metricDetails: metrics.metrics,
    },
    [
      enabled.evidence,
      presence(relay, 'hubble-relay', ns),
      presence(ui, 'hubble-ui', ns),
      ...metrics.evidence,
    ],
  );
}

/**
 * Facts of flow observability: Hubble (agent, Relay, UI, metrics), how far
 * L7 visibility reaches, and Calico's own flow sources.
 */
export const detectHubble: Detector = async reader => {
  const [hubble, l7, calico] = await Promise.all([
    guarded(() => hubbleFact(reader)),
    guarded(() => l7VisibilityDetails(reader)),
    guarded(() => calicoObservability(reader)),
  ]);
  return {
    hubble,
    'l7Visibility.details': l7,
    'calico.observability': calico,
  };
};
