import {
  IstioMeshFact,
  IstioMtlsMode,
  MtlsOverride,
  WorkloadEnrolment,
} from '@network-scorecard/common';
import { listAll } from '../../reader/paging';
import { RESOURCES, builtIn } from '../../reader/resources';
import { ClusterReader, KubeObject } from '../../reader/types';
import { IstioInstall, meshConfig } from './istio';
import { platformEvidence, splitNamespaces } from './meshNamespaces';
import { asString, capped, dig, labels, ref } from './objects';
import { customObjects } from './workloads';

const MODES: IstioMtlsMode[] = ['STRICT', 'PERMISSIVE', 'DISABLE', 'UNSET'];

function mode(value: unknown): IstioMtlsMode | undefined {
  const v = asString(value)?.toUpperCase();
  return MODES.find(m => m === v);
}

export type NamespaceMode = 'sidecar' | 'ambient';

export interface Enrolment {
  mode?: NamespaceMode;
  /** "Namespace x: label istio.io/rev=asm-1-24" or why a label does not enrol */
  evidence?: string;
}

/**
 * How a namespace joins Istio. A revision label enrols only for a revision
 * (or tag) that exists; istio-injection=enabled only with a default revision;
 * ambient only where ztunnel runs. Sidecar injection wins over ambient.
 */
export function namespaceEnrolment(
  ns: KubeObject,
  istio: IstioInstall,
): Enrolment {
  const l = labels(ns);
  const where = `Namespace ${ns.metadata.name}`;
  const injection = l['istio-injection'];
  const rev = l['istio.io/rev'];
  const ambient = l['istio.io/dataplane-mode'] === 'ambient';
  if (injection === 'enabled') {
    return istio.defaultInjection
      ? { mode: 'sidecar', evidence: `${where}: label istio-injection=enabled` }
      : {
          evidence: `${where}: label istio-injection=enabled, but no default revision or tag exists (revisions ${istio.revisions.join(
            ', ',
          )})`,
        };
  }
  if (ambient) {
    return istio.ztunnel
      ? {
          mode: 'ambient',
          evidence: `${where}: label istio.io/dataplane-mode=ambient`,
        }
      : {
          evidence: `${where}: label istio.io/dataplane-mode=ambient, but no ztunnel DaemonSet runs`,
        };
  }
  if (injection === 'disabled')
    return { evidence: `${where}: label istio-injection=disabled (opted out)` };
  if (rev) {
    return [...istio.revisions, ...istio.tags].includes(rev)
      ? { mode: 'sidecar', evidence: `${where}: label istio.io/rev=${rev}` }
      : {
          evidence: `${where}: label istio.io/rev=${rev}, but no such revision or tag runs`,
        };
  }
  return {};
}

/**
 * A pod template that says otherwise than its namespace (label first, then
 * the older annotation): out of a sidecar namespace with inject=false, out
 * of an ambient one with dataplane-mode=none, into an unenrolled one with
 * inject=true or dataplane-mode=ambient (where ztunnel runs).
 */
function templateOverride(
  d: KubeObject,
  nsMode: NamespaceMode | undefined,
  ztunnel: boolean,
): { enrolled: boolean; how: string } | undefined {
  const meta = dig(d, 'spec', 'template', 'metadata') as
    | { labels?: Record<string, string>; annotations?: Record<string, string> }
    | undefined;
  const inject =
    meta?.labels?.['sidecar.istio.io/inject'] ??
    meta?.annotations?.['sidecar.istio.io/inject'];
  const dataplane = meta?.labels?.['istio.io/dataplane-mode'];
  if (nsMode === 'sidecar' && inject === 'false')
    return { enrolled: false, how: 'sidecar.istio.io/inject=false' };
  if (nsMode === 'ambient' && dataplane === 'none')
    return { enrolled: false, how: 'istio.io/dataplane-mode=none' };
  if (nsMode === undefined && inject === 'true')
    return { enrolled: true, how: 'sidecar.istio.io/inject=true' };
  if (nsMode === undefined && dataplane === 'ambient' && ztunnel)
    return { enrolled: true, how: 'istio.io/dataplane-mode=ambient' };
  return undefined;
}

/** Deployments of application namespaces whose pod template overrides the namespace. */
async function workloadEnrolment(
  reader: ClusterReader,
  application: Map<string, NamespaceMode | undefined>,
  ztunnel: boolean,
): Promise<{ list: WorkloadEnrolment[]; evidence: string[] }> {
  const deployments = await listAll(reader, builtIn(RESOURCES.Deployment));
  const list: WorkloadEnrolment[] = [];
  const evidence: string[] = [];
  for (const d of deployments) {
    const ns = d.metadata.namespace ?? 'default';
    if (!application.has(ns)) continue;
    const own = templateOverride(d, application.get(ns), ztunnel);
    if (!own) continue;
    list.push({
      namespace: ns,
      workload: d.metadata.name,
      enrolled: own.enrolled,
    });
    evidence.push(`${ref(d, 'Deployment')}: pod template ${own.how}`);
  }
  return { list, evidence: capped(evidence, 8) };
}

