/**
 * Mesh facts from the real Istio and Linkerd manifests: the istioctl goldens,
 * the injection.yaml namespaces, the waypoint and PeerAuthentication samples.
 */
import { ClusterFacts, MeshName } from '../../facts';
import {
  dig,
  image,
  K8sObject,
  load,
  must,
  ofKind,
  ref,
  versionOf,
} from './upstream';

function nsLabels(objects: K8sObject[]) {
  const namespaces = ofKind(objects, 'Namespace');
  const label = (n: K8sObject, k: string) => n.metadata.labels?.[k];
  return {
    ambient: namespaces.filter(
      n => label(n, 'istio.io/dataplane-mode') === 'ambient',
    ),
    injected: namespaces.filter(
      n =>
        label(n, 'istio-injection') === 'enabled' ||
        label(n, 'istio.io/rev') !== undefined,
    ),
  };
}

export interface IstioOptions {
  ambient: boolean;
  /** namespace a Telemetry CR is applied to; istio-system makes it mesh-wide */
  tracingNamespace?: string;
}

/** Istio from the istioctl goldens, injection.yaml namespaces, the waypoint and PeerAuthentication samples. */
export function istio(options: IstioOptions): ClusterFacts {
  const istiod = must(
    load('istio/pilot_default.golden.yaml'),
    'Deployment',
    'istiod',
  );
  const ztunnel = must(
    load('istio/ztunnel.golden.yaml'),
    'DaemonSet',
    'ztunnel',
  );
  const { ambient, injected } = nsLabels(load('istio/injection.yaml'));
  const waypoints = ofKind(
    load('istio/reviews-waypoint.yaml'),
    'Gateway',
  ).filter(g => g.spec?.gatewayClassName === 'istio-waypoint');
  const peer = load(
    'istio/peer-authn-strict-root-permissive-workload-in.yaml',
  ).find(
    p =>
      p.kind === 'PeerAuthentication' &&
      p.metadata.namespace === 'istio-system' &&
      !p.spec?.selector,
  );
  const strict = dig(peer, 'spec', 'mtls', 'mode') === 'STRICT';
  const telemetry = must(
    load('istio/telemetry-otel-tracing.yaml'),
    'Telemetry',
    'otel-tracing',
  );
  const sampling = Number(
    dig(telemetry, 'spec', 'tracing', 0, 'randomSamplingPercentage'),
  );
  const tracingNs = options.tracingNamespace ?? 'default';
  const mesh: MeshName = options.ambient ? 'istio-ambient' : 'istio-sidecar';
  const all: MeshName[] =
    options.ambient && injected.length > 0
      ? ['istio-ambient', 'istio-sidecar']
      : [mesh];
  const version = versionOf(image(istiod));
  const meshEvidence = [
    `${ref(istiod)}: image ${image(istiod)}`,
    ...(options.ambient
      ? [`${ref(ztunnel)}: present`]
      : ['DaemonSet istio-system/ztunnel: not found']),
  ];
  return {
    mesh: { value: mesh, evidence: meshEvidence },
    'mesh.all': { value: all, evidence: meshEvidence },
    'mesh.details': {
      value: {
        version,
        ambientNamespaces: options.ambient
          ? ambient.map(n => n.metadata.name)
          : [],
        injectedNamespaces: injected.map(n => n.metadata.name),
        waypoints: options.ambient ? waypoints.length : 0,
        strictMtls: strict,
        ciliumMutualAuth: false,
      },
      evidence: [
        ...(options.ambient
          ? ambient.map(n => `${ref(n)}: istio.io/dataplane-mode=ambient`)
          : []),
        ...injected.map(n => `${ref(n)}: sidecar injection label`),
        ...(options.ambient
          ? waypoints.map(
              g =>
                `Gateway ${g.metadata.name}: gatewayClassName=istio-waypoint`,
            )
          : []),
        peer
          ? `${ref(peer)}: mtls.mode=${dig(peer, 'spec', 'mtls', 'mode')}`
          : 'PeerAuthentication: none mesh-wide',
      ],
    },
    tracing: {
      value: {
        otelCollector: false,
        meshTracingGlobal: tracingNs === 'istio-system' && sampling >= 100,
      },
      evidence: [
        `Telemetry ${tracingNs}/${telemetry.metadata.name}: randomSamplingPercentage=${sampling}`,
      ],
    },
  };
}

/** Linkerd from the `linkerd install` golden. */
export function linkerd(): ClusterFacts {
  const objects = load('linkerd/install_default.golden');
  const identity = must(objects, 'Deployment', 'linkerd-identity');
  const injector = must(objects, 'Deployment', 'linkerd-proxy-injector');
  const policy = String(
    dig(
      identity,
      'spec',
      'template',
      'metadata',
      'annotations',
      'config.linkerd.io/default-inbound-policy',
    ),
  );
  const evidence = [
    `${ref(identity)}: image ${image(identity)}`,
    `${ref(injector)}: present`,
  ];
  return {
    mesh: { value: 'linkerd', evidence },
    'mesh.all': { value: ['linkerd'], evidence },
    'mesh.details': {
      value: {
        version:
          identity.metadata.labels?.['app.kubernetes.io/version'] ?? null,
        ambientNamespaces: [],
        injectedNamespaces: [],
        waypoints: 0,
        strictMtls: policy !== 'all-unauthenticated',
        ciliumMutualAuth: false,
      },
      evidence: [
        `${ref(identity)}: config.linkerd.io/default-inbound-policy=${policy}`,
      ],
    },
  };
}

export function noMesh(): ClusterFacts {
  const evidence = [
    'no istiod, ztunnel, Linkerd control plane or Cilium mutual authentication found',
  ];
  return {
    mesh: { value: 'none', evidence },
    'mesh.all': { value: [], evidence },
  };
}
