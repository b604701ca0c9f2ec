// Traffic evidence in the UI: the browser test starts the demo Prometheus
// (fixtures/prometheus/demo.mjs) when the machine has one, as `npm start` does,
// and the Cilium demo clusters' checks then rest on what their agents report.
import { resolve } from 'node:path';
import { BASE } from './api.mjs';

function checkOf(report, id) {
  const check = report.checks.find(c => c.id === id);
  if (!check) throw new Error(`${report.cluster} has no check ${id}`);
  return check;
}

export async function checkTrafficEvidence(
  page,
  { check, token, api, screenshots },
) {
  const reports = {};
  for (const name of ['prod-eu-1', 'compliance-eu-1', 'prod-us-1']) {
    reports[name] = (await api(`/clusters/${name}`, token)).body;
  }
  await check(
    'traffic evidence: series arrive on prod-eu-1, prod-us-1 is configured but silent, and an agent of compliance-eu-1 runs without what cilium-config says',
    async () => {
      const flowing = checkOf(reports['prod-eu-1'], 'observability.metrics');
      if (flowing.status !== 'pass')
        throw new Error(`prod-eu-1 observability.metrics is ${flowing.status}`);
      const silent = checkOf(reports['prod-us-1'], 'observability.metrics');
      if (
        silent.status !== 'fail' ||
        !/hubble_/.test(silent.evidence.join(' '))
      )
        throw new Error(
          `prod-us-1 observability.metrics is ${
            silent.status
          }: ${silent.evidence.join(' | ')}`,
        );
      const inEffect = checkOf(
        reports['compliance-eu-1'],
        'cni.config-in-effect',
      );
      if (inEffect.status !== 'fail')
        throw new Error(
          `compliance-eu-1 cni.config-in-effect is ${inEffect.status}`,
        );
    },
  );
  await check(
    "compliance-eu-1's Network tab shows which agent runs without kube-proxy replacement",
    async () => {
      const evidence = checkOf(
        reports['compliance-eu-1'],
        'cni.config-in-effect',
      ).evidence.join(' ');
      const node = evidence.match(/node-\d+/)?.[0];
      if (!node) throw new Error(`no node named in: ${evidence}`);
      await page.goto(
        `${BASE}/catalog/default/resource/compliance-eu-1/network-scorecard`,
      );
      const item = page.getByTestId('check-cni.config-in-effect').first();
      await item.waitFor({ timeout: 60_000 });
      const text = (await item.textContent()) ?? '';
      if (!text.includes('fail') || !text.includes(node))
        throw new Error(`the check on the tab reads: ${text.slice(0, 400)}`);
      await item.scrollIntoViewIfNeeded();
      await page.screenshot({
        path: resolve(screenshots, 'traffic-compliance-eu-1.png'),
        fullPage: true,
      });
    },
  );
}
