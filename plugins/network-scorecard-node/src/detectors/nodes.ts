import { NodesFact } from '@network-scorecard/common';
import { listAll } from '../reader/paging';
import { RESOURCES, builtIn } from '../reader/resources';
import { KubeObject } from '../reader/types';
import { Detector, guarded, known } from './support/facts';
import { compareKernels, isBelow, parseKernel } from './support/kernel';
import { asString, capped, dig, labels, ref } from './support/objects';

function operatingSystem(node: KubeObject): string | undefined {
  return (
    asString(dig(node, 'status', 'nodeInfo', 'operatingSystem')) ??
    labels(node)['kubernetes.io/os'] ??
    labels(node)['beta.kubernetes.io/os']
  );
}

/** Fact nodes: counts by OS and the Linux kernels (5.10 is Cilium's bar in the framework). */
export const detectNodes: Detector = async reader => ({
  nodes: await guarded(async () => {
    const nodes = await listAll(reader, builtIn(RESOURCES.Node));
    let linux = 0;
    let windows = 0;
    let lowest:
      | { node: KubeObject; kernel: string; parsed: [number, number, number] }
      | undefined;
    const old: string[] = [];
    for (const node of nodes) {
      const os = operatingSystem(node);
      if (os === 'windows') windows++;
      if (os !== 'linux') continue;
      linux++;
      const kernel = asString(dig(node, 'status', 'nodeInfo', 'kernelVersion'));
      const parsed = parseKernel(kernel);
      if (!kernel || !parsed) continue;
      if (isBelow(parsed, 5, 10))
        old.push(
          `${ref(node, 'Node')}: nodeInfo.kernelVersion ${kernel} (below 5.10)`,
        );
      if (!lowest || compareKernels(parsed, lowest.parsed) < 0)
        lowest = { node, kernel, parsed };
    }
    const value: NodesFact = {
      total: nodes.length,
      linux,
      windows,
      minKernel: lowest?.kernel ?? null,
      belowKernel510: old.length,
    };
    const evidence = [
      `Nodes: ${nodes.length} in total, ${linux} Linux, ${windows} Windows`,
    ];
    if (lowest)
      evidence.push(
        `${ref(lowest.node, 'Node')}: nodeInfo.kernelVersion ${
          lowest.kernel
        } (lowest)`,
      );
    evidence.push(...capped(old, 5));
    return known(value, [...new Set(evidence)]);
  }),
});
