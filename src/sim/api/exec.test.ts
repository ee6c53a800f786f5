/**
 * `docker exec` as a user sees it: the requests the real CLI sends (docker/cli
 * cli/command/container/exec.go), what travels below dockerd for them, what the program prints,
 * the exit status the CLI reports, and dockerd's errors word for word.
 */
import { describe, expect, it } from 'vitest';
import { Driver } from '../testing/driver';
import type { ApiResponse, StdioFrame } from './types';

function message(r: ApiResponse): string {
  return (r.body as { message?: string } | undefined)?.message ?? '';
}

interface ExecInspect {
  ID: string;
  Running: boolean;
  ExitCode: number | null;
  ProcessConfig: { entrypoint: string; arguments: string[]; tty: boolean };
  ContainerID: string;
  Pid: number;
  CanRemove: boolean;
}

interface ExecOptions {
  detach?: boolean;
  tty?: boolean;
  interactive?: boolean;
  env?: string[];
  user?: string;
}

/** `docker exec [-d] [-i] [-t] REF CMD...` as the CLI sends it; returns every answer. */
function dockerExec(d: Driver, ref: string, cmd: string[], o: ExecOptions = {}) {
  const inspect = d.api('GET', `/containers/${ref}/json`);
  const create = d.api('POST', `/containers/${ref}/exec`, {
    User: o.user ?? '',
    Privileged: false,
    Tty: o.tty ?? false,
    ConsoleSize: o.tty ? [24, 80] : null,
    AttachStdin: !o.detach && (o.interactive ?? false),
    AttachStderr: !o.detach,
    AttachStdout: !o.detach,
    Detach: false,
    DetachKeys: '',
    Env: o.env ?? null,
    WorkingDir: '',
    Cmd: cmd,
  });
  const id = (create.body as { Id?: string } | undefined)?.Id ?? '';
  if (create.status !== 201) return { inspect, create, id, start: undefined, result: undefined };
  const start = d.api('POST', `/exec/${id}/start`, {
    Detach: o.detach ?? false,
    Tty: o.tty ?? false,
    ConsoleSize: o.tty ? [24, 80] : null,
  });
  const result = o.detach ? undefined : d.api('GET', `/exec/${id}/json`);
  return { inspect, create, id, start, result };
}

function execJson(d: Driver, id: string): ExecInspect {
  return d.api('GET', `/exec/${id}/json`).body as ExecInspect;
}

/** What the terminal would show: the frames' data joined. */
function text(frames: readonly StdioFrame[] | undefined, stream?: 'stdout' | 'stderr'): string {
  return (frames ?? [])
    .filter((f) => !stream || f.stream === stream)
    .map((f) => f.data)
    .join('');
}

function withContainers(): Driver {
  const d = new Driver();
  d.run('nginx', { name: 'web' });
  d.run('alpine', { name: 'box', cmd: ['sleep', '3600'] });
  d.advance(1000);
  return d;
}

