import {
  CiliumAuthFact,
  Fact,
  IstioMeshFact,
  LinkerdMeshFact,
  MeshDetailsFact,
  MeshName,
} from '@network-scorecard/common';
import { listAll } from '../reader/paging';
import { RESOURCES, builtIn } from '../reader/resources';
import { ClusterReader, KubeObject } from '../reader/types';
import {
  ciliumConfig,
  ciliumImageEvidence,
  findCilium,
} from './support/cilium';
import { ciliumAuth } from './support/ciliumAuth';
import {
  Detector,
  guarded,
  known,
  notApplicable,
  unknownFact,
} from './support/facts';
import { IstioInstall, findIstio, revisionOf } from './support/istio';
import { istioMesh, namespaceEnrolment } from './support/istioPolicy';
import { findLinkerd, isLinkerdEnrolled, linkerdMesh } from './support/linkerd';
import { isPlatformNamespace } from './support/meshNamespaces';
import {
  asString,
  capped,
  dig,
  imageVersion,
  labels,
  mainContainer,
  ref,
  withoutDigest,
} from './support/objects';
import { customObjects, namespaces } from './support/workloads';

interface Presence {
  all: MeshName[];
  evidence: string[];
  version: string | null;
  istio?: IstioInstall;
  ambient: string[];
  injected: string[];
  ciliumMutualAuth: boolean;
  /** namespace labels and mutual-auth settings behind mesh.details */
  detail: string[];
}

function podTemplate(d: KubeObject, key: string): string | undefined {
  return (
    (dig(d, 'spec', 'template', 'metadata', 'labels', key) as string) ??
    (dig(d, 'spec', 'template', 'metadata', 'annotations', key) as string)
  );
}

/** Deployments outside the platform namespaces that opt in on their own. */
async function optedIn(
  reader: ClusterReader,
  skip: Set<string>,
  test: (d: KubeObject) => string | undefined,
): Promise<string[]> {
  const deployments = await listAll(reader, builtIn(RESOURCES.Deployment));
  return deployments.flatMap(d => {
    const ns = d.metadata.namespace ?? 'default';
    if (skip.has(ns) || isPlatformNamespace(ns)) return [];
    const how = test(d);
    return how ? [`${ref(d, 'Deployment')}: pod template ${how}`] : [];
  });
}

/**
 * Istio is a mesh where something is enrolled: a namespace label for a
 * revision that exists, ambient with ztunnel, or a pod template opting in.
 * istiod alone (an ingress gateway's control plane) is not a mesh.
 */
async function istioPresence(
  reader: ClusterReader,
  istio: IstioInstall,
  nsList: KubeObject[],
) {
  const evidence: string[] = [];
  for (const d of istio.istiod) {
    const image = mainContainer(d, 'discovery')?.image;
    evidence.push(
      `${ref(d, 'Deployment')}: image ${
        image ? withoutDigest(image) : '(none)'
      }`,
    );
  }
  if (istio.istiod.length === 0)
    evidence.push(
      ...istio.webhooks.map(
        w =>
          `${ref(w, 'MutatingWebhookConfiguration')}: istio.io/rev=${revisionOf(
            w,
          )} (no istiod in the cluster: managed control plane)`,
      ),
    );
  if (istio.ztunnel)
    evidence.push(
      `${ref(istio.ztunnel, 'DaemonSet')}: ztunnel (ambient data plane)`,
    );
  if (istio.cni)
    evidence.push(`${ref(istio.cni, 'DaemonSet')}: istio-cni-node`);
  const ambient: string[] = [];
  const injected: string[] = [];
  const detail: string[] = [];
  for (const ns of nsList) {
    const e = namespaceEnrolment(ns, istio);
    if (e.mode === 'ambient') ambient.push(ns.metadata.name);
    if (e.mode === 'sidecar') injected.push(ns.metadata.name);
    if (e.evidence) detail.push(e.evidence);
  }
  const enrolledNs = new Set([...ambient, ...injected]);
  const sidecarPods = await optedIn(reader, enrolledNs, d =>
    podTemplate(d, 'sidecar.istio.io/inject') === 'true'
      ? 'sidecar.istio.io/inject=true'
      : undefined,
  );
  const ambientPods = istio.ztunnel
    ? await optedIn(reader, enrolledNs, d =>
        podTemplate(d, 'istio.io/dataplane-mode') === 'ambient'
          ? 'istio.io/dataplane-mode=ambient'
          : undefined,
      )
    : [];
  const modes: { mesh: MeshName; weight: number }[] = [];
  if (ambient.length || ambientPods.length)
    modes.push({ mesh: 'istio-ambient', weight: ambient.length });
  if (injected.length || sidecarPods.length)
    modes.push({ mesh: 'istio-sidecar', weight: injected.length });
  const enrolmentEvidence = capped(
    [
      ...detail.filter(line => /ambient$|=enabled$|rev=[^,]+$/.test(line)),
      ...sidecarPods,
      ...ambientPods,
    ],
    6,
  );
  evidence.push(
    ...(modes.length
      ? enrolmentEvidence
      : [
          'Istio control plane without enrolled namespaces or workloads (no sidecar injection, no ambient): not a mesh',
        ]),
  );
  const image = istio.istiod[0]
    ? mainContainer(istio.istiod[0], 'discovery')?.image
    : undefined;
  return {
    modes: modes.sort((a, b) => b.weight - a.weight).map(m => m.mesh),
    evidence,
    version: imageVersion(image),
    ambient,
    injected,
    detail,
  };
}

