import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';

/**
 * The owner of a cluster entity as a full entity ref ("group:default/payments-team"):
 * a bare name is a group in the entity's namespace, as the catalog reads it.
 * Null when the entity has no usable owner.
 */
export function clusterOwnerRef(entity: Entity | undefined): string | null {
  const owner = entity?.spec?.owner;
  if (typeof owner !== 'string' || owner.trim() === '') return null;
  try {
    return stringifyEntityRef(
      parseEntityRef(owner, {
        defaultKind: 'group',
        defaultNamespace: entity?.metadata.namespace ?? 'default',
      }),
    );
  } catch {
    return null;
  }
}