describe('docker exec: the request sequence of the real CLI', () => {
  it('inspect, create (201 Id), start hijacked (101 UPGRADED), inspect the exec for the exit code', () => {
    const d = withContainers();
    const r = dockerExec(d, 'web', ['ls']);
    expect(r.inspect.status).toBe(200);
    expect(r.create.status).toBe(201);
    expect(r.id).toMatch(/^[0-9a-f]{64}$/);
    expect(r.start?.status).toBe(101);
    expect(r.start?.headers['Content-Type']).toBe('application/vnd.docker.multiplexed-stream');
    expect(r.start?.headers['Upgrade']).toBe('tcp');
    expect(r.start?.execStream).toEqual({ execId: r.id, tty: false });
    const result = r.result?.body as ExecInspect;
    expect(result).toMatchObject({
      ID: r.id,
      Running: false,
      ExitCode: 0,
      ProcessConfig: { entrypoint: 'ls', arguments: [], tty: false, privileged: false },
      OpenStdin: false,
      OpenStderr: true,
      OpenStdout: true,
      CanRemove: false,
      ContainerID: d.container('web').id,
      DetachKeys: '',
    });
    expect(result.Pid).toBeGreaterThan(1000);
  });

  it('create touches only dockerd; start goes dockerd -> containerd -> shim -> runc exec and back', () => {
    const d = withContainers();
    const web = d.container('web').id;
    const created = d.api('POST', '/containers/web/exec', {
      AttachStdout: true,
      AttachStderr: true,
      Cmd: ['ls'],
    });
    const id = (created.body as { Id: string }).Id;
    const from = d.sim.trace.length;
    d.api('POST', `/exec/${id}/start`, { Detach: false, Tty: false });
    const messages = d.sim.trace
      .slice(from)
      .filter((e) => !['state', 'input', 'stdio'].includes(e.kind))
      .map((e) => `${e.from} -> ${e.to}: ${e.label}`.replaceAll(web, 'W'));
    const pid = execJson(d, id).Pid;
    const init = d.container('web').pid;
    const start = `POST /v1.51/exec/${id}/start`;
    expect(messages).toEqual([
      `cli -> api: ${start}`,
      `api -> dockerd: ${start}`,
      'dockerd -> containerd: Containers.Get',
      'dockerd -> containerd: Tasks.Exec',
      'containerd -> shim:W: Exec',
      'dockerd -> containerd: Tasks.Start',
      'containerd -> shim:W: Start',
      'shim:W -> runc:W: runc exec',
      `runc:W -> container:W: setns: join PID ${init}'s namespaces`,
      'runc:W -> shim:W: exit 0',
      'shim:W -> containerd: TaskExecStarted',
      'containerd -> dockerd: /tasks/exec-started',
      `shim:W -> containerd: Start: pid ${pid}`,
      `containerd -> dockerd: Tasks.Start: pid ${pid}`,
      'container:W -> shim:W: exit 0',
      'shim:W -> containerd: TaskExit',
      'containerd -> dockerd: /tasks/exit',
      'dockerd -> containerd: Tasks.DeleteProcess',
      'containerd -> shim:W: Delete',
      'dockerd -> api: 101 UPGRADED',
      'api -> cli: 101 UPGRADED',
    ]);
    const kinds = d.sim.trace.slice(from).filter((e) => e.label === 'Exec' || e.label === 'Start');
    expect(kinds.map((e) => [e.kind, e.detail?.['execId']])).toEqual([
      ['ttrpc', id],
      ['ttrpc', id],
    ]);
    // The output travels through the shim to dockerd's FIFO for this exec, not to the log.
    const stdio = d.sim.trace.slice(from).filter((e) => e.kind === 'stdio');
    expect(stdio[0]).toMatchObject({ from: `container:${web}`, to: `shim:${web}` });
    expect(stdio[1]).toMatchObject({ to: 'dockerd', label: `${id.slice(0, 12)}-stdout FIFO` });
    expect(d.container('web').logs.some((l) => l.text === 'bin')).toBe(false);
  });

  it('runc exec is short-lived; the exec process becomes the shim’s child with the next namespace PID', () => {
    const d = withContainers();
    const box = d.container('box');
    const r = dockerExec(d, 'box', ['sleep', '5'], { detach: true });
    expect(r.start?.status).toBe(200);
    expect(r.start?.body).toBeUndefined();
    const e = execJson(d, r.id);
    const p = d.process(e.Pid);
    const shim = d.sim.world.tasks[box.id]?.shimPid;
    expect(p).toMatchObject({ name: 'sleep', args: ['sleep', '5'], ppid: shim, nsPid: 2 });
    expect(d.processes('runc')).toEqual([]);
    expect(d.sim.trace.some((t) => t.label === 'runc exec')).toBe(true);
  });
});

