import { isDeepStrictEqual } from 'node:util';
import { collectFromSnapshotFile } from '../collect/collectFromSnapshot';
import { collectFromKubernetes } from '../collect/collectFromKubernetes';
import { loadSnapshotFile } from '../snapshot/loadSnapshot';
import { startKubeApiServer, createTestCertificates } from '../testing';
(async () => {
  const certificates = createTestCertificates();
  for (const name of process.argv.slice(2)) {
    const file = `/work/main/examples/clusters/${name}.json`;
    const snap = await collectFromSnapshotFile(file);
    const server = await startKubeApiServer({ objects: (await loadSnapshotFile(file)).items, certificates });
    const live = await collectFromKubernetes(server.connection());
    await server.close();
    console.log('=====', name, 'equal', isDeepStrictEqual(snap.facts, live.facts), 'live', live.stats, 'errors', JSON.stringify(snap.errors));
    for (const [id, f] of Object.entries(snap.facts)) console.log(id.padEnd(17), JSON.stringify(f!.value), f!.reason ?? '', process.env.EV ? '\n    ' + f!.evidence.join('\n    ') : '');
  }
})();
