import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { collectFacts } from '../collect/collectFacts';
import { loadSnapshotFile } from '../snapshot/loadSnapshot';
import { SnapshotReader } from '../reader/SnapshotReader';
import { KubeObject } from '../reader/types';
import { VARIANTS } from './variants';

// Golden facts: what the real collector reads from every variant and every demo
// dump. The rule tests of -common read these files instead of building facts
// with a detector of their own. `npm run golden` rewrites them; this test fails
// while they are stale.
const ROOT = resolve(__dirname, '../../../..');
const GOLDEN = resolve(ROOT, 'fixtures/golden');
const DEMO = resolve(ROOT, 'examples/clusters');
const update = process.env.UPDATE_GOLDEN === '1';

async function golden(
  name: string,
  description: string,
  objects: KubeObject[],
) {
  const { facts, errors } = await collectFacts(new SnapshotReader(objects));
  return `${JSON.stringify({ name, description, facts, errors }, null, 2)}\n`;
}

const demo = readdirSync(DEMO)
  .filter(f => f.endsWith('.json'))
  .map(f => f.replace(/\.json$/, ''));

const cases: [string, () => Promise<string>][] = [
  ...demo.map(
    name =>
      [
        `demo-${name}`,
        async () =>
          golden(
            `demo-${name}`,
            `the demo dump examples/clusters/${name}.json`,
            (await loadSnapshotFile(resolve(DEMO, `${name}.json`))).items,
          ),
      ] as [string, () => Promise<string>],
  ),
  ...Object.entries(VARIANTS).map(
    ([name, variant]) =>
      [name, () => golden(name, variant.description, variant.objects())] as [
        string,
        () => Promise<string>,
      ],
  ),
];

describe('golden facts (fixtures/golden)', () => {
  it.each(cases)('%s is what the collector reads', async (name, make) => {
    const file = resolve(GOLDEN, `${name}.json`);
    const text = await make();
    if (update) writeFileSync(file, text);
    expect(
      existsSync(file)
        ? readFileSync(file, 'utf8')
        : 'missing: run `npm run golden`',
    ).toBe(text);
  });

  it('has no golden file without a variant', () => {
    const known = new Set(cases.map(([name]) => `${name}.json`));
    expect(readdirSync(GOLDEN).filter(f => !known.has(f))).toEqual([]);
  });
});
