import {
  AntiPatternRule,
  ClusterFacts,
  ClusterReport,
  Ruleset,
  defaultRuleset,
  evaluateCluster,
} from '@network-scorecard/common';
import fs from 'fs';
import path from 'path';
import { reportFor } from '../../__testUtils__/reports';
import { ScanPoint } from '../../database/ScanStore';
import { scanPoint } from '../../database/scanPoint';
import { customRuleset } from '../../scanning/customRuleset';

const GOLDEN = path.resolve(__dirname, '../../../../../fixtures/golden');

/** What the real collector reads from a golden variant dump (fixtures/golden). */
export function goldenFacts(variant: string): ClusterFacts {
  return JSON.parse(
    fs.readFileSync(path.join(GOLDEN, `${variant}.json`), 'utf8'),
  ).facts;
}

/**
 * The point history keeps of a scan of `cluster` that read the facts of a
 * golden variant: a real report (`reportFor`), made a point by `scanPoint`.
 *
 * Grades under the framework's ruleset, from the golden facts:
 * demo-prod-eu-1 A (nothing blocked or detected); demo-dc-fra-1 B;
 * demo-prod-us-1 F (calico-to-cilium and kube-proxy-replacement blocked,
 * standalone-cni-migration detected); cni-unrecognised `?`; cni-flannel F with
 * kube-proxy-replacement blocked by 1 blocker, demo-dev-sandbox F with the
 * same item blocked by 2.
 */
export function pointOf(
  cluster: string,
  scannedAt: string,
  variant: string,
): ScanPoint {
  return scanPoint(reportFor(cluster, scannedAt, goldenFacts(variant)));
}

/** An organisation's anti-pattern that every Cilium cluster shows. */
export const acmeCiliumEverywhere: AntiPatternRule = {
  id: 'acme.ap.cilium-everywhere',
  title: 'Cilium on a cluster ACME wants on the platform default',
  lesson: 'ACME keeps one CNI per fleet.',
  evaluate: facts =>
    facts.cni?.value === 'cilium'
      ? { status: 'detected', evidence: ['cni: cilium'] }
      : { status: 'clear', evidence: [`cni: ${facts.cni?.value}`] },
};

/** The framework's ruleset plus ACME's anti-pattern: another ruleset version. */
export const acmeRuleset: Ruleset = customRuleset(defaultRuleset, {
  checks: [],
  antiPatterns: [acmeCiliumEverywhere],
  readiness: [],
});

/** `reportFor` under another ruleset: the same scan context, other rules. */
export function reportUnder(
  ruleset: Ruleset,
  cluster: string,
  scannedAt: string,
  facts: ClusterFacts,
): ClusterReport {
  return evaluateCluster(
    {
      cluster,
      source: 'snapshot',
      scannedAt,
      facts,
      errors: [],
      context: {
        requirements: [],
        lifecycle: 'production',
        platformRefresh: null,
        catalogServiceCount: 3,
        now: scannedAt,
      },
    },
    ruleset,
  );
}
