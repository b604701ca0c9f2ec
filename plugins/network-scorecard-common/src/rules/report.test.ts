import fs from 'fs';
import path from 'path';
import { ClusterFacts, FACT_IDS } from '../facts';
import { EvaluationContext } from '../context';
import { ClusterReport } from '../report';
import { AREA_WEIGHTS } from '../scoring';
import { defaultRuleset } from './ruleset';
import { evaluateCluster } from './evaluate';
import { golden } from './__fixtures__/golden';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const Ajv2020 = require('ajv/dist/2020');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const addFormats = require('ajv-formats');

const schema = JSON.parse(
  fs.readFileSync(path.resolve(__dirname, '../../report.schema.json'), 'utf8'),
);
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(schema);
const problems = (r: ClusterReport) =>
  validate(JSON.parse(JSON.stringify(r))) ? [] : validate.errors;

const NOW = '2026-11-26T09:00:00Z';
const production: EvaluationContext = {
  requirements: [],
  lifecycle: 'production',
  platformRefresh: null,
  catalogServiceCount: null,
  now: NOW,
};
const CLUSTERS = fs
  .readdirSync(path.resolve(__dirname, '../../../../fixtures/golden'))
  .map(f => f.replace(/\.json$/, ''));

function report(
  facts: ClusterFacts,
  errors: ClusterReport['errors'] = [],
): ClusterReport {
  return evaluateCluster(
    {
      cluster: 'c',
      source: 'snapshot',
      scannedAt: NOW,
      facts,
      errors,
      context: production,
    },
    defaultRuleset,
  );
}

const unreadable = (reason: string) => ({ value: null, evidence: [], reason });

describe('the report of every golden cluster', () => {
  it.each(CLUSTERS)('%s is valid against report.schema.json', name => {
    const r = report(golden(name));
    expect(problems(r)).toEqual([]);
    expect(r.checks).toHaveLength(defaultRuleset.checks.length);
    expect(r.antiPatterns).toHaveLength(defaultRuleset.antiPatterns.length);
    expect(r.readiness).toHaveLength(defaultRuleset.readiness.length);
    expect(r.rulesetVersion).toBe(defaultRuleset.version);
  });

  it('stays valid, and partial, when reads fail; the unknown check says what it needed', () => {
    const facts = {
      ...golden('demo-prod-eu-1'),
      policies: unreadable(
        'timeout: GET /apis/cilium.io/v2/ciliumnetworkpolicies',
      ),
    };
    const r = report(facts, [{ fact: 'policies', reason: 'timeout' }]);
    expect(r.status).toBe('partial');
    expect(r.checks.find(c => c.id === 'policy.enforced')).toMatchObject({
      status: 'unknown',
      points: 0,
    });
    expect(
      r.scoring.atStake.find(s => s.checkId === 'policy.enforced'),
    ).toMatchObject({
      reads: [
        {
          fact: 'policies',
          reason: 'timeout: GET /apis/cilium.io/v2/ciliumnetworkpolicies',
        },
      ],
    });
    expect(problems(r)).toEqual([]);
  });

  it("keeps every point traceable: area scores are recomputed from the report's own checks", () => {
    for (const name of CLUSTERS) {
      const r = report(golden(name));
      let weighted = 0;
      let total = 0;
      const recomputed = r.areas.map(area => {
        const checks = r.checks.filter(
          c => c.area === area.id && c.points !== null,
        );
        const possible = checks.reduce((s, c) => s + c.weight, 0);
        const exact =
          possible === 0
            ? null
            : (checks.reduce((s, c) => s + (c.points ?? 0), 0) / possible) *
              100;
        if (exact !== null) {
          weighted += exact * AREA_WEIGHTS[area.id];
          total += AREA_WEIGHTS[area.id];
        }
        return exact === null ? null : Math.round(exact * 10) / 10;
      });
      expect([name, r.areas.map(a => a.score)]).toEqual([name, recomputed]);
      expect(r.scoring.weighted).toBeCloseTo(weighted / total, 1);
    }
  });

  it('with every read failed: failed, no grade, every check unknown or not applicable', () => {
    const facts = Object.fromEntries(
      FACT_IDS.map(id => [id, unreadable('error: connection refused')]),
    ) as ClusterFacts;
    const r = report(facts, [{ reason: 'connection refused' }]);
    expect(r).toMatchObject({
      status: 'failed',
      grade: '?',
      score: null,
      coverage: 0,
    });
    expect(
      r.checks.every(
        c => c.status === 'unknown' || c.status === 'not-applicable',
      ),
    ).toBe(true);
    expect(problems(r)).toEqual([]);
  });
});
