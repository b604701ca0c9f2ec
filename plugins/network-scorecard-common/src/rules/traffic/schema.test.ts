import fs from 'fs';
import path from 'path';
import { ClusterFacts } from '../../facts';
import { ClusterReport } from '../../report';
import { context } from '../__fixtures__/context';
import { golden } from '../__fixtures__/golden';
import { prometheusDown, traffic } from '../__fixtures__/traffic';
import { evaluateCluster } from '../evaluate';
import { defaultRuleset } from '../ruleset';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const Ajv2020 = require('ajv/dist/2020');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const addFormats = require('ajv-formats');

const read = (file: string) =>
  JSON.parse(fs.readFileSync(path.resolve(__dirname, file), 'utf8'));
const schema = read('../../../report.schema.json');
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(schema);

function report(facts: ClusterFacts): ClusterReport {
  return evaluateCluster(
    {
      cluster: 'prod-eu-1',
      source: 'kubernetes',
      scannedAt: '2026-11-26T12:00:00Z',
      facts,
      errors: [],
      context: context(),
    },
    defaultRuleset,
  );
}

describe('reports with traffic facts', () => {
  it.each([
    'flowing',
    'silent',
    'gauge-disagreeing',
    'shared-prod-eu-1',
    'shared-dev-sandbox',
  ] as const)(
    '%s is valid against the report schema with the traffic facts',
    name => {
      const r = report({ ...golden('demo-prod-eu-1'), ...traffic(name) });
      expect(
        validate(JSON.parse(JSON.stringify(r))) ? [] : validate.errors,
      ).toEqual([]);
    },
  );

  it('and with every traffic fact unknown', () => {
    const r = report({
      ...golden('demo-prod-eu-1'),
      ...prometheusDown('traffic.flows', 'traffic.features', 'traffic.l7'),
    });
    expect(
      validate(JSON.parse(JSON.stringify(r))) ? [] : validate.errors,
    ).toEqual([]);
  });

  it('an invalid traffic value is refused (the fragment is not a blank cheque)', () => {
    const facts = traffic('flowing');
    const bad = {
      ...golden('demo-prod-eu-1'),
      ...facts,
      'traffic.l7': { ...facts['traffic.l7'], value: { httpWorkloads: -1 } },
    } as ClusterFacts;
    expect(validate(JSON.parse(JSON.stringify(report(bad))))).toBe(false);
  });
});
