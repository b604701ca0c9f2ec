import {
  ClusterFacts,
  FactId,
  FeatureGauge,
  TrafficFeaturesFact,
} from '../../facts';
import { factEvidence, factValue, trafficFact } from '../../facts/access';
import { CheckRule } from '../types';
import { cite, listNames, unknownBecause } from '../helpers';
import { joined } from '../../text/joined';
import { connectPrometheus, trafficUnknown } from '../traffic/traffic';

/** One comparison of what the configuration says with what the agents report. */
interface Finding {
  status: 'fail' | 'warn';
  text: string;
}

interface Comparison {
  findings: Finding[];
  unknown: FactId[];
  notAvailable: string[];
  agreeing: string[];
}

function agentsOf(names: string[], count: number): string {
  return names.length > 0
    ? ` (${listNames(names)}${count > names.length ? ', …' : ''})`
    : '';
}

/** The evidence line naming the setting, else the fact's first line. */
function settingEvidence(
  facts: ClusterFacts,
  id: FactId,
  setting: string,
): string[] {
  const lines = factEvidence(facts, id);
  const named = lines.filter(l => l.includes(setting));
  return (named.length > 0 ? named : lines).slice(0, 1);
}

/** An on/off feature: configured on and off agents, or configured off and agents running it. */
function compareSwitch(
  out: Comparison,
  label: string,
  configured: boolean | null,
  configFact: FactId,
  gauge: FeatureGauge | null,
  facts: ClusterFacts,
  /** what the ConfigMap line that says so contains */
  setting: string,
) {
  if (gauge === null) {
    out.notAvailable.push(label);
    return;
  }
  if (configured === null) {
    out.unknown.push(configFact);
    return;
  }
  const off = gauge.agents - gauge.enabled;
  if (configured && off > 0) {
    out.findings.push({
      status: 'fail',
      text: `${label} is configured${cite(
        settingEvidence(facts, configFact, setting),
      )}, but ${off} of ${gauge.agents} agents report it off${agentsOf(
        gauge.offAgents,
        off,
      )}`,
    });
  } else if (!configured && gauge.enabled > 0) {
    out.findings.push({
      status: 'warn',
      text: `${label} is not in the configuration read, yet ${
        gauge.enabled
      } of ${gauge.agents} agents run it${agentsOf(
        gauge.onAgents,
        gauge.enabled,
      )}: its settings live somewhere the scanner did not look, so verdicts resting on the configuration may be off`,
    });
  } else {
    out.agreeing.push(
      `${label} ${configured ? 'running' : 'off'} on all ${
        gauge.agents
      } agents`,
    );
  }
}

function compareEncryption(
  out: Comparison,
  facts: ClusterFacts,
  features: TrafficFeaturesFact,
) {
  const gauge = features.encryption;
  if (gauge === null) {
    out.notAvailable.push('transparent encryption');
    return;
  }
  const configured = factValue(facts, 'encryption');
  if (configured === null) {
    out.unknown.push('encryption');
    return;
  }
  const name = configured === 'wireguard' ? 'WireGuard' : 'IPsec';
  if (configured !== 'none') {
    const running = gauge[configured];
    const missing = features.agents - running;
    if (missing > 0) {
      out.findings.push({
        status: 'fail',
        text: `${name} is configured${cite(
          settingEvidence(facts, 'encryption', `enable-${configured}`),
        )}, but ${missing} of ${features.agents} agents report ${
          running === 0 && gauge.wireguard + gauge.ipsec === 0
            ? 'no encryption mode'
            : `another mode or none`
        }${agentsOf(
          gauge.noneAgents,
          missing,
        )}: pod traffic from those nodes leaves unencrypted`,
      });
      return;
    }
    out.agreeing.push(`${name} running on all ${features.agents} agents`);
    return;
  }
  const encrypting = gauge.wireguard + gauge.ipsec;
  if (encrypting > 0)
    out.findings.push({
      status: 'warn',
      text: `no transparent encryption is configured, yet ${encrypting} of ${
        features.agents
      } agents run ${
        gauge.wireguard > 0 ? 'WireGuard' : 'IPsec'
      }: its settings live somewhere the scanner did not look`,
    });
  else
    out.agreeing.push(`no encryption on any of the ${features.agents} agents`);
}

