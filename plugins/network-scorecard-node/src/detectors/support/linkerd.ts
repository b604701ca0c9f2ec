import {
  LinkerdInboundPolicy,
  LinkerdMeshFact,
} from '@network-scorecard/common';
import { ClusterReader, KubeObject, ReadFailure } from '../../reader/types';
import { platformEvidence, splitNamespaces } from './meshNamespaces';
import { annotations, capped, containers, labels, ref } from './objects';
import { deploymentsIn } from './workloads';

export const LINKERD_NAMESPACE = 'linkerd';

const POLICIES: LinkerdInboundPolicy[] = [
  'all-unauthenticated',
  'all-authenticated',
  'cluster-unauthenticated',
  'cluster-authenticated',
  'deny',
  'audit',
];

/** linkerd-destination, the Deployment that also runs the policy controller. */
export async function findLinkerd(
  reader: ClusterReader,
): Promise<KubeObject | undefined> {
  return (await deploymentsIn(reader, LINKERD_NAMESPACE)).find(
    d => labels(d)['linkerd.io/control-plane-component'] === 'destination',
  );
}

export function isLinkerdEnrolled(ns: KubeObject): boolean {
  return annotations(ns)['linkerd.io/inject'] === 'enabled';
}

function policyOf(value: string, where: string): LinkerdInboundPolicy {
  const found = POLICIES.find(p => p === value);
  if (!found)
    throw new ReadFailure(
      'error',
      `${where}: default inbound policy "${value}" is not one Linkerd documents`,
    );
  return found;
}

/** The policy controller's --default-policy flag; Linkerd's own default when the flag is absent. */
function defaultPolicy(destination: KubeObject): {
  policy: LinkerdInboundPolicy;
  evidence: string;
} {
  const where = ref(destination, 'Deployment');
  for (const c of containers(destination)) {
    const arg = (c.args ?? []).find(a => a.startsWith('--default-policy='));
    if (arg) {
      const value = arg.slice('--default-policy='.length);
      return {
        policy: policyOf(value, where),
        evidence: `${where}: container ${c.name} ${arg}`,
      };
    }
  }
  return {
    policy: 'all-unauthenticated',
    evidence: `${where}: no --default-policy flag (Linkerd default all-unauthenticated)`,
  };
}

/** mesh.linkerd: the inbound policy clients meet, and which application namespaces are meshed. */
export function linkerdMesh(
  destination: KubeObject,
  namespaces: KubeObject[],
): { value: LinkerdMeshFact; evidence: string[] } {
  const { policy, evidence: policyEvidence } = defaultPolicy(destination);
  const { application, platform } = splitNamespaces(namespaces, [
    destination.metadata.namespace ?? LINKERD_NAMESPACE,
  ]);
  const enrolled: string[] = [];
  const notEnrolled: string[] = [];
  const overrides: LinkerdMeshFact['policyOverrides'] = [];
  const evidence = [policyEvidence];
  const nsEvidence: string[] = [];
  for (const ns of application) {
    const name = ns.metadata.name;
    if (isLinkerdEnrolled(ns)) {
      enrolled.push(name);
      nsEvidence.push(
        `Namespace ${name}: annotation linkerd.io/inject=enabled`,
      );
    } else {
      notEnrolled.push(name);
      nsEvidence.push(
        `Namespace ${name}: not annotated linkerd.io/inject=enabled`,
      );
    }
    const own = annotations(ns)['config.linkerd.io/default-inbound-policy'];
    if (own) {
      overrides.push({
        namespace: name,
        policy: policyOf(own, `Namespace ${name}`),
      });
      nsEvidence.push(
        `Namespace ${name}: annotation config.linkerd.io/default-inbound-policy=${own}`,
      );
    }
  }
  evidence.push(...capped(nsEvidence, 12), ...platformEvidence(platform));
  return {
    value: {
      defaultInboundPolicy: policy,
      enrolledNamespaces: enrolled.sort(),
      notEnrolledNamespaces: notEnrolled.sort(),
      policyOverrides: overrides,
    },
    evidence,
  };
}
