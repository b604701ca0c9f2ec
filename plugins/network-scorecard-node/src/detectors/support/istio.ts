import { parse } from 'yaml';
import { listAll } from '../../reader/paging';
import { RESOURCES, builtIn } from '../../reader/resources';
import { ClusterReader, KubeObject, ReadFailure } from '../../reader/types';
import { asString, dig, labels, ref } from './objects';
import { daemonSets } from './workloads';

export const ISTIO_NAMESPACE = 'istio-system';

export interface IstioInstall {
  /** istiod Deployments (label app=istiod) in whatever namespace they run */
  istiod: KubeObject[];
  /** MutatingWebhookConfigurations of Istio's sidecar injector and revision tags */
  webhooks: KubeObject[];
  ztunnel?: KubeObject;
  cni?: KubeObject;
  /** istiod's namespace, else the namespace the injector webhook calls */
  namespace: string;
  /** revisions of istiod and of the injector webhooks */
  revisions: string[];
  /** revision tags (istio.io/tag) that namespaces may name instead of a revision */
  tags: string[];
  /** istio-injection=enabled works: a default revision or a "default" tag exists */
  defaultInjection: boolean;
}

const INJECTOR = /^istio-(sidecar-injector|revision-tag-)/;

export function revisionOf(object: KubeObject): string {
  return labels(object)['istio.io/rev'] || 'default';
}

/**
 * Istio's injector webhooks. Every API server serves admissionregistration,
 * so a 404 means the dump has none (known absence).
 */
async function injectorWebhooks(reader: ClusterReader): Promise<KubeObject[]> {
  try {
    const all = await listAll(
      reader,
      builtIn(RESOURCES.MutatingWebhookConfiguration),
    );
    return all.filter(w => INJECTOR.test(w.metadata.name));
  } catch (error) {
    if (error instanceof ReadFailure && error.kind === 'not-found') return [];
    throw error;
  }
}

function webhookNamespace(webhook: KubeObject): string | undefined {
  const hooks = (dig(webhook, 'webhooks') as unknown[]) ?? [];
  for (const hook of hooks) {
    const ns = asString(dig(hook, 'clientConfig', 'service', 'namespace'));
    if (ns) return ns;
  }
  return undefined;
}

/**
 * Istio's control plane wherever it is installed: istiod Deployments in any
 * namespace, or only the injector webhook of a control plane run outside the
 * cluster. DaemonSets (ztunnel, istio-cni) are read only once Istio is found.
 */
export async function findIstio(
  reader: ClusterReader,
): Promise<IstioInstall | undefined> {
  const istiod = await listAll(reader, builtIn(RESOURCES.Deployment), {
    labelSelector: 'app=istiod',
  });
  const webhooks = await injectorWebhooks(reader);
  if (istiod.length === 0 && webhooks.length === 0) return undefined;
  const ds = await daemonSets(reader);
  const ztunnel = ds.find(
    d => d.metadata.name === 'ztunnel' || labels(d).app === 'ztunnel',
  );
  const cni = ds.find(d => d.metadata.name === 'istio-cni-node');
  const revisions = [
    ...new Set([...istiod, ...webhooks].map(revisionOf)),
  ].sort();
  const tags = [
    ...new Set(
      webhooks
        .map(w => labels(w)['istio.io/tag'])
        .filter((t): t is string => !!t),
    ),
  ].sort();
  const defaultInjection =
    istiod.some(d => revisionOf(d) === 'default') ||
    tags.includes('default') ||
    webhooks.some(w => w.metadata.name === 'istio-sidecar-injector');
  return {
    istiod,
    webhooks,
    ztunnel,
    cni,
    namespace:
      istiod[0]?.metadata.namespace ??
      webhooks.map(webhookNamespace).find(Boolean) ??
      ISTIO_NAMESPACE,
    revisions,
    tags,
    defaultInjection,
  };
}

export interface MeshConfig {
  rootNamespace: string;
  /** tracing providers applied to every workload by default */
  defaultTracingProviders: string[];
  evidence: string[];
}

/** istiod reads ConfigMap istio, or istio-<revision> for a revisioned control plane. */
export function meshConfigName(istio: IstioInstall): string {
  const rev = istio.istiod[0] ? revisionOf(istio.istiod[0]) : 'default';
  return rev === 'default' ? 'istio' : `istio-${rev}`;
}

/**
 * The mesh config (key mesh of istiod's ConfigMap). A missing ConfigMap, or a
 * control plane managed outside the cluster, means the defaults: the root
 * namespace is the control plane's and nothing is traced.
 */
export async function meshConfig(
  reader: ClusterReader,
  istio: IstioInstall,
): Promise<MeshConfig> {
  const defaults = (why: string): MeshConfig => ({
    rootNamespace: istio.namespace,
    defaultTracingProviders: [],
    evidence: [
      `${why}: default mesh config (root namespace ${istio.namespace})`,
    ],
  });
  if (istio.istiod.length === 0)
    return defaults(
      `no istiod in the cluster (managed control plane, ${istio.webhooks
        .map(w => ref(w, 'MutatingWebhookConfiguration'))
        .join(', ')})`,
    );
  const name = meshConfigName(istio);
  let cm: KubeObject;
  try {
    cm = await reader.get(builtIn(RESOURCES.ConfigMap), name, istio.namespace);
  } catch (error) {
    if (error instanceof ReadFailure && error.kind === 'not-found')
      return defaults(`ConfigMap ${istio.namespace}/${name} absent`);
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
