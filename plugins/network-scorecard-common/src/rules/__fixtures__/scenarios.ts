/** The fixture clusters in the catalog contexts that make them interesting. Test-only. */
import { ClusterFacts } from '../../facts';
import { EvaluationContext } from '../../context';
import * as C from './clusters';

export interface Scenario {
  name: string;
  facts: () => ClusterFacts;
  context: EvaluationContext;
}

export const SCENARIOS: Scenario[] = [
  { name: 'aks-cilium', facts: C.ciliumAks, context: C.context() },
  { name: 'charm-cilium', facts: C.ciliumCharm, context: C.context() },
  {
    name: 'istio-ambient-on-cilium',
    facts: C.istioAmbientOnCilium,
    context: C.requiring('mtls-all-east-west', 'auditable-l7'),
  },
  {
    name: 'cilium-mesh',
    facts: C.ciliumMesh,
    context: C.requiring('mtls-all-east-west', 'l7-policy'),
  },
  {
    name: 'calico-iptables',
    facts: C.calicoIptables,
    context: C.context({ platformRefresh: '2027-03-01' }),
  },
  {
    name: 'calico-bpf',
    facts: C.calicoBpf,
    context: C.requiring('bgp-peering'),
  },
  {
    name: 'flannel-dev',
    facts: C.flannelCluster,
    context: C.context({ lifecycle: 'development' }),
  },
  {
    name: 'istio-sidecar-on-calico',
    facts: () => C.istioSidecarOnCalico({ tracingNamespace: 'istio-system' }),
    context: C.context({ catalogServiceCount: 12 }),
  },
  {
    name: 'linkerd-on-calico',
    facts: C.linkerdOnCalico,
    context: C.requiring('mtls-all-east-west', 'windows-nodes'),
  },
  {
    name: 'calico-to-cilium',
    facts: C.migrating,
    context: C.context({ requirements: ['iptables-tooling'] }),
  },
];
