import { fixtures } from './fixtures';
import { SnapshotReader } from '../reader/SnapshotReader';
import { collectFacts } from '../collect/collectFacts';
import { startKubeApiServer, syntheticCluster } from '../testing';
import { collectFromKubernetes } from '../collect/collectFromKubernetes';
import { isDeepStrictEqual } from 'node:util';
(async () => {
  for (const objs of [fixtures('cilium/charm-cilium-1.16.10-rendered.yaml', 'cilium/charm-hubble-relay-1.16.10-rendered.yaml', 'nodes/nodes.json'), syntheticCluster({nodes: 10, services: 5000})]) {
    const snap = await collectFacts(new SnapshotReader(objs));
    const t0 = Date.now();
    const server = await startKubeApiServer({ objects: objs });
    console.log('server start', Date.now() - t0);
    const live = await collectFromKubernetes(server.connection());
    console.log('equal', isDeepStrictEqual(snap.facts, live.facts), live.stats, live.errors, Date.now() - t0);
    if (!isDeepStrictEqual(snap.facts, live.facts)) console.log(JSON.stringify(live.facts).slice(0, 3000));
    console.log(server.requests.map(r => `${r.status} ${r.path}${r.query} ${r.bytes}`).join('\n'));
    await server.close();
  }
})();