function selectorText(policy: KubeObject): string | null {
  const match = dig(policy, 'spec', 'selector', 'matchLabels') as
    | Record<string, string>
    | undefined;
  const entries = Object.entries(match ?? {});
  return entries.length ? entries.map(([k, v]) => `${k}=${v}`).join(',') : null;
}

/** One override per mode a PeerAuthentication sets (its own, then each port's). */
function overridesOf(policy: KubeObject): MtlsOverride[] {
  const base = {
    namespace: policy.metadata.namespace ?? 'default',
    name: policy.metadata.name,
    workload: selectorText(policy),
  };
  const out: MtlsOverride[] = [];
  const own = mode(dig(policy, 'spec', 'mtls', 'mode'));
  if (own) out.push({ ...base, port: null, mode: own });
  const ports = (dig(policy, 'spec', 'portLevelMtls') as object) ?? {};
  for (const [port, setting] of Object.entries(ports)) {
    const m = mode(dig(setting, 'mode'));
    if (m) out.push({ ...base, port: Number(port), mode: m });
  }
  return out;
}

function describe(o: MtlsOverride): string {
  const scope = [
    o.workload ? `workload ${o.workload}` : 'namespace-wide',
    o.port !== null ? `port ${o.port}` : undefined,
  ]
    .filter(Boolean)
    .join(', ');
  return `PeerAuthentication ${o.namespace}/${o.name}: ${scope} mtls.mode=${o.mode}`;
}

/** mesh.istio: enrolment of every application namespace, mesh-wide mode and its overrides. */
export async function istioMesh(
  reader: ClusterReader,
  istio: IstioInstall,
  namespaces: KubeObject[],
): Promise<{ value: IstioMeshFact; evidence: string[] }> {
  const config = await meshConfig(reader, istio);
  const evidence: string[] = [...config.evidence];
  const { application, platform } = splitNamespaces(namespaces, [
    istio.namespace,
    config.rootNamespace,
  ]);
  const enrolled: string[] = [];
  const notEnrolled: string[] = [];
  const byName = new Map<string, NamespaceMode | undefined>();
  const nsEvidence: string[] = [];
  for (const ns of application) {
    const e = namespaceEnrolment(ns, istio);
    (e.mode ? enrolled : notEnrolled).push(ns.metadata.name);
    byName.set(ns.metadata.name, e.mode);
    if (e.evidence) nsEvidence.push(e.evidence);
    else
      nsEvidence.push(
        `Namespace ${ns.metadata.name}: no Istio enrolment label`,
      );
  }
  evidence.push(...capped(nsEvidence, 12), ...platformEvidence(platform));
  const workloads = await workloadEnrolment(reader, byName, !!istio.ztunnel);
  evidence.push(...workloads.evidence);

  const policies = await customObjects(reader, RESOURCES.PeerAuthentication);
  const meshWide = policies
    .filter(
      p => p.metadata.namespace === config.rootNamespace && !selectorText(p),
    )
    .sort((a, b) =>
      String(a.metadata.creationTimestamp ?? '').localeCompare(
        String(b.metadata.creationTimestamp ?? ''),
      ),
    )[0];
  const declared = meshWide
    ? mode(dig(meshWide, 'spec', 'mtls', 'mode'))
    : undefined;
  const meshWideMode =
    declared === 'STRICT' || declared === 'DISABLE' ? declared : 'PERMISSIVE';
  evidence.push(
    meshWide
      ? `${ref(meshWide, 'PeerAuthentication')}: spec.mtls.mode=${
          declared ?? '(unset)'
        } (mesh-wide)`
      : `PeerAuthentications in ${config.rootNamespace}: none mesh-wide (Istio default PERMISSIVE)`,
  );
  const overrides = policies.filter(p => p !== meshWide).flatMap(overridesOf);
  evidence.push(...capped(overrides.map(describe), 8));
  return {
    value: {
      controlPlaneNamespace: istio.namespace,
      revisions: istio.revisions,
      managedControlPlane: istio.istiod.length === 0,
      ztunnel: !!istio.ztunnel,
      rootNamespace: config.rootNamespace,
      meshWideMode,
      enrolledNamespaces: enrolled.sort(),
      notEnrolledNamespaces: notEnrolled.sort(),
      workloadEnrolment: workloads.list,
      overrides,
    },
    evidence,
  };
}
