/**
 * The host as it is after boot: systemd (PID 1), containerd and dockerd running for the
 * era, the three built-in networks (bridge/docker0, host, none), no containers, no images.
 * This is the base every trace is replayed onto.
 */
import type { Era } from './eras';
import type { Network, Process, World } from './types';
import { daemonArgs, containerdArgs } from './binaries';

export interface WorldOptions {
  readonly era: Era;
  readonly liveRestore: boolean;
  readonly systemdRestart: boolean;
  readonly epochMs: number;
}

export const BOOT_PIDS = {
  systemd: 1,
  containerd: 812,
  dockerd: 845,
  splitContainerd: 861,
} as const;

export function daemonJsonText(liveRestore: boolean): string {
  return liveRestore ? '{\n  "live-restore": true\n}\n' : '{}\n';
}

/** The build context a student starts with: a tiny Node app, as the Dockerfile lesson uses. */
export const DEMO_APP: Readonly<Record<string, string>> = {
  '/root/app/Dockerfile': [
    'FROM node:20-alpine',
    'WORKDIR /app',
    'COPY package.json .',
    'RUN npm install',
    'COPY app.js index.html ./',
    'EXPOSE 3000',
    'CMD ["node", "app.js"]',
    '',
  ].join('\n'),
  '/root/app/package.json': '{\n  "name": "hello",\n  "version": "1.0.0",\n  "main": "app.js"\n}\n',
  '/root/app/app.js': [
    "const http = require('http');",
    "const fs = require('fs');",
    "const page = fs.readFileSync(__dirname + '/index.html');",
    'http.createServer((req, res) => res.end(page)).listen(3000);',
    '',
  ].join('\n'),
  '/root/app/index.html': '<h1>Hello from a container</h1>\n',
  '/root/app/.dockerignore': 'node_modules\n*.log\n',
};

export function createWorld(options: WorldOptions, newId: () => string): World {
  const processes: Record<number, Process> = {
    1: { pid: 1, ppid: 0, name: 'systemd', args: ['/sbin/init'], role: 'init', startedAt: 0 },
  };
  const { era } = options;
  const dockerd: Process = {
    pid: BOOT_PIDS.dockerd,
    ppid: 1,
    name: era === 'monolith' ? 'docker' : 'dockerd',
    args: daemonArgs(era),
    role: 'dockerd',
    startedAt: 0,
  };
  processes[dockerd.pid] = dockerd;
  let containerdPid: number | null = null;
  if (era === 'modern') {
    containerdPid = BOOT_PIDS.containerd;
    processes[containerdPid] = {
      pid: containerdPid,
      ppid: 1,
      name: 'containerd',
      args: containerdArgs(era),
      role: 'containerd',
      startedAt: 0,
    };
  } else if (era === 'split') {
    containerdPid = BOOT_PIDS.splitContainerd;
    processes[containerdPid] = {
      pid: containerdPid,
      ppid: BOOT_PIDS.dockerd,
      name: 'docker-containerd',
      args: containerdArgs(era),
      role: 'containerd',
      startedAt: 0,
      diesWithParent: true,
    };
  }

  const builtin = (name: string, driver: Network['driver'], extra: Partial<Network>): Network => ({
    id: newId(),
    name,
    driver,
    bridge: null,
    subnet: null,
    gateway: null,
    dns: false,
    builtin: true,
    created: 0,
    nextHost: 2,
    ...extra,
  });
  const networks = [
    builtin('bridge', 'bridge', {
      bridge: 'docker0',
      subnet: '172.17.0.0/16',
      gateway: '172.17.0.1',
    }),
    builtin('host', 'host', {}),
    builtin('none', 'null', {}),
  ];

  return {
    now: 0,
    epochMs: options.epochMs,
    settings: {
      era,
      daemonJson: daemonJsonText(options.liveRestore),
      systemdRestart: options.systemdRestart,
    },
    daemonConfig: { liveRestore: options.liveRestore },
    services: {
      dockerd: {
        state: 'up',
        pid: dockerd.pid,
        restartTimes: [],
        lastExit: null,
        stoppedByUser: false,
      },
      containerd: {
        state: containerdPid ? 'up' : 'down',
        pid: containerdPid,
        restartTimes: [],
        lastExit: null,
        stoppedByUser: false,
      },
    },
    processes,
    nextPid: 1203,
    containers: {},
    tasks: {},
    execs: {},
    images: {},
    layers: {},
    networks: Object.fromEntries(networks.map((n) => [n.id, n])),
    volumes: {},
    events: [],
    files: { ...DEMO_APP },
    builds: [],
    registries: {},
    journal: [],
  };
}
