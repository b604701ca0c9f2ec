import { fixtures } from '/work/main/plugins/network-scorecard-node/src/__testUtils__/fixtures';
import { SnapshotReader } from '/work/main/plugins/network-scorecard-node/src/reader/SnapshotReader';
import { collectFacts } from '/work/main/plugins/network-scorecard-node/src/collect/collectFacts';
(async () => {
  const objs = fixtures(...process.argv.slice(2));
  const r = new SnapshotReader(objs);
  const res = await collectFacts(r);
  console.log(JSON.stringify(res, null, 1));
  console.log(r.stats());
})();
