// Child process of collector-bench.mjs: serves a synthetic cluster as a Kubernetes API
// (the test API server of @internal/network-scorecard-test-utils) so that the collector's memory is
// measured apart from the server's. Driven over IPC: { nodes, services, latencyMs, certificates }.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
require('@backstage/cli/config/nodeTransform.cjs');
const {
  startKubeApiServer,
  syntheticCluster,
} = require('@internal/network-scorecard-test-utils');

process.on('message', async ({ nodes, services, latencyMs, certificates }) => {
  const server = await startKubeApiServer({
    objects: syntheticCluster({ nodes, services }),
    latencyMs,
    certificates,
  });
  process.send({
    url: server.url,
    token: server.token,
    caData: server.certificates.caData,
  });
});
