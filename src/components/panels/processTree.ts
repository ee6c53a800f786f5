/**
 * The host's process table as a tree, the way `pstree -p` draws it: every process under its
 * parent, children in PID order. Pure: a World snapshot in, plain data out, so the panel
 * shows exactly what the simulation holds at the cursor (runc's child re-parented to the
 * shim, containers still running after dockerd died) and never invents a process.
 */
import type { Pid, Process, World } from '../../sim/types';

/** What a process is, for how the panel marks it. */
export type ProcessKind =
  | 'init'
  | 'dockerd'
  | 'containerd'
  | 'shim'
  /** A short-lived runc invocation (create, start, kill, delete...). */
  | 'runc'
  /** `runc init`: the container's future PID 1, blocked on exec.fifo until `runc start`. */
  | 'runc-init'
  /** tini as `docker-init`, PID 1 of a container run with `--init`. */
  | 'docker-init'
  /** A program of the container (its init after execve, or a child of it). */
  | 'container';

export interface ProcessContainer {
  readonly id: string;
  /** The container's name, or its 12-hex short ID when dockerd has no record of it. */
  readonly name: string;
  /** PID inside the container's PID namespace; null for processes outside it (shim, runc). */
  readonly nsPid: number | null;
}

export interface ProcessNode {
  readonly pid: Pid;
  readonly ppid: Pid;
  /** The command name (comm), as `ps` and `pstree` show it. */
  readonly name: string;
  readonly kind: ProcessKind;
  /** For a runc invocation, the operation it performs. */
  readonly operation: string | null;
  readonly container: ProcessContainer | null;
  readonly children: readonly ProcessNode[];
}

const RUNC_OPERATIONS = ['create', 'start', 'kill', 'delete', 'pause', 'resume', 'state'];

function kindOf(p: Process): ProcessKind {
  switch (p.role) {
    case 'init':
      return 'init';
    case 'runc-init':
    case 'docker-init':
    case 'container':
      // Decided by the command line, not only the role: a world rebuilt from the trace keeps
      // the role a process was spawned with, while its exec changes name and args.
      if (p.args[0] === 'runc' && p.args[1] === 'init') return 'runc-init';
      if (p.args[0]?.endsWith('docker-init')) return 'docker-init';
      return 'container';
    default:
      return p.role;
  }
}

function containerOf(world: World, p: Process): ProcessContainer | null {
  if (!p.containerId) return null;
  return {
    id: p.containerId,
    name: world.containers[p.containerId]?.name ?? p.containerId.slice(0, 12),
    nsPid: p.nsPid ?? null,
  };
}

/**
 * The process forest: roots are processes whose parent is not in the table (systemd, PID 1,
 * on a healthy host), each with its children in PID order. A process caught in a parent
 * cycle cannot be reached from a root and is left out rather than looping forever.
 */
export function buildProcessTree(world: World): ProcessNode[] {
  const processes = Object.values(world.processes).sort((a, b) => a.pid - b.pid);
  const childrenOf = new Map<Pid, Process[]>();
  for (const p of processes) {
    if (p.ppid === p.pid || !world.processes[p.ppid]) continue;
    const siblings = childrenOf.get(p.ppid) ?? [];
    siblings.push(p);
    childrenOf.set(p.ppid, siblings);
  }
  const build = (p: Process): ProcessNode => {
    const kind = kindOf(p);
    return {
      pid: p.pid,
      ppid: p.ppid,
      name: p.name,
      kind,
      operation: kind === 'runc' ? (p.args.find((a) => RUNC_OPERATIONS.includes(a)) ?? null) : null,
      container: containerOf(world, p),
      children: (childrenOf.get(p.pid) ?? []).map(build),
    };
  };
  return processes.filter((p) => p.ppid === p.pid || !world.processes[p.ppid]).map(build);
}

/** One line of the tree as drawn: a node with its place among its siblings. */
export interface TreeRow {
  readonly node: ProcessNode;
  /** Depth from 1 (aria-level). */
  readonly level: number;
  readonly posInSet: number;
  readonly setSize: number;
  readonly parentPid: Pid | null;
  /** null for a leaf: only processes with children can be expanded or collapsed. */
  readonly expanded: boolean | null;
  /**
   * pstree's connector lines before the name (`│  ├─`), drawn but not read aloud: three
   * columns a level, the last of which the view fills with the open or closed mark.
   */
  readonly guide: string;
}

/** The rows a reader sees, depth first, skipping the children of collapsed processes. */
export function visibleRows(roots: readonly ProcessNode[], collapsed: ReadonlySet<Pid>): TreeRow[] {
  const rows: TreeRow[] = [];
  // `indent` holds one column per ancestor below the roots: a bar while it has siblings to come.
  const visit = (
    nodes: readonly ProcessNode[],
    level: number,
    parentPid: Pid | null,
    indent: string,
  ) => {
    nodes.forEach((node, index) => {
      const last = index === nodes.length - 1;
      const hasChildren = node.children.length > 0;
      const expanded = hasChildren ? !collapsed.has(node.pid) : null;
      const guide = level === 1 ? '' : `${indent}${last ? '└─' : '├─'}`;
      rows.push({
        node,
        level,
        posInSet: index + 1,
        setSize: nodes.length,
        parentPid,
        expanded,
        guide,
      });
      const childIndent = level === 1 ? '' : `${indent}${last ? '   ' : '│  '}`;
      if (expanded) visit(node.children, level + 1, node.pid, childIndent);
    });
  };
  visit(roots, 1, null, '');
  return rows;
}

/**
 * Whether a process stands for its part: every process but a container's non-init programs
 * (nginx's workers belong to the container, but its PID 1 is the one that represents it).
 */
export function representsPart(node: ProcessNode): boolean {
  const nsPid = node.container?.nsPid ?? null;
  return nsPid === null || nsPid === 1;
}

/**
 * The diagram part a process belongs to (a host part id, as in hostParts.ts), so choosing a
 * process can inspect its component: the shim of a container, runc, or the container itself.
 */
export function partIdOf(node: ProcessNode): string | null {
  const id = node.container?.id;
  switch (node.kind) {
    case 'init':
      return 'systemd';
    case 'dockerd':
    case 'containerd':
      return node.kind;
    case 'shim':
    case 'runc':
      return id ? `${node.kind}:${id}` : null;
    default:
      return id ? `container:${id}` : null;
  }
}
