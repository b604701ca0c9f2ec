import * as C from './__fixtures__/clusters';
import { defaultRuleset } from './ruleset';
import { evaluateCluster } from './evaluate';
import { EvaluationContext } from '../context';

const scenarios: [string, () => any, EvaluationContext][] = [
  ['ciliumAks', C.ciliumAks, C.context()],
  ['ciliumCharm', C.ciliumCharm, C.context()],
  ['istioAmbientOnCilium', C.istioAmbientOnCilium, C.requiring('mtls-all-east-west', 'auditable-l7')],
  ['ciliumMesh', C.ciliumMesh, C.requiring('mtls-all-east-west', 'l7-policy')],
  ['calicoIptables', C.calicoIptables, C.context({ platformRefresh: '2027-03-01' })],
  ['calicoBpf', C.calicoBpf, C.context()],
  ['flannel', C.flannelCluster, C.context({ lifecycle: 'development' })],
  ['istioSidecarOnCalico', () => C.istioSidecarOnCalico({ tracingNamespace: 'istio-system' }), C.context({ catalogServiceCount: 12 })],
  ['linkerd', C.linkerdOnCalico, C.requiring('mtls-all-east-west')],
  ['migrating', C.migrating, C.context()],
];
test('print', () => {
  for (const [name, f, ctx] of scenarios) {
    const r = evaluateCluster({ cluster: name, source: 'snapshot', scannedAt: C.NOW, facts: f(), errors: [], context: ctx }, defaultRuleset);
    const lines = [`## ${name}: ${r.score} ${r.grade} cov=${r.coverage} ${JSON.stringify(r.areas.map(a => a.score))}`];
    for (const c of r.checks) lines.push(`  ${c.id.padEnd(28)} ${c.status.padEnd(14)} ${c.recommendation}`);
    for (const c of r.antiPatterns) lines.push(`  ${c.id.padEnd(28)} ${c.status.padEnd(14)} ${c.evidence.slice(-1)}`);
    for (const c of r.readiness) lines.push(`  ${c.id.padEnd(28)} ${c.status.padEnd(14)} B=${JSON.stringify(c.blockers)} S=${JSON.stringify(c.steps)}`);
    process.stdout.write(lines.join('\n') + '\n');
  }
});