describe('docker exec: what the program prints', () => {
  it('ls lists the image’s root, one name a line without a terminal, in columns with -t', () => {
    const d = withContainers();
    const web = dockerExec(d, 'web', ['ls']);
    expect(text(web.start?.frames)).toBe(
      'bin\nboot\ndev\ndocker-entrypoint.d\ndocker-entrypoint.sh\netc\nhome\nlib\nlib64\nmedia\nmnt\nopt\nproc\nroot\nrun\nsbin\nsrv\nsys\ntmp\nusr\nvar\n',
    );
    const box = dockerExec(d, 'box', ['ls'], { tty: true });
    expect(box.start?.headers['Content-Type']).toBe('application/vnd.docker.raw-stream');
    expect(text(box.start?.frames)).toBe(
      'bin    etc    lib    mnt    proc   run    srv    tmp    var\r\n' +
        'dev    home   media  opt    root   sbin   sys    usr\r\n',
    );
  });

  it('cat reads the files Docker writes for the container', () => {
    const d = withContainers();
    const box = d.container('box');
    expect(text(dockerExec(d, 'box', ['cat', '/etc/hostname']).start?.frames)).toBe(
      `${box.id.slice(0, 12)}\n`,
    );
    expect(text(dockerExec(d, 'box', ['hostname']).start?.frames)).toBe(`${box.id.slice(0, 12)}\n`);
    const hosts = text(dockerExec(d, 'box', ['cat', '/etc/hosts']).start?.frames);
    expect(hosts.split('\n')[0]).toBe('127.0.0.1\tlocalhost');
    expect(hosts).toContain(`172.17.0.3\t${box.id.slice(0, 12)}\n`);
    const resolv = text(dockerExec(d, 'box', ['cat', '/etc/resolv.conf']).start?.frames);
    expect(resolv).toContain('nameserver 192.168.1.1\n');
    expect(resolv).toContain("# Based on host file: '/etc/resolv.conf' (legacy)");
    expect(text(dockerExec(d, 'box', ['cat', '/etc/os-release']).start?.frames)).toContain(
      'ID=alpine\n',
    );
    expect(text(dockerExec(d, 'web', ['cat', '/etc/os-release']).start?.frames)).toContain(
      'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\n',
    );
    const missing = dockerExec(d, 'box', ['cat', '/nope']);
    expect(text(missing.start?.frames, 'stderr')).toBe(
      "cat: can't open '/nope': No such file or directory\n",
    );
    expect((missing.result?.body as ExecInspect).ExitCode).toBe(1);
  });

  it('on a user-defined network the resolver is Docker’s embedded DNS server, 127.0.0.11', () => {
    const d = new Driver();
    d.api('POST', '/networks/create', { Name: 'appnet' });
    d.run('alpine', { name: 'api', cmd: ['sleep', '3600'], network: 'appnet' });
    const resolv = text(dockerExec(d, 'api', ['cat', '/etc/resolv.conf']).start?.frames);
    expect(resolv).toContain('nameserver 127.0.0.11\noptions ndots:0\n');
    expect(resolv).toContain('# ExtServers: [192.168.1.1]');
  });

  it('ps inside the container shows its PID namespace: PID 1 is the main program, ps itself comes next', () => {
    const d = withContainers();
    dockerExec(d, 'box', ['sleep', '600'], { detach: true });
    const ps = dockerExec(d, 'box', ['ps']);
    expect(text(ps.start?.frames)).toBe(
      'PID   USER     TIME  COMMAND\n' +
        '    1 root      0:00 sleep 3600\n' +
        '    2 root      0:00 sleep 600\n' +
        '    3 root      0:00 ps\n',
    );
    // The same processes on the host have host PIDs; `docker top` lists them too.
    const top = d.api('GET', '/containers/box/top').body as { Processes: string[][] };
    expect(top.Processes.map((row) => row[7])).toEqual(['sleep 3600', 'sleep 600']);
  });

  it('nginx’s Debian image has no ps (procps is not installed): runc cannot find it, exit 127', () => {
    const d = withContainers();
    const r = dockerExec(d, 'web', ['ps', 'aux']);
    expect(r.start?.status).toBe(101);
    expect(text(r.start?.frames)).toBe(
      'OCI runtime exec failed: exec failed: unable to start container process: exec: "ps": executable file not found in $PATH: unknown\r\n',
    );
    expect((r.result?.body as ExecInspect).ExitCode).toBe(127);
    const v = dockerExec(d, 'web', ['nginx', '-v']);
    expect(text(v.start?.frames, 'stderr')).toBe('nginx version: nginx/1.29.2\n');
  });

  it('env, id, whoami, pwd, echo, true and false answer as the image’s tools do', () => {
    const d = withContainers();
    const web = d.container('web');
    expect(text(dockerExec(d, 'web', ['env'], { env: ['GREETING=hi'] }).start?.frames)).toBe(
      'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n' +
        `HOSTNAME=${web.id.slice(0, 12)}\nNGINX_VERSION=1.29.2\nGREETING=hi\nHOME=/root\n`,
    );
    expect(text(dockerExec(d, 'web', ['id']).start?.frames)).toBe(
      'uid=0(root) gid=0(root) groups=0(root)\n',
    );
    expect(text(dockerExec(d, 'box', ['whoami']).start?.frames)).toBe('root\n');
    expect(text(dockerExec(d, 'box', ['pwd']).start?.frames)).toBe('/\n');
    expect(text(dockerExec(d, 'box', ['echo', 'hello', 'world']).start?.frames)).toBe(
      'hello world\n',
    );
    expect((dockerExec(d, 'box', ['true']).result?.body as ExecInspect).ExitCode).toBe(0);
    expect((dockerExec(d, 'box', ['false']).result?.body as ExecInspect).ExitCode).toBe(1);
  });

  it('sh -c runs a script; sh without a terminal reads end-of-file and exits 0 at once', () => {
    const d = withContainers();
    const r = dockerExec(d, 'box', ['sh', '-c', 'echo $HOSTNAME && nope; echo $?; exit 3']);
    expect(text(r.start?.frames, 'stdout')).toBe(`${d.container('box').id.slice(0, 12)}\n127\n`);
    expect(text(r.start?.frames, 'stderr')).toBe('sh: nope: not found\n');
    expect((r.result?.body as ExecInspect).ExitCode).toBe(3);
    const sh = dockerExec(d, 'box', ['sh']);
    expect(text(sh.start?.frames)).toBe('');
    expect(sh.result?.body).toMatchObject({ Running: false, ExitCode: 0 });
    // With -it the shell prints its prompt and waits for input.
    const it = dockerExec(d, 'box', ['sh'], { tty: true, interactive: true });
    expect(text(it.start?.frames)).toBe('/ # ');
    expect(it.result?.body).toMatchObject({ Running: true, ExitCode: null });
    expect(d.api('POST', `/exec/${it.id}/resize?h=40&w=120`).status).toBe(200);
  });
});

