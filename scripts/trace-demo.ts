/**
 * A headless session on the simulation, printed as a trace: `docker run -d nginx`, kill -9
 * dockerd, start it again, once without and once with live-restore. It shows, in order, every
 * message between the CLI, dockerd, containerd, the shim and runc, and what survives.
 *
 *   npm run trace            # both runs
 *   npm run trace -- --all   # include every state change, not only processes and containers
 */
import { Driver } from '../src/sim/testing/driver';
import type { TraceEntry } from '../src/sim/trace';

const all = process.argv.includes('--all');

function short(endpoint: string): string {
  return endpoint.replace(/:([0-9a-f]{12})[0-9a-f]{52}/, ':$1');
}

function interesting(e: TraceEntry): boolean {
  if (all || e.kind !== 'state') return true;
  const op = e.change?.op ?? '';
  return (
    op.startsWith('process.') ||
    op === 'service' ||
    (op === 'container.update' && 'state' in (e.change as { patch: object }).patch)
  );
}

function print(entries: readonly TraceEntry[]): void {
  for (const e of entries) {
    if (!interesting(e)) continue;
    const t = `${(e.t / 1000).toFixed(3).padStart(8)}s`;
    const route = e.from === e.to ? short(e.from) : `${short(e.from)} -> ${short(e.to)}`;
    console.log(`${t}  ${e.kind.padEnd(13)} ${route.padEnd(40)} ${e.label}`);
  }
}

function pstree(d: Driver): void {
  const procs = Object.values(d.sim.world.processes);
  const walk = (pid: number, depth: number): void => {
    const p = d.sim.world.processes[pid];
    if (!p) return;
    console.log(
      `${'  '.repeat(depth)}${p.name}(${p.pid})${p.nsPid ? ` [pid ${p.nsPid} in container]` : ''}`,
    );
    for (const child of procs.filter((c) => c.ppid === pid).sort((a, b) => a.pid - b.pid))
      walk(child.pid, depth + 1);
  };
  walk(1, 1);
}

function session(liveRestore: boolean): void {
  console.log(`\n==== live-restore ${liveRestore ? 'ON' : 'OFF'} ====`);
  // systemd's automatic restart is off here so that "start it again" is an explicit step.
  const d = new Driver({ seed: 'demo', liveRestore, systemdRestart: false });
  console.log('\n$ docker run -d --name web nginx');
  let mark = d.sim.trace.length;
  d.run('nginx', { name: 'web' });
  print(d.sim.trace.slice(mark));
  console.log('\n$ pstree -p');
  pstree(d);

  console.log('\n$ kill -9 $(pidof dockerd)');
  mark = d.sim.trace.length;
  d.signal({ service: 'dockerd' }, 'SIGKILL');
  print(d.sim.trace.slice(mark));
  console.log('\n$ docker ps');
  console.log(
    d.api('GET', '/containers/json').connectionRefused
      ? 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?'
      : '?',
  );
  console.log('\n$ pstree -p   # the container is still running under its shim');
  pstree(d);

  console.log('\n$ systemctl start docker');
  mark = d.sim.trace.length;
  d.systemctl('start', 'docker');
  print(d.sim.trace.slice(mark));
  const web = d.container('web');
  console.log(
    `\nweb is ${web.state}${web.state === 'exited' ? ` (${web.exitCode})` : ` (pid ${web.pid})`}`,
  );
  console.log('\n$ pstree -p');
  pstree(d);
}

session(false);
session(true);
