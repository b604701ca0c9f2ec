import { parse } from 'yaml';
import { RESOURCES, builtIn } from '../../reader/resources';
import { ClusterReader, KubeObject, ReadFailure } from '../../reader/types';
import { asString, dig, labels, ref } from './objects';
import { daemonSets, deploymentsIn } from './workloads';

export const ISTIO_NAMESPACE = 'istio-system';

export interface IstioInstall {
  istiod: KubeObject[];
  ztunnel?: KubeObject;
  cni?: KubeObject;
  namespace: string;
}

/** istiod Deployments (app=istiod, any revision) in istio-system, plus ztunnel and istio-cni-node. */
export async function findIstio(
  reader: ClusterReader,
): Promise<IstioInstall | undefined> {
  const ds = await daemonSets(reader);
  const proven = ds.some(d => d.metadata.namespace === ISTIO_NAMESPACE);
  const istiod = (await deploymentsIn(reader, ISTIO_NAMESPACE, proven)).filter(
    d => labels(d).app === 'istiod' || /^istiod(-.+)?$/.test(d.metadata.name),
  );
  const ztunnel = ds.find(
    d => d.metadata.name === 'ztunnel' || labels(d).app === 'ztunnel',
  );
  const cni = ds.find(d => d.metadata.name === 'istio-cni-node');
  if (istiod.length === 0 && !ztunnel) return undefined;
  return {
    istiod,
    ztunnel,
    cni,
    namespace: istiod[0]?.metadata.namespace ?? ISTIO_NAMESPACE,
  };
}

export interface MeshConfig {
  rootNamespace: string;
  /** tracing providers applied to every workload by default */
  defaultTracingProviders: string[];
  evidence: string[];
}

/**
 * The mesh config (ConfigMap istio, key mesh). A missing ConfigMap means the
 * defaults: the root namespace is istiod's namespace and nothing is traced.
 */
export async function meshConfig(
  reader: ClusterReader,
  istio: IstioInstall,
): Promise<MeshConfig> {
  let cm: KubeObject;
  try {
    cm = await reader.get(
      builtIn(RESOURCES.ConfigMap),
      'istio',
      istio.namespace,
    );
  } catch (error) {
    if (error instanceof ReadFailure && error.kind === 'not-found') {
      return {
        rootNamespace: istio.namespace,
        defaultTracingProviders: [],
        evidence: [
          `ConfigMap ${istio.namespace}/istio absent: default mesh config (root namespace ${istio.namespace})`,
        ],
      };
    }
    throw error;
  }
  const text = asString(dig(cm, 'data', 'mesh')) ?? '';
  let mesh: unknown = {};
  try {
    mesh = parse(text) ?? {};
  } catch {
    throw new ReadFailure(
      'error',
      `${ref(cm, 'ConfigMap')}: key mesh is not valid YAML`,
    );
  }
  const rootNamespace = asString(dig(mesh, 'rootNamespace')) ?? istio.namespace;
  const providers = dig(mesh, 'defaultProviders', 'tracing');
  const defaultTracingProviders = Array.isArray(providers)
    ? providers.map(String)
    : [];
  const evidence = [
    `${ref(cm, 'ConfigMap')}: mesh.rootNamespace=${rootNamespace}`,
  ];
  if (defaultTracingProviders.length > 0) {
    evidence.push(
      `${ref(
        cm,
        'ConfigMap',
      )}: mesh.defaultProviders.tracing=${defaultTracingProviders.join(',')}`,
    );
  }
  return { rootNamespace, defaultTracingProviders, evidence };
}
