import { describe, expect, it } from 'vitest';
import { Driver } from '../../sim/testing/driver';
import type { Process, World } from '../../sim/types';
import {
  buildProcessTree,
  partIdOf,
  visibleRows,
  type ProcessNode,
  type TreeRow,
} from './processTree';
import { treeMove } from './treeNavigation';

/** The tree as pstree-like lines: `name(pid) [kind] {container nsPid}`, indented by depth. */
function draw(roots: readonly ProcessNode[]): string[] {
  return visibleRows(roots, new Set()).map(({ node, level }) => {
    const container = node.container ? ` {${node.container.name} ${node.container.nsPid}}` : '';
    return `${'  '.repeat(level - 1)}${node.name}(${node.pid}) [${node.kind}]${container}`;
  });
}

function withProcesses(world: World, processes: Process[]): World {
  return { ...world, processes: Object.fromEntries(processes.map((p) => [p.pid, p])) };
}

/** The world just after the first trace entry whose label is `label`. */
function worldAfter(d: Driver, label: string, offset = 0): World {
  const seq = d.sim.trace.findIndex((e) => e.label === label);
  expect(seq, label).toBeGreaterThanOrEqual(0);
  return d.sim.worldAt(seq + offset);
}

describe('buildProcessTree', () => {
  it('draws a fresh host: systemd with containerd and dockerd under it', () => {
    const d = new Driver({ seed: 'demo' });
    expect(draw(buildProcessTree(d.sim.world))).toEqual([
      'systemd(1) [init]',
      '  containerd(812) [containerd]',
      '  dockerd(845) [dockerd]',
    ]);
  });

  it('puts a running container under its shim, with its name and in-namespace PIDs', () => {
    const d = new Driver({ seed: 'demo' });
    d.run('nginx', { name: 'web' });
    const lines = draw(buildProcessTree(d.sim.world));
    expect(lines).toEqual([
      'systemd(1) [init]',
      '  containerd(812) [containerd]',
      '  dockerd(845) [dockerd]',
      '  containerd-shim-runc-v2(1204) [shim] {web null}',
      '    nginx(1210) [container] {web 1}',
      '      nginx(1213) [container] {web 2}',
      '      nginx(1215) [container] {web 3}',
    ]);
  });

  it('shows runc init under runc during create, then re-parented to the shim when runc exits', () => {
    const d = new Driver({ seed: 'demo' });
    d.run('nginx', { name: 'web' });
    const during = draw(buildProcessTree(worldAfter(d, 'runc init waits on exec.fifo')));
    expect(during.slice(3)).toEqual([
      '  containerd-shim-runc-v2(1204) [shim] {web null}',
      '    runc(1207) [runc] {web null}',
      '      runc:[2:INIT](1210) [runc-init] {web 1}',
    ]);
    const runcCreate = buildProcessTree(worldAfter(d, 'runc create', 1))[0]?.children[2]
      ?.children[0];
    expect(runcCreate?.operation).toBe('create');

    const reparented = worldAfter(
      d,
      'runc:[2:INIT] (1210) re-parented to containerd-shim-runc-v2 (1204)',
    );
    expect(draw(buildProcessTree(reparented)).slice(3)).toEqual([
      '  containerd-shim-runc-v2(1204) [shim] {web null}',
      '    runc:[2:INIT](1210) [runc-init] {web 1}',
    ]);
  });

  it('marks the program runc init exec’d as a container process in a rebuilt world', () => {
    const d = new Driver({ seed: 'demo' });
    d.run('nginx', { name: 'web' });
    const rebuilt = d.sim.worldAt(d.sim.trace.length - 1);
    const init = buildProcessTree(rebuilt)[0]?.children[2]?.children[0];
    expect(init).toMatchObject({ pid: 1210, name: 'nginx', kind: 'container' });
  });

  it('keeps the shim and its container when dockerd is killed', () => {
    const d = new Driver({ seed: 'demo', systemdRestart: false });
    d.run('nginx', { name: 'web' });
    d.signal({ service: 'dockerd' }, 'SIGKILL');
    const lines = draw(buildProcessTree(d.sim.world));
    expect(lines.some((line) => line.includes('dockerd'))).toBe(false);
    expect(lines).toContain('  containerd-shim-runc-v2(1204) [shim] {web null}');
    expect(lines).toContain('    nginx(1210) [container] {web 1}');
  });

  it('shows a container without a record by its short ID', () => {
    const d = new Driver({ seed: 'demo' });
    const id = d.run('nginx', { name: 'web' });
    const world = { ...d.sim.world, containers: {} };
    const shim = buildProcessTree(world)[0]?.children[2];
    expect(shim?.container?.name).toBe(id.slice(0, 12));
  });

  it('makes orphans roots and leaves parent cycles out instead of looping', () => {
    const d = new Driver({ seed: 'demo' });
    const base = d.sim.world.processes[1] as Process;
    const proc = (pid: number, ppid: number): Process => ({ ...base, pid, ppid, name: `p${pid}` });
    const world = withProcesses(d.sim.world, [
      proc(1, 0),
      proc(10, 99),
      proc(20, 21),
      proc(21, 20),
      proc(30, 30),
    ]);
    expect(buildProcessTree(world).map((n) => n.pid)).toEqual([1, 10, 30]);
  });
});

