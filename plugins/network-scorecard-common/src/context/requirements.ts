/** The closed set of requirement ids a cluster's catalog entity may declare (DESIGN.md §4). @public */
export const REQUIREMENT_IDS = [
  'mtls-all-east-west',
  'l7-policy',
  'auditable-l7',
  'per-request-observability',
  'canary-traffic-shifting',
  'request-rate-limiting',
  'bgp-peering',
  'windows-nodes',
  'iptables-tooling',
] as const;

/** @public */
export type RequirementId = (typeof REQUIREMENT_IDS)[number];

/** Requirements that only a service mesh answers. @public */
export const MESH_REQUIREMENTS: readonly RequirementId[] = [
  'mtls-all-east-west',
  'l7-policy',
  'auditable-l7',
  'per-request-observability',
  'canary-traffic-shifting',
  'request-rate-limiting',
];

/** @public */
export interface ParsedRequirements {
  requirements: RequirementId[];
  /** one message per id that is not in the closed set, naming it and where it came from */
  errors: string[];
}

/** @public */
export function isRequirementId(value: string): value is RequirementId {
  return (REQUIREMENT_IDS as readonly string[]).includes(value);
}

/**
 * Parses a comma-separated requirement list such as the
 * `network-scorecard.io/requirements` annotation. Unknown ids are never
 * dropped silently: each one becomes an error naming it and `where`.
 * @public
 */
export function parseRequirements(
  raw: string | undefined | null,
  where: string,
): ParsedRequirements {
  const requirements: RequirementId[] = [];
  const errors: string[] = [];
  for (const part of (raw ?? '').split(',')) {
    const id = part.trim();
    if (!id) continue;
    if (!isRequirementId(id)) {
      errors.push(
        `${where}: unknown requirement "${id}"; expected one of ${REQUIREMENT_IDS.join(
          ', ',
        )}`,
      );
    } else if (!requirements.includes(id)) {
      requirements.push(id);
    }
  }
  return { requirements, errors };
}
