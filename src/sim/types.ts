/**
 * The world of one simulated Docker host: plain, JSON-serialisable data. It is changed only
 * through `Change`s (src/sim/changes.ts), so that any moment can be rebuilt from the trace.
 * Names follow Docker's own words (Container, Task, Shim, LiveRestore).
 */
import type { Era } from './eras';
import type { RegistryStore } from './images/registryStore';
import type { BuildRecord, Image, Layer } from './imageTypes';

// Images, layers and builds have their own file; everything imports them from here.
export type * from './imageTypes';

export type Pid = number;

export type ProcessRole =
  'init' | 'dockerd' | 'containerd' | 'shim' | 'runc' | 'runc-init' | 'container' | 'docker-init';

/** One entry of the host's process table (`ps -ef`). Exited processes are removed. */
export interface Process {
  readonly pid: Pid;
  ppid: Pid;
  /** The command name (comm), e.g. `containerd-shim-runc-v2` or `nginx`. */
  name: string;
  args: string[];
  role: ProcessRole;
  /** Virtual ms when it started. */
  startedAt: number;
  /** The container this process belongs to (shim, runc, runc init, the container's programs). */
  containerId?: string;
  /** PID inside the container's PID namespace (1 for the container's init). */
  nsPid?: number;
  /** Set by the shim with prctl(PR_SET_CHILD_SUBREAPER): orphans below it are re-parented to it. */
  subreaper?: boolean;
  /** Killed with SIGKILL when its parent dies (prctl PR_SET_PDEATHSIG, or the 1.10 daemon's children). */
  diesWithParent?: boolean;
  /** Frozen by the cgroup freezer (`docker pause`). */
  frozen?: boolean;
  /** An exit that fell due while frozen: it happens when the cgroup is thawed. */
  pendingExit?: number;
  /** Signals sent while frozen: delivered when the cgroup is thawed. */
  pendingSignals?: string[];
  /** Signals the program installed handlers for, and the status it exits with (null: keeps running). */
  handles?: Partial<Record<string, number | null>>;
  /** Set on a process started by `docker exec`: the exec instance it runs (its exit goes to it). */
  execId?: string;
}

export type ServiceName = 'dockerd' | 'containerd';

export type DaemonState = 'down' | 'restarting' | 'restoring' | 'reconnecting' | 'up' | 'stopping';

/** A daemon as systemd (or, for split-era containerd, dockerd) sees it. */
export interface ServiceStatus {
  state: DaemonState;
  pid: Pid | null;
  /** Virtual times of recent automatic restarts, for systemd's StartLimitBurst. */
  restartTimes: number[];
  /** Why it last went down, for `systemctl status`. */
  lastExit: string | null;
  /** Stopped with `systemctl stop`: systemd does not restart it until it is started again. */
  stoppedByUser: boolean;
}

/** The daemon settings read from /etc/docker/daemon.json when dockerd starts or reloads. */
export interface DaemonConfig {
  liveRestore: boolean;
}

export interface Settings {
  era: Era;
  /** Text of /etc/docker/daemon.json on disk (what `cat` shows; applied on start or reload). */
  daemonJson: string;
  /** systemd's Restart=always for docker.service and containerd.service, as packaged. */
  systemdRestart: boolean;
}

export type ContainerState =
  'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';

export type OciState = 'creating' | 'created' | 'running' | 'paused' | 'stopped' | 'deleted';

export type RestartPolicyName = 'no' | 'on-failure' | 'always' | 'unless-stopped';

export interface RestartPolicy {
  name: RestartPolicyName;
  maximumRetryCount: number;
}

export interface PortBinding {
  hostIp: string;
  hostPort: string;
}

export interface Mount {
  type: 'volume' | 'bind';
  /** Volume name, or the host path of a bind mount. */
  source: string;
  destination: string;
  /** An anonymous volume (removed with `--rm` or `rm -v`). */
  anonymous: boolean;
}

export interface Endpoint {
  networkId: string;
  ipAddress: string;
  macAddress: string;
  gateway: string;
  aliases: string[];
}

export interface LogLine {
  t: number;
  stream: 'stdout' | 'stderr';
  text: string;
}

export interface ContainerConfig {
  image: string;
  cmd: string[] | null;
  entrypoint: string[] | null;
  env: string[];
  tty: boolean;
  openStdin: boolean;
  attachStdout: boolean;
  attachStderr: boolean;
  workingDir: string;
  labels: Record<string, string>;
  exposedPorts: string[];
  stopSignal: string;
  stopTimeout: number | null;
}

export interface HostConfig {
  restartPolicy: RestartPolicy;
  autoRemove: boolean;
  init: boolean;
  portBindings: Record<string, PortBinding[]>;
  networkMode: string;
  binds: string[];
}

/** A container record, as dockerd keeps it in /var/lib/docker/containers. */
export interface Container {
  readonly id: string;
  name: string;
  imageId: string;
  created: number;
  state: ContainerState;
  config: ContainerConfig;
  hostConfig: HostConfig;
  /** Path and Args: the program that runs (entrypoint + cmd). */
  path: string;
  args: string[];
  /** Host PID of the container's init (0 when not running). */
  pid: Pid;
  exitCode: number;
  error: string;
  startedAt: number | null;
  finishedAt: number | null;
  restartCount: number;
  hasBeenStartedBefore: boolean;
  hasBeenManuallyStopped: boolean;
  /** The restart manager's current back-off (100 ms, doubling to 1 min; reset after 10 s up). */
  restartDelayMs: number;
  networks: Record<string, Endpoint>;
  mounts: Mount[];
  logs: LogLine[];
  /**
   * The container's writable layer (overlayfs upperdir): what it changed above the image's
   * read-only layers, by absolute path. Dropped with the container; `docker commit` turns it
   * into a layer. Writes under a volume's mount point go to the volume instead.
   */
  rw?: Record<string, RwEntry>;
}

