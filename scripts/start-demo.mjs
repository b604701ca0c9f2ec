#!/usr/bin/env node
// `npm start`: the demo portal. When this machine has Prometheus (Debian's
// prometheus package: /usr/bin/prometheus and /usr/bin/promtool), it first
// starts the demo Prometheus (fixtures/prometheus/demo.mjs: backfilled Hubble
// and Cilium series of the three Cilium demo clusters) and adds
// app-config.prometheus.yaml, so their checks rest on traffic evidence too.
// Without it, the traffic checks say "connect Prometheus to check this".
// Extra arguments go to `backstage-cli repo start`.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PORT = Number(process.env.PROMETHEUS_PORT ?? 9090);
const available = ['/usr/bin/prometheus', '/usr/bin/promtool'].every(path =>
  existsSync(path),
);

async function ready(timeoutMs) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const res = await fetch(`http://127.0.0.1:${PORT}/-/ready`);
      if (res.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise(r => setTimeout(r, 500));
  }
  return false;
}

const children = [];
const stopAll = () => children.forEach(child => child.kill('SIGTERM'));
process.on('SIGINT', stopAll);
process.on('SIGTERM', stopAll);

const configs = ['--config', 'app-config.yaml'];
if (!available) {
  console.log(
    '[demo] no Prometheus on this machine (apt-get install prometheus): the traffic checks say "connect Prometheus".\n' +
      '[demo] To use a real one, list it under networkScorecard.prometheus (see app-config.prometheus.yaml).',
  );
} else {
  const prometheus = spawn(
    process.execPath,
    [resolve(root, 'fixtures/prometheus/demo.mjs')],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, PROMETHEUS_PORT: String(PORT) },
    },
  );
  children.push(prometheus);
  if (await ready(60_000)) {
    configs.push('--config', 'app-config.prometheus.yaml');
  } else {
    console.log(
      `[demo] the demo Prometheus did not answer on :${PORT} within a minute; starting without traffic evidence`,
    );
    prometheus.kill('SIGTERM');
  }
}

const backstage = spawn(
  'npx',
  ['backstage-cli', 'repo', 'start', ...configs, ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit' },
);
children.push(backstage);
backstage.on('exit', code => {
  stopAll();
  process.exit(code ?? 0);
});
