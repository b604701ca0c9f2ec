import { NodesFact } from '@network-scorecard/common';
import { Detector, guarded, known } from './support/facts';
import {
  compareKernels,
  isBelow,
  isRhel8Equivalent510,
  isRhel8Kernel,
  parseKernel,
} from './support/kernel';
import { NodeView, readNodes } from './support/nodeList';
import { capped } from './support/objects';

/** Fact nodes: counts by OS and the Linux kernels (5.10 is Cilium's bar in the framework). */
export const detectNodes: Detector = async reader => ({
  nodes: await guarded(async () => {
    const nodes = await readNodes(reader);
    let linux = 0;
    let windows = 0;
    let lowest:
      | { node: NodeView; kernel: string; parsed: [number, number, number] }
      | undefined;
    const old: string[] = [];
    const equivalent: string[] = [];
    const unreadable: string[] = [];
    for (const node of nodes) {
      if (node.os === 'windows') windows++;
      if (node.os !== 'linux') continue;
      linux++;
      const { kernel } = node;
      const parsed = parseKernel(kernel);
      if (!kernel || !parsed) {
        unreadable.push(
          `Node ${node.name}: nodeInfo.kernelVersion ${
            kernel ? `${kernel} (not a version)` : 'not reported'
          }`,
        );
        continue;
      }
      if (isBelow(parsed, 5, 10)) {
        if (isRhel8Equivalent510(kernel)) {
          equivalent.push(
            `Node ${node.name}: nodeInfo.kernelVersion ${kernel} (RHEL 8.10, documented by Cilium as equivalent to 5.10)`,
          );
        } else {
          old.push(
            `Node ${node.name}: nodeInfo.kernelVersion ${kernel} (below 5.10${
              isRhel8Kernel(kernel)
                ? '; RHEL 8 before 8.10, whose 4.18 Cilium does not count as 5.10'
                : ''
            })`,
          );
        }
      }
      if (!lowest || compareKernels(parsed, lowest.parsed) < 0)
        lowest = { node, kernel, parsed };
    }
    const value: NodesFact = {
      total: nodes.length,
      linux,
      windows,
      minKernel: lowest?.kernel ?? null,
      belowKernel510: old.length,
      kernel510Equivalent: equivalent.length,
      unreadableKernel: unreadable.length,
    };
    const evidence = [
      `Nodes: ${nodes.length} in total, ${linux} Linux, ${windows} Windows`,
    ];
    if (lowest)
      evidence.push(
        `Node ${lowest.node.name}: nodeInfo.kernelVersion ${lowest.kernel} (lowest)`,
      );
    evidence.push(
      ...capped(old, 5),
      ...capped(equivalent, 5),
      ...capped(unreadable, 5),
    );
    return known(value, [...new Set(evidence)]);
  }),
});