/** containerd's view of a running container: a task, served by one shim. */
export interface Task {
  readonly containerId: string;
  shimPid: Pid | null;
  shimState: 'launching' | 'serving' | 'reaped' | 'exited' | 'killed';
  initPid: Pid | null;
  oci: OciState;
  /** Exit status kept by the shim until it is collected (128+N for a signal). */
  exitStatus: number | null;
  /** Virtual time of the exit, for docker ps ("Exited (0) 3 seconds ago"). */
  exitedAt: number | null;
}

/**
 * An exec instance as dockerd keeps it (moby container.ExecConfig): in memory only, so a
 * restarted dockerd has none. `exitCode` stays null until the process has run; an exec whose
 * exit is known is no longer one of its container's ExecIDs but can still be inspected.
 */
export interface Exec {
  readonly id: string;
  readonly containerId: string;
  /** Cmd[0] and Cmd[1:], as `GET /exec/{id}/json` shows them in ProcessConfig. */
  readonly entrypoint: string;
  readonly args: string[];
  readonly tty: boolean;
  readonly privileged: boolean;
  readonly user: string;
  readonly workingDir: string;
  /** The process environment (container env, then the exec's own `-e` values). */
  readonly env: string[];
  readonly openStdin: boolean;
  readonly openStdout: boolean;
  readonly openStderr: boolean;
  /** The detach keys as text (`ctrl-p,ctrl-q`); empty when the CLI sent none. */
  readonly detachKeys: string;
  readonly created: number;
  /** [height, width] of the terminal, for `-t` (updated by `/exec/{id}/resize`). */
  consoleSize: [number, number] | null;
  running: boolean;
  exitCode: number | null;
  /** Host PID once started (0 before); kept after the exit, as dockerd does. */
  pid: number;
  /** PID inside the container's PID namespace (0 before it started). */
  nsPid: number;
  startedAt: number | null;
  exitedAt: number | null;
}

/**
 * One change in a container's writable layer, as `docker diff` lists it: A added, C changed
 * (the file was copied up from an image layer first), D deleted (a whiteout hides the lower
 * file). Keyed by absolute path in Container.rw.
 */
export interface RwEntry {
  readonly kind: 'A' | 'C' | 'D';
  /** Content for A and C; absent for D and directories. */
  readonly content?: string;
  readonly size: number;
  readonly dir?: boolean;
  /** A directory deleted and made again: the lower layers' entries below it stay hidden. */
  readonly opaque?: boolean;
}

export interface Network {
  readonly id: string;
  readonly name: string;
  readonly driver: 'bridge' | 'host' | 'null';
  /** Linux bridge device (docker0 for the default bridge, br-<id> for user-defined ones). */
  readonly bridge: string | null;
  readonly subnet: string | null;
  readonly gateway: string | null;
  /** User-defined bridges resolve container names through the embedded DNS server. */
  readonly dns: boolean;
  readonly builtin: boolean;
  readonly created: number;
  nextHost: number;
}

export interface Volume {
  readonly name: string;
  readonly anonymous: boolean;
  readonly created: number;
  readonly mountpoint: string;
  /**
   * What containers wrote into the volume, by path inside it (`notes.txt`, `logs/a.log`; a key
   * ending in `/` is an empty directory). Kept when the containers are removed.
   */
  files?: Record<string, string>;
}

/** An entry of `docker events`. */
export interface DockerEvent {
  type: 'container' | 'image' | 'network' | 'volume' | 'daemon';
  action: string;
  actorId: string;
  attributes: Record<string, string>;
  time: number;
}

export interface World {
  now: number;
  /** Virtual time 0 as a Unix epoch in ms, for Created fields and log timestamps. */
  readonly epochMs: number;
  settings: Settings;
  /** The configuration dockerd is running with (read from daemon.json at start/reload). */
  daemonConfig: DaemonConfig;
  services: Record<ServiceName, ServiceStatus>;
  processes: Record<Pid, Process>;
  nextPid: Pid;
  containers: Record<string, Container>;
  tasks: Record<string, Task>;
  /** dockerd's exec instances by exec ID (`docker exec`). */
  execs: Record<string, Exec>;
  images: Record<string, Image>;
  layers: Record<string, Layer>;
  networks: Record<string, Network>;
  volumes: Record<string, Volume>;
  events: DockerEvent[];
  /**
   * The user's own files on the host, by absolute path: a small app under /root/app to build
   * (`docker build`), edited with the shell (`echo ... > app/app.js`) or the editor.
   */
  files: Record<string, string>;
  /** The last builds (newest last, a few kept), for the build view. */
  builds: BuildRecord[];
  /**
   * Local registries' storage (`docker run -p 5000:5000 registry:2`), keyed by where the data
   * lives: the volume at /var/lib/registry, a bind-mounted directory, or the container itself.
   */
  registries: Record<string, RegistryStore>;
  /** Lines of the daemons' journal (`journalctl -u docker`). */
  journal: { t: number; unit: ServiceName; text: string }[];
}
