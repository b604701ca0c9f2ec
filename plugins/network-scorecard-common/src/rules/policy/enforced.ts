import { factEvidence, factValue, trafficFact } from '../../facts/access';
import { ClusterFacts, PoliciesFact, PolicySwitch } from '../../facts';
import { rate } from '../traffic/traffic';
import { EvaluationContext } from '../../context';
import { isProduction } from '../../context/types';
import { CheckResult, CheckRule } from '../types';
import {
  catalog,
  cite,
  cniLabel,
  listNames,
  plural,
  unknownBecause,
} from '../helpers';
import { joined } from '../../text/joined';
import { capitalised } from '../../text/capitalised';

/** Every policy object written, whatever its kind (staged previews excluded). */
function written(p: PoliciesFact): number {
  return (
    p.networkPolicies +
    p.ciliumPolicies +
    p.ciliumClusterwide +
    p.calicoGlobal +
    p.calicoNamespaced +
    p.adminNetworkPolicies
  );
}

const TOTAL_SWITCHES: Partial<
  Record<PolicySwitch, { line: RegExp; fix: string }>
> = {
  'cilium-enable-policy-never': {
    line: /enable-policy=never/i,
    fix: 'set enable-policy=default in cilium-config (Helm policyEnforcementMode=default)',
  },
  'cilium-policy-audit-mode': {
    line: /policy-audit-mode=/i,
    fix: 'set policy-audit-mode=false (Helm policyAuditMode=false) once the audited drops are all expected',
  },
  'calico-drop-action-accept': {
    line: /dropactionoverride=/i,
    fix: 'set dropActionOverride back to Drop on the FelixConfiguration and the calico-node environment',
  },
};

/**
 * Evidence lines that `pattern` (a case-insensitive literal) matches: a
 * regex test copies nothing, where lower-casing each line would.
 */
function lines(evidence: string[], pattern: RegExp): string[] {
  const found: string[] = [];
  for (const line of evidence) if (pattern.test(line)) found.push(line);
  return found;
}

const NOT_ENFORCED = /not enforced/i;
const NAMESPACES_READ = /Namespaces:/i;
const APPLICATION_NAMESPACES = /application namespaces/i;

/** The evidence with the catalog's lifecycle line: for the verdicts that cite it. */
function withLifecycle(
  evidence: string[],
  context: EvaluationContext,
): string[] {
  return [...evidence, catalog.lifecycle(context)];
}

function unenforcedNote(p: PoliciesFact, cni: string, evidence: string[]) {
  return `${plural(p.unenforced, 'policy object')} ${
    p.unenforced === 1 ? 'is' : 'are'
  } of a kind ${cni} does not enforce here${cite(
    lines(evidence, NOT_ENFORCED),
  )}`;
}

/**
 * Policy audit mode with Prometheus: how much traffic enforcement would
 * decide on, by namespace, over the window. The readiness to enforce; the
 * verdict stays what the switch makes it.
 */
function auditReadiness(
  facts: ClusterFacts,
): { sentence: string; evidence: string[] } | undefined {
  const verdicts = trafficFact(facts, 'traffic.policyVerdicts');
  if (verdicts.state !== 'known') return undefined;
  const v = verdicts.value;
  if (Object.keys(v.byAction).length === 0)
    return {
      evidence: verdicts.evidence,
      sentence: `Hubble's policy metric has no series over the last ${v.window}, so what enforcing would drop cannot be seen: add policy to the Hubble metrics and watch the audit verdicts before switching.`,
    };
  if (v.auditPerSecond === 0)
    return {
      evidence: verdicts.evidence,
      sentence: `No audit verdict among the policy verdicts of the last ${v.window}: nothing seen would be dropped by enforcing.`,
    };
  const where = v.auditByNamespace
    .filter(n => n.namespace !== '')
    .map(n => `${n.namespace} ${rate(n.perSecond)}`);
  return {
    evidence: verdicts.evidence,
    sentence: `Enforcing now would decide on ${rate(
      v.auditPerSecond,
    )} audit verdicts over the last ${v.window}${
      where.length ? ` (by namespace: ${joined(where, ', ')})` : ''
    }: allow what is expected, then enforce namespace by namespace.`,
  };
}

