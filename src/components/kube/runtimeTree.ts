/**
 * What really runs on a node, as a process tree (`ps --forest`): systemd, containerd with one
 * containerd-shim-runc-v2 per pod below it, each shim with the pod's pause container and its
 * app, and the kubelet beside containerd. Each process carries what it is for, so the tree
 * reads as the chain kubelet -> CRI -> containerd -> shim -> runc -> process.
 * Contract: pure, from the machine's process table and sandboxes.
 */
import type { KubeProcess, Machine } from '../../sim/kube/types';

export type ProcessKind = 'init' | 'containerd' | 'kubelet' | 'shim' | 'pause' | 'app';

export interface TreeProcess {
  readonly pid: number;
  readonly name: string;
  readonly kind: ProcessKind;
  /** The pod (namespace/name) it belongs to, for shims, pause and apps. */
  readonly pod: string | null;
  /** The pod's IP, on its pause container (the sandbox holds the network namespace). */
  readonly ip: string | null;
  readonly children: readonly TreeProcess[];
}

function kindOf(p: KubeProcess): ProcessKind {
  if (p.name === 'systemd') return 'init';
  if (p.name === 'containerd' || p.name === 'kubelet' || p.name === 'pause') return p.name;
  if (p.name === 'containerd-shim-runc-v2') return 'shim';
  return 'app';
}

export function runtimeTree(machine: Machine): TreeProcess[] {
  const all = Object.values(machine.processes);
  const build = (p: KubeProcess): TreeProcess => {
    const kind = kindOf(p);
    const pod = p.pod ?? null;
    return {
      pid: p.pid,
      name: p.name,
      kind,
      pod,
      ip: kind === 'pause' && pod ? (machine.sandboxes[pod]?.ip ?? null) : null,
      children: all
        .filter((c) => c.ppid === p.pid)
        .sort((a, b) => a.pid - b.pid)
        .map(build),
    };
  };
  return all.filter((p) => p.ppid === 0).map(build);
}

/** Every process in the tree, depth first (for counting and tests). */
export function flatten(tree: readonly TreeProcess[]): TreeProcess[] {
  return tree.flatMap((p) => [p, ...flatten(p.children)]);
}
