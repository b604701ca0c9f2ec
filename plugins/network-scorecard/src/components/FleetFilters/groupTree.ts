import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';

/** The catalog's group hierarchy, by normalised group ref. */
export interface GroupTree {
  children: Map<string, Set<string>>;
  parents: Map<string, Set<string>>;
  /** display titles of the groups that have one */
  titles: Map<string, string>;
}

export const EMPTY_GROUP_TREE: GroupTree = {
  children: new Map(),
  parents: new Map(),
  titles: new Map(),
};

/**
 * `team-a`, `group:team-a` and `group:default/Team-A` are one group: refs are
 * compared with the catalog's defaults and case-insensitively.
 */
export function normalizeOwnerRef(
  ref: string,
  defaultNamespace = 'default',
): string {
  try {
    return stringifyEntityRef(
      parseEntityRef(ref, { defaultKind: 'group', defaultNamespace }),
    ).toLocaleLowerCase('en-US');
  } catch {
    return ref.toLocaleLowerCase('en-US');
  }
}

/** Both refs normalised. */
function link(tree: GroupTree, from: string, to: string) {
  if (from === to) return;
  if (!tree.children.has(from)) tree.children.set(from, new Set());
  if (!tree.parents.has(to)) tree.parents.set(to, new Set());
  tree.children.get(from)!.add(to);
  tree.parents.get(to)!.add(from);
}

const asString = (value: unknown) =>
  typeof value === 'string' && value ? value : undefined;

/**
 * Every edge the catalog states, from either side: `spec.parent`,
 * `spec.children` and the `childOf` / `parentOf` relations, so a hierarchy
 * declared only on one side (or only by the processor's relations) is whole.
 */
export function buildGroupTree(groups: Entity[]): GroupTree {
  const tree: GroupTree = {
    children: new Map(),
    parents: new Map(),
    titles: new Map(),
  };
  for (const group of groups) {
    const self = normalizeOwnerRef(stringifyEntityRef(group));
    // short refs in a group's spec are relative to the group's namespace
    const namespace = group.metadata.namespace ?? 'default';
    const specRef = (value: unknown) => {
      const ref = asString(value);
      return ref ? normalizeOwnerRef(ref, namespace) : undefined;
    };
    const title =
      asString(group.metadata.title) ??
      asString((group.spec?.profile as { displayName?: unknown })?.displayName);
    if (title) tree.titles.set(self, title);
    const parent = specRef(group.spec?.parent);
    if (parent) link(tree, parent, self);
    const children = group.spec?.children;
    if (Array.isArray(children)) {
      for (const child of children) {
        const ref = specRef(child);
        if (ref) link(tree, self, ref);
      }
    }
    for (const relation of group.relations ?? []) {
      const target = normalizeOwnerRef(relation.targetRef);
      if (relation.type === 'childOf') link(tree, target, self);
      if (relation.type === 'parentOf') link(tree, self, target);
    }
  }
  return tree;
}

function walk(edges: Map<string, Set<string>>, roots: string[]): Set<string> {
  const seen = new Set<string>();
  const queue = roots.map(ref => normalizeOwnerRef(ref));
  while (queue.length > 0) {
    const ref = queue.pop()!;
    if (seen.has(ref)) continue; // hierarchies with cycles end here
    seen.add(ref);
    for (const next of edges.get(ref) ?? []) queue.push(next);
  }
  return seen;
}

/** The groups and every group below them, normalised. */
export function withSubGroups(tree: GroupTree, groups: string[]): Set<string> {
  return walk(tree.children, groups);
}

/** The groups and every group above them, normalised. */
export function withParentGroups(
  tree: GroupTree,
  groups: string[],
): Set<string> {
  return walk(tree.parents, groups);
}

/** The fields of Group entities that building the tree reads: what to ask the catalog for. */
export const GROUP_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'spec.parent',
  'spec.children',
  'spec.profile.displayName',
  'relations',
];
