import { parseAllDocuments } from 'yaml';

/** One rule of a ClusterRole. @public */
export interface PolicyRule {
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  verbs: string[];
  nonResourceURLs?: string[];
}

/** What a request asks for, in RBAC terms. @public */
export interface RequestAttributes {
  verb: string;
  apiGroup: string;
  resource: string;
  namespace?: string;
  name?: string;
}

/** The rules of every ClusterRole in a YAML text (ServiceAccounts and bindings beside them are ignored). @public */
export function clusterRoleRules(yamlText: string): PolicyRule[] {
  return parseAllDocuments(yamlText)
    .map(doc => doc.toJS() as { kind?: string; rules?: PolicyRule[] } | null)
    .filter(doc => doc?.kind === 'ClusterRole')
    .flatMap(doc => doc?.rules ?? []);
}

const has = (list: string[] | undefined, value: string) =>
  !!list && (list.includes('*') || list.includes(value));

/** RBAC evaluation as the API server does it for resource requests (no aggregation, no subresources). @public */
export function isAllowed(
  rules: PolicyRule[],
  request: RequestAttributes,
): boolean {
  return rules.some(
    rule =>
      has(rule.verbs, request.verb) &&
      has(rule.apiGroups, request.apiGroup) &&
      has(rule.resources, request.resource) &&
      (!rule.resourceNames?.length ||
        (!!request.name && rule.resourceNames.includes(request.name))),
  );
}

/** The API server's wording of a 403. */
export function forbiddenMessage(
  user: string,
  request: RequestAttributes,
): string {
  const resource = request.apiGroup
    ? `${request.resource}.${request.apiGroup}`
    : request.resource;
  const subject = request.name
    ? `${request.resource} "${request.name}"`
    : resource;
  const scope = request.namespace
    ? `in the namespace "${request.namespace}"`
    : 'at the cluster scope';
  return `${subject} is forbidden: User "${user}" cannot ${request.verb} resource "${request.resource}" in API group "${request.apiGroup}" ${scope}`;
}
