import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  FIXTURE_END,
  PROMETHEUS_FIXTURES,
  TestPrometheus,
  startPrometheus,
} from '../__testUtils__/prometheus';
import { collectFromPrometheus } from './collectFromPrometheus';

// Golden traffic facts: what the real reader reads from a real Prometheus
// serving each fixture. The rule tests of -common read these files
// (fixtures/prometheus/golden) as they read fixtures/golden. Regenerate with
// UPDATE_GOLDEN=1 CI=true npx backstage-cli package test src/prometheus/golden.test.ts
const GOLDEN = resolve(PROMETHEUS_FIXTURES, 'golden');
const update = process.env.UPDATE_GOLDEN === '1';
/** The server's random port is not part of the facts. */
const STABLE_URL = 'http://prometheus.test:9090';

const CASES: { name: string; fixture: string; cluster?: string }[] = [
  { name: 'flowing', fixture: 'flowing.om' },
  { name: 'silent', fixture: 'silent.om' },
  { name: 'gauge-disagreeing', fixture: 'gauge-disagreeing.om' },
  { name: 'shared-prod-eu-1', fixture: 'shared.om', cluster: 'prod-eu-1' },
  { name: 'shared-dev-sandbox', fixture: 'shared.om', cluster: 'dev-sandbox' },
];

describe('golden traffic facts (fixtures/prometheus/golden)', () => {
  const servers = new Map<string, TestPrometheus>();
  afterAll(async () => {
    for (const server of servers.values()) await server.stop();
  });

  it.each(CASES)(
    '$name is what the reader reads',
    async ({ name, fixture, cluster }) => {
      if (!servers.has(fixture))
        servers.set(fixture, await startPrometheus({ fixture }));
      const server = servers.get(fixture) as TestPrometheus;
      const { facts, errors } = await collectFromPrometheus(
        cluster ?? name,
        {
          url: server.url,
          clusterLabel: cluster
            ? { name: 'cluster', value: cluster }
            : undefined,
        },
        { at: FIXTURE_END },
      );
      expect(errors).toEqual([]);
      const text = `${JSON.stringify(
        { name, fixture: `fixtures/prometheus/${fixture}`, cluster, facts },
        null,
        2,
      )
        .split(server.url)
        .join(STABLE_URL)}\n`;
      const file = resolve(GOLDEN, `${name}.json`);
      if (update) writeFileSync(file, text);
      expect(
        existsSync(file)
          ? readFileSync(file, 'utf8')
          : 'missing: run with UPDATE_GOLDEN=1',
      ).toBe(text);
    },
    60_000,
  );
});
