import { readFileSync } from 'node:fs';
import {
  createTestCertificates,
  startKubeApiServer,
  TestCertificates,
} from '@internal/network-scorecard-test-utils';
import { collectFromKubernetes } from '../collect/collectFromKubernetes';
import { CLUSTER_ROLE } from '../__testUtils__/demoClusters';
import { patched } from '../__testUtils__/fixtures';
import { MESH_VARIANTS } from '../__fixtures__/variants/mesh';
import { KubeObject } from '../reader/types';

const role = readFileSync(CLUSTER_ROLE, 'utf8');
let certificates: TestCertificates;
beforeAll(() => {
  certificates = createTestCertificates();
});

async function scan(objects: KubeObject[]) {
  const server = await startKubeApiServer({
    objects,
    certificates,
    clusterRole: role,
  });
  try {
    const result = await collectFromKubernetes(server.connection());
    return { ...result, requests: [...server.requests] };
  } finally {
    await server.close();
  }
}

/** The AKS add-on objects as another revision renders them. */
function revision(rev: string): KubeObject[] {
  return MESH_VARIANTS['mesh-aks-istio-addon'].objects().map(o =>
    patched(o, c => {
      const text = JSON.stringify(c).replace(/asm-1-24/g, rev);
      Object.assign(c, JSON.parse(text));
    }),
  );
}

describe('Istio wherever it is installed, under the shipped read-only role (#4)', () => {
  it('lists the injector webhooks and reads istio-asm-1-24 in aks-istio-system without a 403', async () => {
    const { facts, requests } = await scan(revision('asm-1-24'));
    expect(requests.filter(r => r.status === 403).map(r => r.path)).toEqual([]);
    expect(requests.map(r => r.path)).toEqual(
      expect.arrayContaining([
        '/apis/admissionregistration.k8s.io/v1/mutatingwebhookconfigurations',
        '/api/v1/namespaces/aks-istio-system/configmaps/istio-asm-1-24',
      ]),
    );
    expect(facts['mesh.istio']?.value?.rootNamespace).toBe('aks-istio-system');
  });

  it('says which ConfigMap the role must name for a revision it does not know, instead of guessing', async () => {
    const { facts } = await scan(revision('asm-1-40'));
    expect(facts.mesh?.value).toBe('istio-sidecar');
    expect(facts['mesh.istio']?.value).toBeNull();
    expect(facts['mesh.istio']?.reason).toMatch(
      /^forbidden: get ConfigMap aks-istio-system\/istio-asm-1-40/,
    );
    expect(facts['mesh.details']?.value).toBeNull();
  });
});
