import { MeshName } from '../../facts';
import { RequirementId } from '../../context';

type Mesh = Exclude<MeshName, 'none'>;

/**
 * Which declared requirements each mesh answers. Only Istio gives the
 * synchronous, auditable L7 enforcement that compliance asks for: Cilium's
 * mutual authentication syncs policy eventually.
 */
export const MESH_ANSWERS: Record<Mesh, readonly RequirementId[]> = {
  'istio-ambient': [
    'mtls-all-east-west',
    'l7-policy',
    'auditable-l7',
    'per-request-observability',
    'canary-traffic-shifting',
    'request-rate-limiting',
  ],
  'istio-sidecar': [
    'mtls-all-east-west',
    'l7-policy',
    'auditable-l7',
    'per-request-observability',
    'canary-traffic-shifting',
    'request-rate-limiting',
  ],
  cilium: [
    'mtls-all-east-west',
    'l7-policy',
    'per-request-observability',
    'canary-traffic-shifting',
    'request-rate-limiting',
  ],
  linkerd: [
    'mtls-all-east-west',
    'l7-policy',
    'per-request-observability',
    'canary-traffic-shifting',
    'request-rate-limiting',
  ],
};

/** Display name of a mesh in sentences. */
export const MESH_LABEL: Record<MeshName, string> = {
  none: 'no mesh',
  'istio-ambient': 'Istio ambient',
  'istio-sidecar': 'Istio with sidecars',
  cilium: 'Cilium service mesh',
  linkerd: 'Linkerd',
};

export function answers(mesh: MeshName, requirement: RequirementId): boolean {
  return mesh !== 'none' && MESH_ANSWERS[mesh].includes(requirement);
}

export function isIstio(mesh: MeshName): boolean {
  return mesh === 'istio-ambient' || mesh === 'istio-sidecar';
}
