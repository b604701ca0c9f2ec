// The whole suite, as the README's test command runs it and CI proves it:
// type check, lint, every jest suite (SQLite and PostgreSQL), and the browser
// test against the built app. Ends with one line: "tests: N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ensureChromium,
  ensurePostgres,
  ensurePrometheus,
} from './setup/ensure-services.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const tmp = resolve(root, 'test/.tmp');
rmSync(tmp, { recursive: true, force: true });
mkdirSync(tmp, { recursive: true });

const results = [];
let passed = 0;
let failed = 0;

function step(name, command, args, options = {}) {
  const started = Date.now();
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
  const run = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    ...options,
  });
  const seconds = Math.round((Date.now() - started) / 1000);
  const ok = run.status === 0;
  results.push(`${ok ? 'ok  ' : 'FAIL'} ${name} (${seconds} s)`);
  return ok;
}

const env = { ...process.env };
try {
  env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING = ensurePostgres();
  env.CHROMIUM_PATH = ensureChromium();
  const prometheus = ensurePrometheus();
  env.NETWORK_SCORECARD_PROMETHEUS = prometheus.prometheus;
  env.NETWORK_SCORECARD_PROMTOOL = prometheus.promtool;
} catch (error) {
  console.error(`[setup] ${error.message}`);
  results.push(`FAIL setup: ${error.message}`);
  failed += 1;
}

for (const [name, command, args] of [
  [
    'paths inside the repository',
    'node',
    ['test/guards/paths-inside-repo.mjs'],
  ],
  ['type check', 'npx', ['tsc', '--noEmit']],
  ['lint', 'npx', ['backstage-cli', 'repo', 'lint']],
  ['format', 'npm', ['run', '--silent', 'prettier:check']],
]) {
  if (step(name, command, args, { env })) passed += 1;
  else failed += 1;
}

const jestJson = resolve(tmp, 'jest.json');
step(
  'jest (SQLite + PostgreSQL)',
  'npx',
  [
    'backstage-cli',
    'repo',
    'test',
    '--ci',
    '--json',
    `--outputFile=${jestJson}`,
  ],
  {
    env: { ...env, CI: 'true' },
  },
);
if (existsSync(jestJson)) {
  const report = JSON.parse(readFileSync(jestJson, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests + report.numRuntimeErrorTestSuites;
  results.push(
    `     jest: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${report.numRuntimeErrorTestSuites} suites could not run`,
  );
} else {
  failed += 1;
  results.push('FAIL jest wrote no results');
}

const e2eJson = resolve(tmp, 'e2e.json');
step('browser e2e', 'node', ['test/e2e/run-e2e.mjs', `--results=${e2eJson}`], {
  env,
});
if (existsSync(e2eJson)) {
  const e2e = JSON.parse(readFileSync(e2eJson, 'utf8'));
  passed += e2e.passed;
  failed += e2e.failed;
} else {
  failed += 1;
  results.push('FAIL browser e2e wrote no results');
}

console.log('\n=== summary');
for (const line of results) console.log(line);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