describe('docker exec: errors, in dockerd’s words', () => {
  it('No such container (404) comes from the inspect the CLI sends first, and from create', () => {
    const d = withContainers();
    const r = dockerExec(d, 'nope', ['ls']);
    expect([r.inspect.status, message(r.inspect)]).toEqual([404, 'No such container: nope']);
    expect([r.create.status, message(r.create)]).toEqual([404, 'No such container: nope']);
  });

  it('a stopped container: 409 "container <id> is not running"', () => {
    const d = withContainers();
    d.stop('box', 0);
    const r = d.api('POST', '/containers/box/exec', { Cmd: ['ls'] });
    expect([r.status, message(r)]).toEqual([
      409,
      `container ${d.container('box').id} is not running`,
    ]);
  });

  it('a paused container: 409 "Container box is paused, unpause the container before exec"', () => {
    const d = withContainers();
    d.api('POST', '/containers/box/pause');
    const r = d.api('POST', '/containers/box/exec', { Cmd: ['ls'] });
    expect([r.status, message(r)]).toEqual([
      409,
      'Container box is paused, unpause the container before exec',
    ]);
  });

  it('no Cmd: 400 "No exec command specified", checked before the container is looked up', () => {
    const d = withContainers();
    for (const body of [{}, { Cmd: [] }, { Cmd: null }]) {
      const r = d.api('POST', '/containers/nope/exec', body);
      expect([r.status, message(r)]).toEqual([400, 'No exec command specified']);
    }
  });

  it('an unknown exec ID: 404 "No such exec instance: <id>" on inspect, start and resize', () => {
    const d = withContainers();
    for (const [method, path] of [
      ['GET', '/exec/abc123/json'],
      ['POST', '/exec/abc123/start'],
      ['POST', '/exec/abc123/resize?h=24&w=80'],
    ] as const) {
      const r = d.api(method, path, method === 'POST' ? { Detach: true } : undefined);
      expect([r.status, message(r)]).toEqual([404, 'No such exec instance: abc123']);
    }
  });

  it('starting an exec twice: 409 "exec command <id> has already run" (in the stream when attached)', () => {
    const d = withContainers();
    const r = dockerExec(d, 'box', ['true']);
    const again = d.api('POST', `/exec/${r.id}/start`, { Detach: true });
    expect([again.status, message(again)]).toEqual([409, `exec command ${r.id} has already run`]);
    const attached = d.api('POST', `/exec/${r.id}/start`, { Detach: false });
    expect(attached.status).toBe(101);
    expect(text(attached.frames)).toBe(`exec command ${r.id} has already run\r\n`);
    const running = dockerExec(d, 'box', ['sleep', '60'], { detach: true });
    const twice = d.api('POST', `/exec/${running.id}/start`, { Detach: true });
    expect([twice.status, message(twice)]).toEqual([
      409,
      `exec command ${running.id} is already running`,
    ]);
  });

  it('an executable runc cannot find: the OCI runtime’s error, exit code 127 (400 with -d)', () => {
    const d = withContainers();
    const oci =
      'OCI runtime exec failed: exec failed: unable to start container process: exec: "foo": executable file not found in $PATH: unknown';
    const attached = dockerExec(d, 'box', ['foo']);
    expect(text(attached.start?.frames)).toBe(`${oci}\r\n`);
    expect((attached.result?.body as ExecInspect).ExitCode).toBe(127);
    const detached = dockerExec(d, 'box', ['foo'], { detach: true });
    expect([detached.start?.status, message(detached.start!)]).toEqual([400, oci]);
    expect(execJson(d, detached.id)).toMatchObject({ Running: false, ExitCode: 127 });
    const path = dockerExec(d, 'box', ['/bin/bash']);
    expect(text(path.start?.frames)).toContain(
      'exec: "/bin/bash": stat /bin/bash: no such file or directory: unknown',
    );
    expect((path.result?.body as ExecInspect).ExitCode).toBe(127);
  });

  it('older Engines reported 126 for it (split era)', () => {
    const d = new Driver({ era: 'split' });
    d.run('alpine', { name: 'box', cmd: ['sleep', '3600'] });
    const r = dockerExec(d, 'box', ['foo']);
    expect(text(r.start?.frames)).toBe(
      'OCI runtime exec failed: exec failed: container_linux.go:348: starting container process caused "exec: \\"foo\\": executable file not found in $PATH": unknown\r\n',
    );
    expect((r.result?.body as ExecInspect).ExitCode).toBe(126);
  });

  it('an unknown user: 400 "unable to find user bob: no matching entries in passwd file"', () => {
    const d = withContainers();
    const r = d.api('POST', '/containers/box/exec', { Cmd: ['id'], User: 'bob' });
    expect([r.status, message(r)]).toEqual([
      400,
      'unable to find user bob: no matching entries in passwd file',
    ]);
    expect(text(dockerExec(d, 'box', ['id'], { user: 'nobody' }).start?.frames)).toBe(
      'uid=65534(nobody) gid=65534(nobody) groups=65534(nobody)\n',
    );
  });
});

