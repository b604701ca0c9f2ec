import { ConfigReader } from '@backstage/config';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { SnapshotClusterSource } from './SnapshotClusterSource';

function source(snapshots: object[], baseDir = '/srv/backstage') {
  return SnapshotClusterSource.fromConfig(
    new ConfigReader({ networkScorecard: { snapshots } }),
    baseDir,
  );
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'snapshot-source-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function touch(...names: string[]) {
  for (const name of names) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), '{"kind": "List", "items": []}');
  }
}

describe('SnapshotClusterSource', () => {
  it('lists a dump, and several dumps of one cluster, as absolute paths', async () => {
    const clusters = await source([
      { name: 'prod-eu-1', file: '../../examples/clusters/prod-eu-1.json' },
      {
        name: 'prod-us-1',
        files: ['/archive/prod-us-1/2026-06.json', 'dumps/prod-us-1.yaml'],
      },
    ]).listClusters();
    expect(clusters).toEqual([
      {
        name: 'prod-eu-1',
        source: 'snapshot',
        files: [
          resolve('/srv/backstage/../../examples/clusters/prod-eu-1.json'),
        ],
      },
      {
        name: 'prod-us-1',
        source: 'snapshot',
        files: [
          '/archive/prod-us-1/2026-06.json',
          '/srv/backstage/dumps/prod-us-1.yaml',
        ],
      },
    ]);
  });

  it('has no clusters without networkScorecard.snapshots', async () => {
    const empty = SnapshotClusterSource.fromConfig(new ConfigReader({}));
    expect(await empty.listClusters()).toEqual([]);
  });

  it('fails at startup on an entry that gives neither or both of file and files, naming it', () => {
    const entries = [
      { name: 'prod-eu-1', file: 'a.json' },
      { name: 'dc-fra-1', files: ['b.json'] },
      { name: 'dev-sandbox', file: 'c.json', files: ['d.json'] },
    ];
    expect(() => source(entries)).toThrow(
      'networkScorecard.snapshots[2] (dev-sandbox): give file or files, not both',
    );
    expect(() => source([{ name: 'payments-1' }])).toThrow(
      'networkScorecard.snapshots[0] (payments-1): give file (a dump, or a folder of dumps) or files (a list of dumps)',
    );
    expect(() => source([{ name: 'payments-1', files: [] }])).toThrow(
      'networkScorecard.snapshots[0] (payments-1): files is empty; list at least one dump',
    );
    expect(() =>
      source([{ name: 'payments-1', files: ['a.json', ' '] }]),
    ).toThrow('networkScorecard.snapshots[0] (payments-1): files[1] is empty');
    expect(() =>
      source([
        { name: 'payments-1', file: 'a.json' },
        { name: 'prod-eu-1', file: 'b.json' },
        { name: 'payments-1', file: 'c.json' },
      ]),
    ).toThrow(
      'networkScorecard.snapshots[2] (payments-1): cluster payments-1 is already listed as networkScorecard.snapshots[0]; give all its dumps in one entry (files)',
    );
    // a wrong type is reported by the config reader, with the key
    expect(() => source([{ name: 'payments-1', files: 'a.json' }])).toThrow(
      /networkScorecard\.snapshots\[0\]\.files/,
    );
  });

  it('expands a folder into its dumps, sorted by name, at every listing', async () => {
    touch(
      'prod-us-1/2026-07-21.json',
      'prod-us-1/2026-06-23.yaml',
      'prod-us-1/2026-08-25.YML',
      'prod-us-1/README.md',
      'prod-us-1/.2026-09-22.json.swp',
      'prod-us-1/.hidden.json',
      'prod-us-1/old/2025-12-01.json',
    );
    mkdirSync(join(dir, 'prod-us-1', 'folder.json'));
    const snapshots = source([{ name: 'prod-us-1', file: 'prod-us-1' }], dir);
    const files = async () => {
      const [cluster] = await snapshots.listClusters();
      return 'files' in cluster ? cluster.files : undefined;
    };

    expect(await files()).toEqual([
      join(dir, 'prod-us-1/2026-06-23.yaml'),
      join(dir, 'prod-us-1/2026-07-21.json'),
      join(dir, 'prod-us-1/2026-08-25.YML'),
    ]);

    // a dump dropped into the folder is scanned the next time round
    touch('prod-us-1/2026-09-22.json');
    expect(await files()).toEqual([
      join(dir, 'prod-us-1/2026-06-23.yaml'),
      join(dir, 'prod-us-1/2026-07-21.json'),
      join(dir, 'prod-us-1/2026-08-25.YML'),
      join(dir, 'prod-us-1/2026-09-22.json'),
    ]);
  });

  it('mixes folders and files, reads linked dumps, and lists a dump named twice once', async () => {
    touch('history/2026-06.json', 'history/2026-07.json', 'current.json');
    symlinkSync(join(dir, 'current.json'), join(dir, 'history/latest.json'));
    symlinkSync(join(dir, 'gone.json'), join(dir, 'history/dangling.json'));
    const [cluster] = await source(
      [
        {
          name: 'prod-us-1',
          files: ['history', 'current.json', 'history/2026-07.json'],
        },
      ],
      dir,
    ).listClusters();
    expect('files' in cluster && cluster.files).toEqual([
      join(dir, 'history/2026-06.json'),
      join(dir, 'history/2026-07.json'),
      // kept, so that reading it names the missing target
      join(dir, 'history/dangling.json'),
      join(dir, 'history/latest.json'),
      join(dir, 'current.json'),
    ]);
  });

  it('passes a missing path or an empty folder on, for the reader to name', async () => {
    mkdirSync(join(dir, 'empty'));
    const [cluster] = await source(
      [{ name: 'dc-fra-1', files: ['missing.json', 'no-folder', 'empty'] }],
      dir,
    ).listClusters();
    expect(cluster).toEqual({
      name: 'dc-fra-1',
      source: 'snapshot',
      files: [
        join(dir, 'missing.json'),
        join(dir, 'no-folder'),
        join(dir, 'empty'),
      ],
    });
  });
});