/** @public */
export const cniConfigInEffect: CheckRule = {
  id: 'cni.config-in-effect',
  area: 'cni',
  weight: 2,
  title: 'What the Cilium agents run matches what cilium-config says',
  default:
    'Kube-proxy replacement, transparent encryption, mutual authentication and BGP run on every agent exactly as configured',
  switchWhen:
    'Never: a difference means a node runs without a feature the other verdicts count on (or with one they do not know of)',
  rationale:
    'A ConfigMap states intent; an agent that failed to set up WireGuard, fell back from kube-proxy replacement on an old kernel, or kept an earlier setting until restarted runs something else. From 1.17 the Cilium agents report which features they run as Prometheus gauges, so the configuration every other verdict reads can be checked against the datapath, node by node.',
  evaluate(facts) {
    const cni = factValue(facts, 'cni');
    if (cni === null) return unknownBecause(facts, ['cni']);
    if (cni !== 'cilium')
      return {
        status: 'not-applicable',
        evidence: factEvidence(facts, 'cni'),
        recommendation:
          'The feature gauges are the Cilium agents’; this cluster does not run Cilium.',
      };
    const reading = trafficFact(facts, 'traffic.features');
    if (reading.state === 'absent')
      return connectPrometheus(
        'Whether the agents run what cilium-config says is read from their feature gauges',
      );
    if (reading.state === 'unknown') return trafficUnknown(reading.reason);
    const features = reading.value;
    if (features.agents === 0)
      return {
        status: 'not-applicable',
        evidence: reading.evidence,
        recommendation:
          'No agent reports cilium_feature_* gauges: agents before Cilium 1.17 do not export them (or Prometheus does not scrape the agents’ metrics port, 9962), so the gauge is not available. After an upgrade this check compares the configuration with what every agent runs.',
      };
    const out: Comparison = {
      findings: [],
      unknown: [],
      notAvailable: [],
      agreeing: [],
    };
    const kubeProxy = factValue(facts, 'kubeProxy');
    compareSwitch(
      out,
      'kube-proxy replacement',
      kubeProxy === null ? null : kubeProxy.replacedBy === 'cilium',
      'kubeProxy',
      features.kubeProxyReplacement,
      facts,
      'kube-proxy-replacement',
    );
    compareEncryption(out, facts, features);
    const mesh = factValue(facts, 'mesh.details');
    compareSwitch(
      out,
      'mutual authentication',
      mesh === null ? null : mesh.ciliumMutualAuth,
      'mesh.details',
      features.mutualAuth,
      facts,
      'mesh-auth',
    );
    const bgp = factValue(facts, 'bgp');
    compareSwitch(
      out,
      'the BGP control plane',
      bgp === null ? null : bgp.ciliumBgpControlPlane,
      'bgp',
      features.bgp,
      facts,
      'bgp',
    );
    const evidence = [...out.findings.map(f => f.text), ...reading.evidence];
    const notAvailable =
      out.notAvailable.length > 0
        ? ` Not available from these agents: the ${joined(
            out.notAvailable,
            ', ',
          )} gauge.`
        : '';
    const fails = out.findings.some(f => f.status === 'fail');
    // A warn must not hide an unread fact that might make it a fail.
    if (!fails && out.unknown.length > 0)
      return unknownBecause(facts, out.unknown);
    if (out.findings.length > 0) {
      return {
        status: fails ? 'fail' : 'warn',
        evidence,
        recommendation: `${joined(
          out.findings.map(f => f.text),
          '; ',
        )}. ${
          fails
            ? 'Read the named agents’ logs (kubectl -n kube-system logs <cilium pod>) for why the feature did not start, fix the cause (kernel, module, key), and restart those agents.'
            : 'Find where the setting comes from (Helm values, an agent flag, a CiliumNodeConfig) and make the ConfigMap say the same.'
        }${notAvailable}`,
      };
    }
    return {
      status: 'pass',
      evidence,
      recommendation: `The agents run what the configuration says: ${joined(
        out.agreeing,
        '; ',
      )}.${notAvailable}`,
    };
  },
};
