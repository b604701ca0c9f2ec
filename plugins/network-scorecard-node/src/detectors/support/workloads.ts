import { listAll } from '../../reader/paging';
import { RESOURCES, builtIn } from '../../reader/resources';
import { ResourceSpec, resolve } from '../../reader/resources';
import {
  ClusterReader,
  KubeObject,
  ReadFailure,
  ResourceType,
  ServedGroups,
} from '../../reader/types';

export function daemonSets(reader: ClusterReader): Promise<KubeObject[]> {
  return listAll(reader, builtIn(RESOURCES.DaemonSet));
}

export function namespaces(reader: ClusterReader): Promise<KubeObject[]> {
  return listAll(reader, builtIn(RESOURCES.Namespace));
}

export async function namespaceExists(
  reader: ClusterReader,
  name: string,
): Promise<boolean> {
  return (await namespaces(reader)).some(ns => ns.metadata.name === name);
}

/**
 * Deployments of one system namespace; none (without a request) when it does
 * not exist. `exists` skips the check when another object already proves it.
 */
export async function deploymentsIn(
  reader: ClusterReader,
  namespace: string,
  exists = false,
): Promise<KubeObject[]> {
  if (!exists && !(await namespaceExists(reader, namespace))) return [];
  return listAll(reader, builtIn(RESOURCES.Deployment), { namespace });
}

/**
 * The served type of a custom resource, or undefined when discovery says its
 * group is not served: then there are none of them (known absence).
 */
export async function servedType(
  reader: ClusterReader,
  resource: ResourceSpec,
): Promise<ResourceType | undefined> {
  const groups: ServedGroups = await reader.discoverGroups();
  return resolve(resource, groups);
}

/** All objects of a custom resource; [] when its group is not served. */
export async function customObjects(
  reader: ClusterReader,
  resource: ResourceSpec,
  namespace?: string,
): Promise<KubeObject[]> {
  const type = await servedType(reader, resource);
  if (!type) return [];
  try {
    return await listAll(reader, type, namespace ? { namespace } : {});
  } catch (error) {
    // The group is served but this kind is not (older release of the project).
    if (error instanceof ReadFailure && error.kind === 'not-found') return [];
    throw error;
  }
}

/** "API group cilium.io is not served" evidence for a known absence */
export function notServed(resource: ResourceSpec): string {
  return `API discovery: ${resource.served
    .map(s => s.group)
    .join(' / ')} not served (no ${resource.kind})`;
}
