import { pluralKind } from './resources';
import { ListOptions, ResourceType } from './types';

/** "list DaemonSets in all namespaces", "get ConfigMap kube-system/cilium-config" */
export function describeList(
  type: ResourceType,
  options: ListOptions = {},
): string {
  let where = '';
  if (type.namespaced)
    where = options.namespace
      ? ` in namespace ${options.namespace}`
      : ' in all namespaces';
  const selector = options.labelSelector
    ? ` with labels ${options.labelSelector}`
    : '';
  return `list ${pluralKind(type.kind)}${where}${selector}`;
}

export function describeGet(
  type: ResourceType,
  name: string,
  namespace?: string,
): string {
  return `get ${type.kind} ${
    type.namespaced && namespace ? `${namespace}/` : ''
  }${name}`;
}
