import fs from 'fs';
import path from 'path';
import { FACT_IDS } from '../facts';
import { ClusterReport } from '../report';
import { AREA_WEIGHTS } from '../scoring';
import { defaultRuleset } from './ruleset';
import { evaluateCluster } from './evaluate';
import { SCENARIOS } from './__fixtures__/scenarios';
import { merge, NOW, unknown } from './__fixtures__/clusters';

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

function report(
  index: number,
  facts = SCENARIOS[index].facts(),
): ClusterReport {
  const s = SCENARIOS[index];
  return evaluateCluster(
    {
      cluster: s.name,
      source: 'snapshot',
      scannedAt: NOW,
      facts,
      errors: [],
      context: s.context,
    },
    defaultRuleset,
  );
}

describe('the report of every fixture cluster', () => {
  it.each(SCENARIOS.map((s, i) => [s.name, i] as const))(
    '%s is valid against report.schema.json',
    (_, i) => {
      const r = report(i);
      expect(
        validate(JSON.parse(JSON.stringify(r))) ? [] : validate.errors,
      ).toEqual([]);
      expect(r.checks).toHaveLength(defaultRuleset.checks.length);
      expect(r.antiPatterns).toHaveLength(defaultRuleset.antiPatterns.length);
      expect(r.readiness).toHaveLength(defaultRuleset.readiness.length);
      expect(r.rulesetVersion).toBe(defaultRuleset.version);
    },
  );

  it('stays valid, and partial, when reads fail', () => {
    const facts = merge(
      SCENARIOS[0].facts(),
      unknown('mesh.details'),
      unknown('policies', 'timeout'),
    );
    const r = evaluateCluster(
      {
        cluster: 'aks-cilium',
        source: 'kubernetes',
        scannedAt: NOW,
        facts,
        errors: [{ fact: 'policies', reason: 'timeout' }],
        context: SCENARIOS[0].context,
      },
      defaultRuleset,
    );
    expect(r.status).toBe('partial');
    expect(r.checks.find(c => c.id === 'policy.enforced')?.status).toBe(
      'unknown',
    );
    expect(
      validate(JSON.parse(JSON.stringify(r))) ? [] : validate.errors,
    ).toEqual([]);
  });

  it("keeps every point traceable: the score is recomputed from the report's own checks", () => {
    for (let i = 0; i < SCENARIOS.length; i++) {
      const r = report(i);
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
      expect(r.areas.map(a => a.score)).toEqual(recomputed);
      expect(r.score).toBeCloseTo(weighted / total, 1);
    }
  });

  it('with every read failed: failed, no grade, every check unknown or not applicable', () => {
    const facts = merge(
      ...FACT_IDS.map(id => unknown(id, 'connection refused')),
    );
    const r = evaluateCluster(
      {
        cluster: 'down',
        source: 'kubernetes',
        scannedAt: NOW,
        facts,
        errors: [{ reason: 'connection refused' }],
        context: SCENARIOS[0].context,
      },
      defaultRuleset,
    );
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
    expect(
      validate(JSON.parse(JSON.stringify(r))) ? [] : validate.errors,
    ).toEqual([]);
  });
});