/** Which meshes run: Istio (sidecar and/or ambient), Linkerd, Cilium (mutual auth or Envoy config). */
async function presence(reader: ClusterReader): Promise<Presence> {
  const all: MeshName[] = [];
  const evidence: string[] = [];
  const detail: string[] = [];
  const versions: Partial<Record<MeshName, string | null>> = {};
  const nsList = await namespaces(reader);
  let ambient: string[] = [];
  let injected: string[] = [];
  const istio = await findIstio(reader);
  if (istio) {
    const p = await istioPresence(reader, istio, nsList);
    evidence.push(...p.evidence);
    detail.push(...capped(p.detail, 12));
    p.modes.forEach(m => (versions[m] = p.version));
    all.push(...p.modes);
    ambient = p.ambient;
    injected = p.injected;
  }
  const linkerd = await findLinkerd(reader);
  if (linkerd) {
    const meshed = nsList.filter(isLinkerdEnrolled);
    const pods = meshed.length
      ? []
      : await optedIn(reader, new Set(), d =>
          asString(
            dig(
              d,
              'spec',
              'template',
              'metadata',
              'annotations',
              'linkerd.io/inject',
            ),
          ) === 'enabled'
            ? 'annotation linkerd.io/inject=enabled'
            : undefined,
        );
    evidence.push(
      `${ref(
        linkerd,
        'Deployment',
      )}: linkerd.io/control-plane-component=destination`,
    );
    if (meshed.length || pods.length) {
      all.push('linkerd');
      versions.linkerd =
        labels(linkerd)['app.kubernetes.io/version'] ??
        imageVersion(mainContainer(linkerd, 'destination')?.image);
      evidence.push(
        ...capped(
          [
            ...meshed.map(
              ns =>
                `Namespace ${ns.metadata.name}: annotation linkerd.io/inject=enabled`,
            ),
            ...pods,
          ],
          6,
        ),
      );
    } else {
      evidence.push(
        'Linkerd control plane without meshed namespaces or workloads: not a mesh',
      );
    }
    injected = [
      ...new Set([...injected, ...meshed.map(ns => ns.metadata.name)]),
    ];
  }
  let ciliumMutualAuth = false;
  const cilium = await ciliumConfig(reader);
  if (cilium) {
    const auth = cilium.flag('mesh-auth-enabled', true);
    const mutual = cilium.flag('mesh-auth-mutual-enabled');
    ciliumMutualAuth = auth.on && mutual.on;
    const envoy = cilium.flag('enable-envoy-config');
    const envoyConfig =
      envoy.on && cilium.value('envoy-secrets-namespace') !== undefined;
    detail.push(mutual.evidence);
    if (ciliumMutualAuth || envoyConfig) {
      all.push('cilium');
      versions.cilium = ciliumImageEvidence(
        (await findCilium(reader))!,
      ).version;
      if (ciliumMutualAuth) evidence.push(auth.evidence, mutual.evidence);
      if (envoyConfig)
        evidence.push(
          `${envoy.evidence} (CiliumEnvoyConfig traffic management)`,
        );
    }
  }
  if (all.length === 0 && !istio && !linkerd)
    evidence.push('no Istio, Linkerd or Cilium service mesh control plane');
  return {
    all,
    evidence,
    version: all[0] ? versions[all[0]] ?? null : null,
    istio,
    ambient: ambient.sort(),
    injected: injected.sort(),
    ciliumMutualAuth,
    detail,
  };
}

