import { fixtures, patched } from '../__testUtils__/fixtures';
import { humanDuration, printTable } from './printTable';
import { readTable } from './tables';

const NOW = Date.parse('2021-12-21T01:46:51Z');

describe('printTable', () => {
  const [node] = fixtures('nodes/nodes.json');

  it('prints a Node as kube-apiserver does (the wide columns included)', () => {
    const { columnDefinitions, rows } = printTable('Node', [node], 'None', NOW);
    expect(columnDefinitions.map(c => c.name)).toEqual([
      'Name',
      'Status',
      'Roles',
      'Age',
      'Version',
      'Internal-IP',
      'External-IP',
      'OS-Image',
      'Kernel-Version',
      'Container-Runtime',
    ]);
    expect(rows).toEqual([
      {
        cells: [
          'duckboat-01',
          'Ready',
          '<none>',
          '13d',
          'v1.21.2-13+d2965f0db10712',
          '10.9.150.105',
          '<none>',
          'Amazon Linux 2',
          '5.4.129-63.229.amzn2.aarch64',
          'docker://19.3.13',
        ],
        object: null,
      },
    ]);
  });

  it('prints status, roles and empty fields the way the Node printer does', () => {
    const odd = patched(node, c => {
      c.spec.unschedulable = true;
      c.status.conditions = c.status.conditions.map((x: any) =>
        x.type === 'Ready' ? { ...x, status: 'Unknown' } : x,
      );
      c.metadata.labels['node-role.kubernetes.io/worker'] = '';
      c.metadata.labels['node-role.kubernetes.io/control-plane'] = '';
      c.metadata.labels['kubernetes.io/role'] = 'edge';
      c.status.nodeInfo.kernelVersion = '';
      c.status.addresses.push({ type: 'ExternalIP', address: '52.1.2.3' });
    });
    const [row] = printTable('Node', [odd], 'None', NOW).rows;
    expect(row.cells.slice(1, 3)).toEqual([
      'NotReady,SchedulingDisabled',
      'control-plane,edge,worker',
    ]);
    expect(row.cells[6]).toBe('52.1.2.3');
    expect(row.cells[8]).toBe('<unknown>');
    const bare = patched(node, c => {
      delete c.status;
    });
    expect(printTable('Node', [bare], 'None', NOW).rows[0].cells[1]).toBe(
      'Unknown',
    );
  });

  it('includes metadata or the object as asked', () => {
    expect(printTable('Node', [node], 'Metadata').rows[0].object).toEqual({
      kind: 'PartialObjectMetadata',
      apiVersion: 'meta.k8s.io/v1',
      metadata: node.metadata,
    });
    expect(printTable('Node', [node], 'Object').rows[0].object).toBe(node);
  });

  it('prints other kinds with the default columns', () => {
    const namespace = {
      kind: 'Namespace',
      apiVersion: 'v1',
      metadata: { name: 'a', creationTimestamp: '2024-03-01T10:00:00.000Z' },
    };
    const table = printTable('Namespace', [namespace], 'None');
    expect(table.columnDefinitions.map(c => [c.name, c.type])).toEqual([
      ['Name', 'string'],
      ['Created At', 'date'],
    ]);
    expect(table.rows[0].cells).toEqual(['a', '2024-03-01T10:00:00Z']);
  });

  it('reads back as cells by column name', () => {
    const table = readTable({
      kind: 'Table',
      apiVersion: 'meta.k8s.io/v1',
      metadata: {},
      ...printTable('Node', [node], 'None', NOW),
    });
    expect(table?.rows[0]).toMatchObject({
      Name: 'duckboat-01',
      'Kernel-Version': '5.4.129-63.229.amzn2.aarch64',
    });
    expect(readTable({ kind: 'NodeList', items: [] })).toBeUndefined();
    expect(
      readTable({
        kind: 'Table',
        apiVersion: 'meta.k8s.io/v1',
        columnDefinitions: [{ name: 'Name' }],
        rows: [{ cells: ['a', 'b'] }],
      }),
    ).toBeUndefined();
  });
});

describe('humanDuration (apimachinery duration.HumanDuration)', () => {
  it.each([
    [-5_000, '<invalid>'],
    [-500, '0s'],
    [59_000, '59s'],
    [119_000, '119s'],
    [125_000, '2m5s'],
    [600_000, '10m'],
    [3 * 3_600_000 + 5 * 60_000, '3h5m'],
    [30 * 3_600_000, '30h'],
    [3 * 86_400_000 + 4 * 3_600_000, '3d4h'],
    [100 * 86_400_000, '100d'],
    [(3 * 365 + 10) * 86_400_000, '3y10d'],
    [9 * 365 * 86_400_000, '9y'],
  ])('%d ms is %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });
});