describe('visibleRows', () => {
  const d = new Driver({ seed: 'demo' });
  d.run('nginx', { name: 'web' });
  const roots = buildProcessTree(d.sim.world);
  const byPid = (rows: TreeRow[], pid: number) => rows.find((r) => r.node.pid === pid);

  it('gives levels, positions among siblings, parents and pstree guides', () => {
    const rows = visibleRows(roots, new Set());
    expect(rows.map((r) => `${r.guide}${r.node.pid}`)).toEqual([
      '1',
      '├─812',
      '├─845',
      '└─1204',
      '   └─1210',
      '      ├─1213',
      '      └─1215',
    ]);
    expect(byPid(rows, 845)).toMatchObject({ level: 2, posInSet: 2, setSize: 3, parentPid: 1 });
    expect(byPid(rows, 1204)?.expanded).toBe(true);
    expect(byPid(rows, 812)?.expanded).toBeNull();
  });

  it('hides the children of a collapsed process', () => {
    const rows = visibleRows(roots, new Set([1204]));
    expect(rows.map((r) => r.node.pid)).toEqual([1, 812, 845, 1204]);
    expect(byPid(rows, 1204)?.expanded).toBe(false);
  });

  it('maps each process to the diagram part it belongs to', () => {
    const id = Object.keys(d.sim.world.containers)[0] ?? '';
    const parts = visibleRows(roots, new Set()).map((r) => partIdOf(r.node));
    expect(parts).toEqual([
      'systemd',
      'containerd',
      'dockerd',
      `shim:${id}`,
      `container:${id}`,
      `container:${id}`,
      `container:${id}`,
    ]);
  });
});

describe('treeMove', () => {
  const d = new Driver({ seed: 'demo' });
  d.run('nginx', { name: 'web' });
  const rows = visibleRows(buildProcessTree(d.sim.world), new Set());

  it('walks the visible rows with Up, Down, Home and End', () => {
    expect(treeMove(rows, 1, 'ArrowDown')).toEqual({ type: 'focus', pid: 812 });
    expect(treeMove(rows, 812, 'ArrowUp')).toEqual({ type: 'focus', pid: 1 });
    expect(treeMove(rows, 1, 'ArrowUp')).toBeNull();
    expect(treeMove(rows, 845, 'End')).toEqual({ type: 'focus', pid: 1215 });
    expect(treeMove(rows, 1215, 'Home')).toEqual({ type: 'focus', pid: 1 });
  });

  it('opens, enters, closes and leaves with Right and Left', () => {
    expect(treeMove(rows, 1204, 'ArrowRight')).toEqual({ type: 'focus', pid: 1210 });
    expect(treeMove(rows, 1204, 'ArrowLeft')).toEqual({ type: 'collapse', pid: 1204 });
    expect(treeMove(rows, 1213, 'ArrowLeft')).toEqual({ type: 'focus', pid: 1210 });
    expect(treeMove(rows, 812, 'ArrowRight')).toBeNull();
    const closed = visibleRows(buildProcessTree(d.sim.world), new Set([1204]));
    expect(treeMove(closed, 1204, 'ArrowRight')).toEqual({ type: 'expand', pid: 1204 });
    expect(treeMove(closed, 1, 'ArrowLeft')).toEqual({ type: 'collapse', pid: 1 });
  });

  it('ignores other keys and a process that is no longer shown', () => {
    expect(treeMove(rows, 1, 'a')).toBeNull();
    expect(treeMove(rows, 4242, 'ArrowDown')).toBeNull();
  });
});
