import { ClusterFacts, EvaluationContext } from '@network-scorecard/common';
import { acmeProductionEncryption } from './productionEncryption';

const context = (lifecycle: string | null): EvaluationContext => ({
  requirements: [],
  lifecycle,
  platformRefresh: null,
  catalogServiceCount: null,
  now: '2026-11-26T09:00:00Z',
});

// As the collector reports them from cilium-config (see fixtures/upstream/cilium at the repository root).
const wireguard: ClusterFacts = {
  encryption: {
    value: 'wireguard',
    evidence: ['ConfigMap kube-system/cilium-config: enable-wireguard=true'],
  },
};
const plain: ClusterFacts = {
  encryption: {
    value: 'none',
    evidence: [
      'ConfigMap kube-system/cilium-config: enable-wireguard=(not set)',
      'ConfigMap kube-system/cilium-config: enable-ipsec=(not set)',
    ],
  },
};

describe('acme.encryption.production', () => {
  it('passes a production cluster with WireGuard', () => {
    expect(
      acmeProductionEncryption.evaluate(wireguard, context('production')),
    ).toEqual({
      status: 'pass',
      evidence: ['ConfigMap kube-system/cilium-config: enable-wireguard=true'],
      recommendation: 'Pod traffic is encrypted with WireGuard.',
    });
  });

  it('fails a production cluster without encryption, naming the cilium-config keys', () => {
    const result = acmeProductionEncryption.evaluate(
      plain,
      context('production'),
    );
    expect(result.status).toBe('fail');
    expect(result.recommendation).toContain(
      '(ConfigMap kube-system/cilium-config: enable-wireguard=(not set); ConfigMap kube-system/cilium-config: enable-ipsec=(not set))',
    );
  });

  it('exempts other lifecycles', () => {
    expect(
      acmeProductionEncryption.evaluate(plain, context('development')).status,
    ).toBe('not-applicable');
    expect(acmeProductionEncryption.evaluate(plain, context(null)).status).toBe(
      'not-applicable',
    );
  });

  it('is unknown, never pass or fail, when encryption could not be read', () => {
    const unreadable: ClusterFacts = {
      encryption: { value: null, evidence: [], reason: 'forbidden' },
    };
    expect(
      acmeProductionEncryption.evaluate(unreadable, context('production')),
    ).toMatchObject({
      status: 'unknown',
      evidence: ['encryption: forbidden'],
    });
    expect(
      acmeProductionEncryption.evaluate({}, context('production')).status,
    ).toBe('unknown');
  });
});