describe('docker exec: the other settings of an exec', () => {
  it('detach keys are kept as Go encodes a []byte; unknown keys are refused', () => {
    const d = withContainers();
    const created = d.api('POST', '/containers/box/exec', {
      Cmd: ['true'],
      DetachKeys: 'ctrl-p,ctrl-q',
    });
    const id = (created.body as { Id: string }).Id;
    expect((d.api('GET', `/exec/${id}/json`).body as { DetachKeys: string }).DetachKeys).toBe(
      'EBE=',
    );
    const bad = d.api('POST', '/containers/box/exec', { Cmd: ['true'], DetachKeys: 'ctrl-xx' });
    expect([bad.status, message(bad)]).toEqual([500, 'Invalid escape keys (ctrl-xx) provided']);
  });

  it('resize takes h and w as uint32 (400 otherwise)', () => {
    const d = withContainers();
    const r = dockerExec(d, 'box', ['sleep', '60'], { detach: true, tty: true });
    const from = d.sim.trace.length;
    expect(d.api('POST', `/exec/${r.id}/resize?h=50&w=200`).status).toBe(200);
    expect(d.messages(from)).toContain('ResizePty');
    expect(d.sim.world.execs[r.id]?.consoleSize).toEqual([50, 200]);
    const bad = d.api('POST', `/exec/${r.id}/resize?h=tall&w=80`);
    expect([bad.status, message(bad)]).toEqual([
      400,
      'invalid resize height "tall": strconv.ParseUint: parsing "tall": invalid syntax',
    ]);
  });

  it('with containerd down the start fails (503) and the exec records 126', () => {
    const d = new Driver({ systemdRestart: false });
    d.run('alpine', { name: 'box', cmd: ['sleep', '3600'] });
    d.signal({ service: 'containerd' }, 'SIGKILL');
    const r = dockerExec(d, 'box', ['ls'], { detach: true });
    expect(r.start?.status).toBe(503);
    expect(message(r.start!)).toContain('connect: connection refused');
    expect(execJson(d, r.id)).toMatchObject({ Running: false, ExitCode: 126 });
  });

  it('in the 1.10 era the daemon starts the process itself, as its own child', () => {
    const d = new Driver({ era: 'monolith' });
    d.run('alpine', { name: 'box', cmd: ['sleep', '3600'] });
    const r = dockerExec(d, 'box', ['sleep', '30'], { detach: true });
    const p = d.process(execJson(d, r.id).Pid);
    expect(p?.ppid).toBe(d.sim.world.services.dockerd.pid);
    expect(p?.nsPid).toBe(2);
    expect(d.sim.trace.some((e) => e.kind === 'ttrpc' || e.label === 'runc exec')).toBe(false);
  });
});

