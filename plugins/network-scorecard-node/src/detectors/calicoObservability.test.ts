import { factsOf, find, fixtures, patched } from '../__testUtils__/fixtures';
import { VARIANTS } from '../__fixtures__/variants';

describe('calico.observability', () => {
  it('finds Goldmane, Whisker and Felix metrics of an operator install (Calico 3.30+)', async () => {
    expect(
      (await factsOf(VARIANTS['obs-calico-goldmane'].objects()))[
        'calico.observability'
      ],
    ).toEqual({
      value: { goldmane: true, whisker: true, felixMetrics: true },
      evidence: [
        'Deployment calico-system/goldmane: present',
        'Deployment calico-system/whisker: present',
        'FelixConfiguration default: prometheusMetricsEnabled=true',
      ],
    });
  });

  it('finds none of them in the manifest install, and reads FELIX_PROMETHEUSMETRICSENABLED on calico-node', async () => {
    const manifest = fixtures('calico/calico.yaml');
    expect((await factsOf(manifest))['calico.observability']?.value).toEqual({
      goldmane: false,
      whisker: false,
      felixMetrics: false,
    });
    const node = find(manifest, 'DaemonSet', 'calico-node');
    const withEnv = manifest.map(o =>
      o === node
        ? patched(o, d => {
            d.spec.template.spec.containers[0].env.push({
              name: 'FELIX_PROMETHEUSMETRICSENABLED',
              value: 'true',
            });
          })
        : o,
    );
    const fact = (await factsOf(withEnv))['calico.observability'];
    expect(fact?.value?.felixMetrics).toBe(true);
    expect(fact?.evidence.at(-1)).toBe(
      'DaemonSet kube-system/calico-node: FELIX_PROMETHEUSMETRICSENABLED=true',
    );
  });

  it('does not apply without Calico', async () => {
    expect(
      (await factsOf(fixtures('flannel/kube-flannel.yml')))[
        'calico.observability'
      ],
    ).toEqual({
      value: null,
      evidence: [],
      reason: 'not applicable: Calico is not installed',
    });
  });
});