/** @public */
export const policyEnforced: CheckRule = {
  id: 'policy.enforced',
  area: 'policy',
  weight: 3,
  title:
    'Enforced network policies select every application namespace; DNS-aware and L7 rules where Cilium allows',
  default:
    'On production, the CNI enforces policies and every application namespace has a default-deny with explicit allows; on Cilium, egress by DNS name and L7 rules where a requirement asks',
  switchWhen:
    'Clusters that are not production may go without default-deny; nothing counts that the CNI does not enforce',
  rationale:
    'Cilium and Calico both enforce Kubernetes NetworkPolicy and add kinds of their own: Calico namespaced and cluster-wide policies ordered in tiers, Cilium identity-based rules that keep working when pods are rescheduled, egress by DNS name and HTTP-level rules. A policy only protects the pods it selects, and only while the CNI enforces it: a switch that turns enforcement off or to audit, a kind the CNI does not implement, or a namespace nobody wrote a policy for leaves those pods open to every other pod. Flannel enforces nothing at all.',
  evaluate(facts, context) {
    const policies = factValue(facts, 'policies');
    if (policies === null) return unknownBecause(facts, ['policies']);
    const cni = factValue(facts, 'cni');
    if (cni === null) return unknownBecause(facts, ['cni']);
    const own = factEvidence(facts, 'policies');
    const evidence = [...own, ...factEvidence(facts, 'cni')];
    const production = isProduction(context);
    const count = written(policies);
    const label = cniLabel(cni);

    if (cni !== 'cilium' && cni !== 'calico') {
      if (!production && cni === 'flannel') {
        // "Cannot" is not "does not apply": no pod here is isolated from any other.
        return {
          status: 'warn',
          evidence: withLifecycle(evidence, context),
          recommendation: `Flannel cannot enforce NetworkPolicy, so no pod here is isolated from any other${
            count ? ` and ${plural(count, 'policy object')} are paper` : ''
          }. Tolerable off production; the rebuild on Cilium brings enforcement.`,
        };
      }
      if (!production) {
        return {
          status: 'not-applicable',
          evidence: withLifecycle(evidence, context),
          recommendation: `${label} off production: policy enforcement is not expected here.`,
        };
      }
      return {
        status: cni === 'flannel' || count === 0 ? 'fail' : 'warn',
        evidence: withLifecycle(evidence, context),
        recommendation:
          cni === 'flannel'
            ? `Flannel does not enforce NetworkPolicy: ${plural(
                count,
                'policy object',
              )} here ${
                count === 1 ? 'is' : 'are'
              } paper only. Production needs Cilium or Calico.`
            : `${plural(count, 'policy object')} on ${label}${cite(
                factEvidence(facts, 'cni'),
              )}: confirm the CNI enforces them, or move to Cilium.`,
      };
    }
    // Facts from a scanner older than coverage (a stored report) say nothing about it.
    if (!policies.enforcement || policies.namespaces === undefined) {
      return {
        status: 'unknown',
        evidence,
        recommendation:
          'This scan predates policy coverage and enforcement switches: scan again to judge them.',
      };
    }
    const failOrWarn: CheckResult['status'] = production ? 'fail' : 'warn';

    if (policies.enforcement.off) {
      const audit = policies.enforcement.switches.includes(
        'cilium-policy-audit-mode',
      )
        ? auditReadiness(facts)
        : undefined;
      const off = policies.enforcement.switches
        .map(s => TOTAL_SWITCHES[s])
        .filter((s): s is { line: RegExp; fix: string } => !!s);
      return {
        status: failOrWarn,
        evidence: audit
          ? [...withLifecycle(evidence, context), ...audit.evidence]
          : withLifecycle(evidence, context),
        recommendation: `${label} enforces no policy${cite(
          off.flatMap(s => lines(own, s.line)),
        )}: ${
          count === 0
            ? 'no policy is written either'
            : `${plural(count, 'policy object')} ${
                count === 1 ? 'is' : 'are'
              } paper`
        } and every pod can reach every other. ${capitalised(
          joined(
            off.map(s => s.fix),
            '; ',
          ),
        )}.${audit ? ` ${audit.sentence}` : ''}`,
      };
    }
    const ns = policies.namespaces;
    if (ns === null) {
      return {
        status: 'unknown',
        evidence,
        recommendation: `Cannot tell which namespaces the policies protect${cite(
          lines(own, NAMESPACES_READ),
        )}. Let the scanner list Namespaces.`,
      };
    }
    if (ns.application === 0) {
      return {
        status: 'warn',
        evidence: withLifecycle(evidence, context),
        recommendation: `No application namespace was found, only the platform's own${cite(
          lines(own, APPLICATION_NAMESPACES),
        )}: nothing shows that workloads would be protected.`,
      };
    }
    if (ns.totals.covered === 0) {
      const none = count === 0 && policies.calicoStaged === 0;
      const paper = [
        ...(policies.unenforced > 0
          ? [unenforcedNote(policies, label, own)]
          : []),
        ...(policies.calicoStaged > 0
          ? [
              `${plural(
                policies.calicoStaged,
                'staged Calico policy',
              )} only preview${policies.calicoStaged === 1 ? 's' : ''}`,
            ]
          : []),
      ];
      return {
        status: failOrWarn,
        evidence: withLifecycle(evidence, context),
        recommendation: `${
          none
            ? `No network policy exists${cite(own.slice(0, 1))}`
            : `No enforced policy selects pods in any application namespace (${listNames(
                ns.uncovered,
              )})${paper.length ? `; ${joined(paper, '; ')}` : ''}`
        }: every pod can reach every other. Start with a default-deny in each application namespace and explicit allows${
          cni === 'cilium' ? ', written as CiliumNetworkPolicy' : ''
        }.`,
      };
    }

    const gaps: string[] = [];
    const fixes: string[] = [];
    if (ns.totals.uncovered > 0) {
      gaps.push(
        `no enforced policy selects pods in ${plural(
          ns.totals.uncovered,
          'application namespace',
        )} (${listNames(ns.uncovered)})`,
      );
      fixes.push(
        'add a default-deny policy, then explicit allows, to each of them',
      );
    }
    const lacking = ns.totals.covered - ns.totals.defaultDeny;
    // the name lists stop at 50: past that, only the count is certain
    const complete = ns.defaultDeny.length === ns.totals.defaultDeny;
    const withoutDeny = ns.covered.filter(n => !ns.defaultDeny.includes(n));
    if (production && lacking > 0) {
      gaps.push(
        `${plural(lacking, 'covered namespace')} ${
          lacking === 1 ? 'has' : 'have'
        } no default-deny ingress${
          complete ? ` (${listNames(withoutDeny)})` : ''
        }, so pods no policy selects there stay open`,
      );
      fixes.push(
        'add a default-deny ingress policy (empty pod selector, no ingress rule) to each covered namespace',
      );
    }
    if (policies.unenforced > 0) {
      gaps.push(unenforcedNote(policies, label, own));
      fixes.push(`rewrite those in a kind ${label} enforces`);
    }
    if (cni === 'cilium' && policies.dnsRules === 0) {
      gaps.push(
        'no DNS-aware rule (toFQDNs) controls egress to external names',
      );
      fixes.push(
        'control egress by DNS name (toFQDNs, with a DNS rule towards kube-dns)',
      );
    }
    if (
      cni === 'cilium' &&
      context.requirements.includes('l7-policy') &&
      policies.l7Rules === 0
    ) {
      gaps.push(
        'l7-policy is declared but no CiliumNetworkPolicy has an L7 (http) rule',
      );
      fixes.push(
        'add rules.http (method, path) for the services the requirement covers',
      );
    }
    const enforced = `${plural(
      count - policies.unenforced,
      'policy object',
    )} enforced by ${label}`;
    if (gaps.length === 0) {
      const extra =
        cni === 'cilium'
          ? `, with ${plural(policies.dnsRules, 'DNS rule')} and ${plural(
              policies.l7Rules,
              'L7 rule',
            )}`
          : '';
      return {
        status: 'pass',
        evidence,
        recommendation: `${enforced} ${
          count - policies.unenforced === 1 ? 'selects' : 'select'
        } pods in every application namespace (${ns.application})${
          production ? ', each with a default-deny ingress' : ''
        }${extra}.`,
      };
    }
    return {
      status: 'warn',
      evidence: withLifecycle(evidence, context),
      recommendation: `${enforced}, but ${joined(gaps, '; ')}. ${capitalised(
        joined(fixes, '; '),
      )}.`,
    };
  },
};
