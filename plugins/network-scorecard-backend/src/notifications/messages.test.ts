import { defaultRuleset } from '@network-scorecard/common';
import { scanChanges } from './changes';
import { payloadFor, scopeOf } from './messages';
import { pointOf } from './__testUtils__/points';

const context = {
  title: 'Payments EU',
  link: '/catalog/default/resource/payments-1/network-scorecard',
  rules: defaultRuleset,
};

function changesOf(cluster: string, before: string, after: string) {
  return scanChanges({
    cluster,
    title: context.title,
    entityRef: null,
    owner: 'group:default/payments-team',
    previous: pointOf(cluster, '2026-11-20T10:00:00.000Z', before),
    current: pointOf(cluster, '2026-11-20T10:30:00.000Z', after),
  });
}

describe('payloadFor', () => {
  it('says what got worse, where and what to do, with the rule titles', () => {
    const payloads = changesOf(
      'payments-1',
      'demo-prod-eu-1',
      'demo-prod-us-1',
    ).map(change => payloadFor(change, context));
    const blocker = payloads.find(p =>
      p.scope?.endsWith('readiness:readiness.kube-proxy-replacement'),
    )!;
    expect(blocker.title).toBe(
      'Payments EU: now blocked: Ready to replace kube-proxy',
    );
    expect(blocker.description).toMatch(
      /^"Ready to replace kube-proxy" is blocked on Payments EU \(payments-1\) since the scan of 2026-11-20 10:30 UTC \(it (was ready|did not apply|was unknown)\)\. The cluster has 3 readiness blockers in all; the Network tab lists them with the steps that clear them\.$/,
    );
    const antiPattern = payloads.find(p => p.topic === 'Anti-patterns')!;
    expect(antiPattern).toMatchObject({
      title:
        'Payments EU: anti-pattern detected: A CNI migration running outside a planned platform refresh',
      severity: 'normal',
      metadata: {
        cluster: 'payments-1',
        kind: 'new-anti-pattern',
        antiPattern: 'ap.standalone-cni-migration',
      },
    });
  });

  it('tells an unknown grade apart from a drop', () => {
    const [unknown] = changesOf(
      'payments-1',
      'demo-prod-eu-1',
      'cni-unrecognised',
    );
    const payload = payloadFor(unknown, context);
    expect(payload.title).toBe('Payments EU: network grade is unknown (was A)');
    expect(payload.severity).toBe('normal');
    expect(payload.scope).toBe('network-scorecard:payments-1:grade');
    expect(payload.description).toContain(
      'Unknown is not a pass: the Network tab names the facts that could not be read.',
    );
  });

  it('keeps titles and scopes within the notifications backend’s 255 characters', () => {
    const long = `c${'x'.repeat(252)}`; // the longest cluster name Kubernetes allows
    const changes = changesOf(long, 'demo-prod-eu-1', 'demo-prod-us-1');
    for (const change of changes) {
      const payload = payloadFor(change, { ...context, title: long });
      expect(payload.title.length).toBeLessThanOrEqual(255);
      expect(payload.scope!.length).toBeLessThanOrEqual(255);
      expect(payload.scope).toMatch(/^network-scorecard:sha256:[0-9a-f]{64}$/);
    }
    const scopes = new Set(changes.map(scopeOf));
    expect(scopes.size).toBe(changes.length);
  });
});