/** Waypoints, and mesh-wide STRICT mTLS as mesh.istio reads it. */
async function waypoints(reader: ClusterReader) {
  const found = (await customObjects(reader, RESOURCES.Gateway)).filter(
    g => asString(dig(g, 'spec', 'gatewayClassName')) === 'istio-waypoint',
  );
  return {
    count: found.length,
    evidence: capped(
      found.map(g => `${ref(g, 'Gateway')}: gatewayClassName istio-waypoint`),
      5,
    ),
  };
}

async function istioFact(reader: ClusterReader): Promise<Fact<IstioMeshFact>> {
  const istio = await findIstio(reader);
  if (!istio)
    return notApplicable('no Istio control plane or injector webhook');
  const found = await istioMesh(reader, istio, await namespaces(reader));
  return known(found.value, found.evidence);
}

async function detailsFact(
  reader: ClusterReader,
  istio: Fact<IstioMeshFact>,
): Promise<Fact<MeshDetailsFact>> {
  const p = await presence(reader);
  let strict = false;
  const security: string[] = [];
  let waypointCount = 0;
  if (p.istio) {
    // mesh-wide STRICT is read once, by mesh.istio; it shares that fact's fate
    if (istio.value === null) return unknownFact(istio.reason ?? 'unknown');
    const w = await waypoints(reader);
    waypointCount = w.count;
    security.push(...w.evidence, ...istio.evidence);
    strict = istio.value.meshWideMode === 'STRICT';
  }
  return known<MeshDetailsFact>(
    {
      version: p.version,
      ambientNamespaces: p.ambient,
      injectedNamespaces: p.injected,
      waypoints: waypointCount,
      strictMtls: strict || (await linkerdStrict(reader)),
      ciliumMutualAuth: p.ciliumMutualAuth,
    },
    [...new Set([...p.evidence, ...p.detail, ...security])],
  );
}

async function linkerdFact(
  reader: ClusterReader,
): Promise<Fact<LinkerdMeshFact>> {
  const destination = await findLinkerd(reader);
  if (!destination) return notApplicable('no Linkerd control plane');
  const found = linkerdMesh(destination, await namespaces(reader));
  return known(found.value, found.evidence);
}

async function ciliumAuthFact(
  reader: ClusterReader,
): Promise<Fact<CiliumAuthFact>> {
  const found = await ciliumAuth(reader);
  return known(found.value, found.evidence);
}

/** Facts mesh, mesh.all, mesh.details, mesh.istio, mesh.linkerd and mesh.ciliumAuth. */
export const detectMesh: Detector = async reader => {
  const seen = await guarded(async () => known(await presence(reader), []));
  const istio = await guarded(() => istioFact(reader));
  const rest = {
    'mesh.details': await guarded(() => detailsFact(reader, istio)),
    'mesh.istio': istio,
    'mesh.linkerd': await guarded(() => linkerdFact(reader)),
    'mesh.ciliumAuth': await guarded(() => ciliumAuthFact(reader)),
  };
  if (seen.value === null) {
    return {
      mesh: { ...seen, value: null },
      'mesh.all': { ...seen, value: null },
      ...rest,
    };
  }
  const p = seen.value;
  return {
    mesh: known<MeshName>(p.all[0] ?? 'none', p.evidence),
    'mesh.all': known<MeshName[]>(p.all, p.evidence),
    ...rest,
  };
};

/** Linkerd requires authenticated (mTLS) clients by default. */
async function linkerdStrict(reader: ClusterReader): Promise<boolean> {
  const destination = await findLinkerd(reader);
  if (!destination) return false;
  const policy = linkerdMesh(destination, []).value.defaultInboundPolicy;
  return policy === 'all-authenticated' || policy === 'cluster-authenticated';
}
