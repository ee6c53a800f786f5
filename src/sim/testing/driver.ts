/**
 * A small test driver for the simulation, in the spirit of tldraw's TestEditor: it sends the
 * same Engine API requests the real docker CLI sends for a command (ENGINE-API.md), so tests,
 * benchmarks and scripts read like a terminal session. It is not the in-app CLI.
 */
// A driver applies inputs: the simulation's engine comes with it.
import '../engine';
import type { ApiResponse } from '../api/types';
import type { HostOptions } from '../host';
import { fullName, parseReference } from '../images/reference';
import type { SignalTarget, SystemctlAction, Unit } from '../inputs';
import { Simulation } from '../simulation';
import type { Container, Process } from '../types';

export interface RunOptions {
  name?: string;
  cmd?: string[];
  env?: string[];
  restart?: string;
  rm?: boolean;
  init?: boolean;
  publish?: Record<string, string>;
  network?: string;
  volumes?: string[];
  stopTimeout?: number;
  tty?: boolean;
}

export class Driver {
  readonly sim: Simulation;
  readonly version: string;

  constructor(options: HostOptions = {}) {
    this.sim = new Simulation(options);
    this.version =
      this.sim.world.settings.era === 'modern'
        ? '1.51'
        : this.sim.world.settings.era === 'split'
          ? '1.38'
          : '1.22';
  }

  api(method: string, path: string, body?: unknown): ApiResponse {
    return this.sim.request({
      method,
      path: `/v${this.version}${path}`,
      ...(body === undefined ? {} : { body }),
    });
  }

  /** `docker pull`: the CLI normalises the name (`nginx` -> `docker.io/library/nginx`) first. */
  pull(image: string): ApiResponse {
    const parsed = parseReference(image);
    const name = parsed.ok ? fullName(parsed.ref) : image;
    const tag = parsed.ok ? (parsed.ref.digest ?? parsed.ref.tag ?? 'latest') : 'latest';
    return this.api(
      'POST',
      `/images/create?fromImage=${encodeURIComponent(name)}&tag=${encodeURIComponent(tag)}`,
    );
  }

  /** `docker run -d`: create, pull on 404, create again, wait (next-exit), start. Returns the ID. */
  run(image: string, options: RunOptions = {}): string {
    const [restartName = 'no', retries = '0'] = (options.restart ?? 'no').split(':');
    const body = {
      Image: image,
      Cmd: options.cmd ?? null,
      Env: options.env ?? null,
      Tty: options.tty ?? false,
      OpenStdin: options.tty ?? false,
      StopTimeout: options.stopTimeout,
      HostConfig: {
        RestartPolicy: { Name: restartName, MaximumRetryCount: Number(retries) },
        AutoRemove: options.rm ?? false,
        Init: options.init ?? false,
        NetworkMode: options.network ?? 'default',
        Binds: options.volumes ?? null,
        PortBindings: Object.fromEntries(
          Object.entries(options.publish ?? {}).map(([host, container]) => [
            container,
            [{ HostIp: '', HostPort: host }],
          ]),
        ),
      },
    };
    const query = options.name ? `?name=${options.name}` : '';
    let created = this.api('POST', `/containers/create${query}`, body);
    if (created.status === 404) {
      this.pull(image);
      created = this.api('POST', `/containers/create${query}`, body);
    }
    if (created.status !== 201)
      throw new Error(`create failed: ${created.status} ${JSON.stringify(created.body)}`);
    const id = (created.body as { Id: string }).Id;
    this.api('POST', `/containers/${id}/wait?condition=next-exit`);
    const started = this.api('POST', `/containers/${id}/start`);
    if (started.status >= 400)
      throw new Error(`start failed: ${started.status} ${JSON.stringify(started.body)}`);
    return id;
  }

  stop(ref: string, seconds?: number): ApiResponse {
    return this.api(
      'POST',
      `/containers/${ref}/stop${seconds === undefined ? '' : `?t=${seconds}`}`,
    );
  }

  start(ref: string): ApiResponse {
    return this.api('POST', `/containers/${ref}/start`);
  }

  kill(ref: string, signal?: string): ApiResponse {
    return this.api('POST', `/containers/${ref}/kill${signal ? `?signal=${signal}` : ''}`);
  }

  rm(ref: string, options: { force?: boolean; volumes?: boolean } = {}): ApiResponse {
    const q = [options.force ? 'force=1' : '', options.volumes ? 'v=1' : '']
      .filter(Boolean)
      .join('&');
    return this.api('DELETE', `/containers/${ref}${q ? `?${q}` : ''}`);
  }

  signal(target: SignalTarget, signal = 'SIGKILL'): void {
    const result = this.sim.apply({ kind: 'signal', target, signal });
    if (!result.ok) throw new Error(result.message);
  }

  systemctl(action: SystemctlAction, unit: Unit): string | undefined {
    return this.sim.apply({ kind: 'systemctl', action, unit }).message;
  }

  writeDaemonJson(content: string): void {
    this.sim.apply({ kind: 'writeFile', path: '/etc/docker/daemon.json', content });
  }

  advance(ms: number): void {
    this.sim.advance(ms);
  }

  container(ref: string): Container {
    const c = Object.values(this.sim.world.containers).find(
      (x) => x.name === ref || x.id === ref || x.id.startsWith(ref),
    );
    if (!c) throw new Error(`no container ${ref}`);
    return c;
  }

  hasContainer(ref: string): boolean {
    return Object.values(this.sim.world.containers).some((x) => x.name === ref || x.id === ref);
  }

  /** Processes whose command name is `name` (like `pidof`). */
  processes(name: string): Process[] {
    return Object.values(this.sim.world.processes).filter((p) => p.name === name);
  }

  process(pid: number): Process | undefined {
    return this.sim.world.processes[pid];
  }

  /** The container's main process and its parent's name (who holds it: shim, dockerd, systemd). */
  parentOfContainer(ref: string): string | undefined {
    const c = this.container(ref);
    const p = this.sim.world.processes[c.pid];
    return p ? this.sim.world.processes[p.ppid]?.name : undefined;
  }

  isDockerdUp(): boolean {
    return this.sim.world.services.dockerd.state === 'up';
  }

  /** Labels of the trace's messages (not state entries) since `from`. */
  messages(from = 0): string[] {
    return this.sim.trace
      .slice(from)
      .filter((e) => e.kind !== 'state' && e.kind !== 'input')
      .map((e) => e.label);
  }
}