describe('docker exec: lifetime', () => {
  it('sleep 5 runs for 5 virtual seconds: Running, listed in ExecIDs, then exit 0', () => {
    const d = withContainers();
    const r = dockerExec(d, 'box', ['sleep', '5'], { detach: true });
    expect(execJson(d, r.id)).toMatchObject({ Running: true, ExitCode: null });
    const inspect = () => d.api('GET', '/containers/box/json').body as { ExecIDs: unknown };
    expect(inspect().ExecIDs).toEqual([r.id]);
    d.advance(4900);
    expect(execJson(d, r.id).Running).toBe(true);
    d.advance(200);
    expect(execJson(d, r.id)).toMatchObject({ Running: false, ExitCode: 0 });
    expect(inspect().ExecIDs).toBeNull();
    const events = d.sim.world.events.filter((e) => e.attributes['execID'] === r.id);
    expect(events.map((e) => e.action)).toEqual([
      'exec_create: sleep 5',
      'exec_start: sleep 5',
      'exec_die',
    ]);
  });

  it('exec processes die with their container: the kernel kills its PID namespace, exit 137', () => {
    const d = withContainers();
    const r = dockerExec(d, 'box', ['sleep', '600'], { detach: true });
    const pid = execJson(d, r.id).Pid;
    const from = d.sim.trace.length;
    d.kill('box');
    expect(d.process(pid)).toBeUndefined();
    expect(execJson(d, r.id)).toMatchObject({ Running: false, ExitCode: 137 });
    const after = d.sim.trace.slice(from);
    const killed = after.findIndex(
      (e) => e.kind === 'signal' && e.from === 'kernel' && e.detail?.['pid'] === pid,
    );
    expect(killed).toBeGreaterThan(-1);
    // The shim reports the exec's exit before the container's own.
    const exits = after.filter((e) => e.label === 'TaskExit').map((e) => e.detail?.['execId']);
    expect(exits).toEqual([r.id, undefined]);
    // A created exec that never ran is unregistered with the container (moby Daemon.Cleanup).
    d.start('box');
    const idle = d.api('POST', '/containers/box/exec', { Cmd: ['ls'] }).body as { Id: string };
    d.stop('box', 0);
    expect(d.api('GET', `/exec/${idle.Id}/json`).status).toBe(404);
  });

  it('dockerd keeps execs in memory: after a live-restore restart the process runs on, unknown', () => {
    const d = withContainers();
    const r = dockerExec(d, 'box', ['sleep', '600'], { detach: true });
    const pid = execJson(d, r.id).Pid;
    d.writeDaemonJson('{ "live-restore": true }');
    d.systemctl('reload', 'docker');
    d.systemctl('restart', 'docker');
    expect(d.container('box').state).toBe('running');
    expect(d.process(pid)?.name).toBe('sleep');
    expect(d.api('GET', `/exec/${r.id}/json`).status).toBe(404);
    expect(Object.keys(d.sim.world.execs)).toEqual([]);
  });

  it('the trace rebuilds the exec store at any moment', () => {
    const d = withContainers();
    dockerExec(d, 'box', ['sleep', '2'], { detach: true });
    dockerExec(d, 'web', ['ls']);
    d.advance(3000);
    expect(d.sim.worldAt(d.sim.trace.length - 1).execs).toEqual(d.sim.world.execs);
  });
});
