import { MeshDetailsFact, MeshName } from '@network-scorecard/common';
import { RESOURCES } from '../reader/resources';
import { ClusterReader, KubeObject } from '../reader/types';
import {
  ciliumConfig,
  ciliumImageEvidence,
  findCilium,
} from './support/cilium';
import { Detector, guarded, known } from './support/facts';
import { IstioInstall, findIstio, meshConfig } from './support/istio';
import {
  annotations,
  asString,
  capped,
  dig,
  imageVersion,
  labels,
  mainContainer,
  ref,
  withoutDigest,
} from './support/objects';
import { customObjects, deploymentsIn, namespaces } from './support/workloads';

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

/** istio-injection=enabled, or a revision label on a namespace that is neither ambient nor opted out */
function injection(ns: KubeObject): string | undefined {
  const l = labels(ns);
  if (l['istio-injection'] === 'enabled') return 'istio-injection=enabled';
  if (
    l['istio-injection'] === 'disabled' ||
    l['istio.io/dataplane-mode'] === 'ambient'
  )
    return undefined;
  return l['istio.io/rev'] ? `istio.io/rev=${l['istio.io/rev']}` : undefined;
}

function istioModes(
  istio: IstioInstall,
  ambient: number,
  injected: number,
): MeshName[] {
  const modes: { mesh: MeshName; weight: number }[] = [];
  if (istio.ztunnel) modes.push({ mesh: 'istio-ambient', weight: ambient });
  if (istio.istiod.length && (injected || !istio.ztunnel))
    modes.push({ mesh: 'istio-sidecar', weight: injected });
  return modes.sort((a, b) => b.weight - a.weight).map(m => m.mesh);
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
    for (const d of istio.istiod) {
      const image = mainContainer(d, 'discovery')?.image;
      evidence.push(
        `${ref(d, 'Deployment')}: image ${
          image ? withoutDigest(image) : '(none)'
        }`,
      );
    }
    if (istio.ztunnel)
      evidence.push(
        `${ref(istio.ztunnel, 'DaemonSet')}: ztunnel (ambient data plane)`,
      );
    if (istio.cni)
      evidence.push(`${ref(istio.cni, 'DaemonSet')}: istio-cni-node`);
    ambient = nsList
      .filter(ns => labels(ns)['istio.io/dataplane-mode'] === 'ambient')
      .map(ns => ns.metadata.name);
    const injectedNs = nsList.filter(ns => injection(ns) !== undefined);
    injected = injectedNs.map(ns => ns.metadata.name);
    detail.push(
      ...capped(
        ambient.map(
          n => `Namespace ${n}: label istio.io/dataplane-mode=ambient`,
        ),
      ),
    );
    detail.push(
      ...capped(
        injectedNs.map(
          ns => `Namespace ${ns.metadata.name}: label ${injection(ns)}`,
        ),
      ),
    );
    const modes = istioModes(istio, ambient.length, injected.length);
    const image = istio.istiod[0]
      ? mainContainer(istio.istiod[0], 'discovery')?.image
      : undefined;
    modes.forEach(m => (versions[m] = imageVersion(image)));
    all.push(...modes);
  }
  const linkerd = (await deploymentsIn(reader, 'linkerd')).find(
    d => labels(d)['linkerd.io/control-plane-component'] === 'destination',
  );
  if (linkerd) {
    all.push('linkerd');
    versions.linkerd =
      labels(linkerd)['app.kubernetes.io/version'] ??
      imageVersion(mainContainer(linkerd, 'destination')?.image);
    evidence.push(
      `${ref(
        linkerd,
        'Deployment',
      )}: linkerd.io/control-plane-component=destination`,
    );
    const meshed = nsList.filter(
      ns => annotations(ns)['linkerd.io/inject'] === 'enabled',
    );
    injected = [
      ...new Set([...injected, ...meshed.map(ns => ns.metadata.name)]),
    ];
    detail.push(
      ...capped(
        meshed.map(
          ns =>
            `Namespace ${ns.metadata.name}: annotation linkerd.io/inject=enabled`,
        ),
      ),
    );
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
  if (all.length === 0)
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

function isMeshWide(policy: KubeObject): boolean {
  const selector = dig(policy, 'spec', 'selector') as
    | { matchLabels?: object }
    | undefined;
  return !selector || Object.keys(selector.matchLabels ?? {}).length === 0;
}

/** Waypoints and mesh-wide STRICT mTLS (PeerAuthentication in the root namespace). */
async function istioSecurity(reader: ClusterReader, istio: IstioInstall) {
  const evidence: string[] = [];
  const waypoints = (await customObjects(reader, RESOURCES.Gateway)).filter(
    g => asString(dig(g, 'spec', 'gatewayClassName')) === 'istio-waypoint',
  );
  evidence.push(
    ...capped(
      waypoints.map(
        g => `${ref(g, 'Gateway')}: gatewayClassName istio-waypoint`,
      ),
      5,
    ),
  );
  const config = await meshConfig(reader, istio);
  evidence.push(...config.evidence);
  const strict = (
    await customObjects(
      reader,
      RESOURCES.PeerAuthentication,
      config.rootNamespace,
    )
  ).filter(
    p => isMeshWide(p) && asString(dig(p, 'spec', 'mtls', 'mode')) === 'STRICT',
  );
  evidence.push(
    ...(strict.length
      ? strict.map(
          p =>
            `${ref(
              p,
              'PeerAuthentication',
            )}: spec.mtls.mode=STRICT (mesh-wide)`,
        )
      : [
          `PeerAuthentications in ${config.rootNamespace}: no mesh-wide STRICT mTLS`,
        ]),
  );
  return { waypoints: waypoints.length, strict: strict.length > 0, evidence };
}

/** Facts mesh, mesh.all and mesh.details. */
export const detectMesh: Detector = async reader => {
  const seenRead = guarded(async () => known(await presence(reader), []));
  const details = await guarded(async () => {
    const p = await presence(reader);
    const security = p.istio
      ? await istioSecurity(reader, p.istio)
      : { waypoints: 0, strict: false, evidence: [] };
    return known<MeshDetailsFact>(
      {
        version: p.version,
        ambientNamespaces: p.ambient,
        injectedNamespaces: p.injected,
        waypoints: security.waypoints,
        strictMtls: security.strict,
        ciliumMutualAuth: p.ciliumMutualAuth,
      },
      [...p.evidence, ...p.detail, ...security.evidence],
    );
  });
  const seen = await seenRead;
  if (seen.value === null) {
    return {
      mesh: { ...seen, value: null },
      'mesh.all': { ...seen, value: null },
      'mesh.details': details,
    };
  }
  const p = seen.value;
  return {
    mesh: known<MeshName>(p.all[0] ?? 'none', p.evidence),
    'mesh.all': known<MeshName[]>(p.all, p.evidence),
    'mesh.details': details,
  };
};
