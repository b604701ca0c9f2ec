import { humanizeEntityRef } from '@backstage/plugin-catalog-react';
import { parseEntityRef } from '@backstage/catalog-model';
import { defaultRuleset } from '@network-scorecard/common';
import { FleetRow } from '../FleetTable/rows';
import { formatReadinessCondition, NOT_SCANNED } from './filters';
import { GroupTree, normalizeOwnerRef, withParentGroups } from './groupTree';

export interface FilterOption {
  value: string;
  label: string;
}

export interface FleetFilterOptions {
  grade: FilterOption[];
  cni: FilterOption[];
  mesh: FilterOption[];
  lifecycle: FilterOption[];
  owner: FilterOption[];
  readiness: FilterOption[];
  antiPattern: FilterOption[];
}

const GRADE_LABELS: Record<string, string> = {
  '?': '? (not graded)',
  [NOT_SCANNED]: 'not scanned yet',
};
const GRADE_ORDER = ['A', 'B', 'C', 'D', 'F', '?', NOT_SCANNED];

const RULE_TITLES = new Map(
  [...defaultRuleset.readiness, ...defaultRuleset.antiPatterns].map(rule => [
    rule.id,
    rule.title,
  ]),
);

/** A rule's title; ids of rules this version does not know are shown as they are. */
export const ruleTitle = (id: string) => RULE_TITLES.get(id) ?? id;

const byLabel = (a: FilterOption, b: FilterOption) =>
  a.label.localeCompare(b.label);

const plain = (values: Iterable<string>): FilterOption[] =>
  [...new Set(values)]
    .filter(Boolean)
    .map(value => ({ value, label: value }))
    .sort(byLabel);

export function ownerLabel(ref: string, groups: GroupTree): string {
  const title = groups.titles.get(ref);
  if (title) return title;
  try {
    return humanizeEntityRef(parseEntityRef(ref), { defaultKind: 'group' });
  } catch {
    return ref;
  }
}

/**
 * The choices of each filter: the values the rows have (every row, not only
 * the filtered ones, so that a choice does not vanish once made) and, for
 * owners, every group above an owner as well.
 */
export function filterOptions(
  rows: FleetRow[],
  groups: GroupTree,
): FleetFilterOptions {
  const grades = new Set<string>(rows.map(row => row.grade ?? NOT_SCANNED));
  // a fleet has few distinct owners and conditions: each is worked out once
  const ownerRefs = new Set(
    rows.flatMap(row => (row.owner ? [row.owner] : [])),
  );
  const owners = withParentGroups(
    groups,
    [...ownerRefs].map(ref => normalizeOwnerRef(ref)),
  );
  const readiness = new Map<string, FilterOption>();
  for (const row of rows) {
    for (const [id, status] of Object.entries(row.readiness)) {
      const value = formatReadinessCondition({ id, status });
      if (!readiness.has(value))
        readiness.set(value, { value, label: `${ruleTitle(id)}: ${status}` });
    }
  }
  return {
    grade: GRADE_ORDER.filter(grade => grades.has(grade)).map(grade => ({
      value: grade,
      label: GRADE_LABELS[grade] ?? grade,
    })),
    cni: plain(rows.map(row => row.cni)),
    mesh: plain(rows.map(row => row.mesh)),
    lifecycle: plain(rows.map(row => row.lifecycle)),
    owner: [...owners]
      .map(ref => ({ value: ref, label: ownerLabel(ref, groups) }))
      .sort(byLabel),
    readiness: [...readiness.values()].sort(byLabel),
    antiPattern: [...new Set(rows.flatMap(row => row.antiPatternIds))]
      .map(id => ({ value: id, label: ruleTitle(id) }))
      .sort(byLabel),
  };
}
