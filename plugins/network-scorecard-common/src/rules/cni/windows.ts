import { factEvidence, factValue } from '../../facts/access';
import { CheckRule } from '../types';
import { cniLabel, evidenceOf, plural, unknownBecause } from '../helpers';

/** Managed Kubernetes whose Windows node pools only run the provider's own CNI. */
const PROVIDER_WINDOWS_CNI: Record<string, string> = {
  aks: 'AKS runs Windows node pools on Azure CNI only',
  eks: 'EKS runs Windows nodes on the AWS VPC CNI only',
  gke: 'GKE runs Windows node pools on its own dataplane only',
};

/** @public */
export const cniWindows: CheckRule = {
  id: 'cni.windows',
  area: 'cni',
  weight: 2,
  title: 'Windows nodes run on a CNI that serves them',
  default: 'Linux-only clusters: any framework CNI',
  switchWhen:
    'Windows nodes join the cluster: Calico, the established choice for mixed clusters; on managed Kubernetes, the provider CNI its Windows node pools require',
  rationale:
    'Cilium is Linux and eBPF only. When Windows nodes share a cluster with Linux ones, Calico is the CNI with a long record of running both, so a self-built mixed cluster should be on Calico. Managed services that offer Windows node pools (AKS, EKS, GKE) run them on their own CNI and do not offer Calico as the CNI there, so advice to move to Calico would be impossible to follow.',
  evaluate(facts, context) {
    const required = context.requirements.includes('windows-nodes');
    const nodes = factValue(facts, 'nodes');
    if (nodes === null && !required) return unknownBecause(facts, ['nodes']);
    const windows = nodes?.windows ?? 0;
    if (windows === 0 && !required) {
      return {
        status: 'not-applicable',
        evidence: factEvidence(facts, 'nodes'),
        recommendation: 'No Windows nodes and no windows-nodes requirement.',
      };
    }
    const cni = factValue(facts, 'cni');
    if (cni === null) return unknownBecause(facts, ['cni']);
    const why =
      windows > 0
        ? plural(windows, 'Windows node')
        : 'requirement windows-nodes';
    const evidence = evidenceOf(facts, 'nodes', 'cni');
    if (cni === 'calico') {
      return {
        status: 'pass',
        evidence,
        recommendation: `Calico serves the ${why}; keep it.`,
      };
    }
    const platform = factValue(facts, 'platform');
    if (platform === null) return unknownBecause(facts, ['platform']);
    const provider = platform.distribution
      ? PROVIDER_WINDOWS_CNI[platform.distribution]
      : undefined;
    if (provider) {
      return {
        status: 'pass',
        evidence: [...evidence, ...factEvidence(facts, 'platform')],
        recommendation: `${provider}, so Calico is not an option for the ${why}; the provider's CNI serves them.`,
      };
    }
    return {
      status: 'fail',
      evidence,
      recommendation: `${why} but the CNI is ${cniLabel(
        cni,
      )}. Windows nodes need Calico: move the cluster to Calico or keep Windows workloads on a separate Calico cluster.`,
    };
  },
};
