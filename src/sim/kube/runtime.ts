/**
 * containerd's CRI plugin on one machine, namespace `k8s.io`: what each CRI call really does
 * below the kubelet. RunPodSandbox starts the pod's one containerd-shim-runc-v2, which runs
 * runc for the pause container; the pod's containers are created and started by the same
 * shim (it groups them by the sandbox ID). The processes land in the machine's table with
 * the shim as their parent. Contract: changes only the machine; the kubelet decides when.
 */
import type { KubeCtx } from './context';
import { newContainerId } from './names';
import { kubeEndpoint } from './trace';
import type { CriContainer, KubeProcess, Machine, Pod, Sandbox } from './types';

const SHIM = 'containerd-shim-runc-v2';

export function spawnProcess(m: Machine, process: Omit<KubeProcess, 'pid'>): number {
  const pid = m.nextPid++;
  m.processes[pid] = { pid, ...process };
  return pid;
}

function podKey(pod: Pod): string {
  return `${pod.namespace}/${pod.name}`;
}

/** The machine's containerd PID (its shims' parent once the launcher has exited). */
function containerdPid(m: Machine): number {
  return Object.values(m.processes).find((p) => p.name === 'containerd')?.pid ?? 1;
}

/** RunPodSandbox: shim, pause container, and the pod's IP from the node's range (CNI). */
export function runSandbox(ctx: KubeCtx, m: Machine, pod: Pod, podCidr: string): Sandbox {
  const hostNetwork = pod.template.hostNetwork === true;
  const key = podKey(pod);
  const containerd = kubeEndpoint.containerd(m.name);
  const shim = kubeEndpoint.shim(m.name, pod.name);
  const runc = kubeEndpoint.runc(m.name);
  const id = newContainerId(ctx.rand);
  ctx.emit('exec', containerd, shim, `${SHIM} start`, { sandbox: id.slice(0, 13) });
  // The launcher forks the real shim and exits; containerd is left as the shim's parent.
  const shimPid = spawnProcess(m, {
    ppid: containerdPid(m),
    name: SHIM,
    args: ['-namespace', 'k8s.io', '-id', id, '-address', '/run/containerd/containerd.sock'],
    pod: key,
  });
  ctx.emit('ttrpc', containerd, shim, 'Create (pause)');
  ctx.emit('exec', shim, runc, 'runc create pause');
  ctx.emit('exec', shim, runc, 'runc start pause');
  const pausePid = spawnProcess(m, { ppid: shimPid, name: 'pause', args: ['/pause'], pod: key });
  // hostNetwork pods share the node's network namespace: no CNI, the node's own address.
  const ip = hostNetwork ? m.address : podCidr.replace(/0\/24$/, String(m.nextIp++));
  if (!hostNetwork)
    ctx.emit('note', containerd, kubeEndpoint.pod(m.name, pod.name), `CNI ADD: ${ip}`, { ip });
  const sandbox: Sandbox = {
    id,
    pod: key,
    podUid: pod.uid,
    shimPid,
    pausePid,
    ip,
    created: ctx.world.now,
    containers: [],
  };
  m.sandboxes[key] = sandbox;
  return sandbox;
}

/** CreateContainer: the shim runs `runc create`; the container's init waits on exec.fifo. */
export function createContainer(ctx: KubeCtx, m: Machine, pod: Pod, sandbox: Sandbox): void {
  const shim = kubeEndpoint.shim(m.name, pod.name);
  ctx.emit('ttrpc', kubeEndpoint.containerd(m.name), shim, `Create (${pod.template.container})`);
  ctx.emit('exec', shim, kubeEndpoint.runc(m.name), `runc create ${pod.template.container}`);
  const container: CriContainer = {
    id: newContainerId(ctx.rand),
    name: pod.template.container,
    image: pod.template.image,
    pid: null,
    state: 'CONTAINER_CREATED',
    exitCode: null,
    attempt: pod.startedAt === null ? 0 : pod.restarts + 1,
  };
  sandbox.containers = [...sandbox.containers.filter((c) => c.name !== container.name), container];
}

/** StartContainer: `runc start`, and the app runs as a child of the pod's shim. */
export function startContainer(ctx: KubeCtx, m: Machine, pod: Pod, sandbox: Sandbox): void {
  const shim = kubeEndpoint.shim(m.name, pod.name);
  const container = sandbox.containers.find((c) => c.state === 'CONTAINER_CREATED');
  if (!container) return;
  ctx.emit('ttrpc', kubeEndpoint.containerd(m.name), shim, `Start (${container.name})`);
  ctx.emit('exec', shim, kubeEndpoint.runc(m.name), `runc start ${container.name}`);
  container.pid = spawnProcess(m, {
    ppid: sandbox.shimPid,
    name: container.name,
    args: [container.image],
    pod: sandbox.pod,
  });
  container.state = 'CONTAINER_RUNNING';
  ctx.emit('exec', kubeEndpoint.runc(m.name), kubeEndpoint.pod(m.name, pod.name), container.name, {
    pid: container.pid,
  });
}

/** StopContainer: SIGTERM through the shim (`runc kill`); the app exits and the shim reaps it. */
export function stopContainers(ctx: KubeCtx, m: Machine, podName: string, sandbox: Sandbox): void {
  const shim = kubeEndpoint.shim(m.name, podName);
  for (const c of sandbox.containers) {
    if (c.state !== 'CONTAINER_RUNNING' || c.pid === null) continue;
    ctx.emit('ttrpc', kubeEndpoint.containerd(m.name), shim, `Kill SIGTERM (${c.name})`);
    ctx.emit('signal', shim, kubeEndpoint.pod(m.name, podName), 'SIGTERM', { pid: c.pid });
    delete m.processes[c.pid];
    ctx.emit('exit', kubeEndpoint.pod(m.name, podName), shim, 'exit 0', { pid: c.pid });
    c.pid = null;
    c.state = 'CONTAINER_EXITED';
    c.exitCode = 0;
  }
}

/** StopPodSandbox + RemovePodSandbox: pause stops, the network goes, the shim exits. */
export function removeSandbox(ctx: KubeCtx, m: Machine, podName: string, sandbox: Sandbox): void {
  const containerd = kubeEndpoint.containerd(m.name);
  const shim = kubeEndpoint.shim(m.name, podName);
  ctx.emit('ttrpc', containerd, shim, 'Kill (pause)');
  delete m.processes[sandbox.pausePid];
  if (sandbox.ip !== m.address)
    ctx.emit('note', containerd, kubeEndpoint.pod(m.name, podName), `CNI DEL: ${sandbox.ip}`);
  ctx.emit('ttrpc', containerd, shim, 'Shutdown');
  delete m.processes[sandbox.shimPid];
  ctx.emit('exit', shim, containerd, 'exit 0', { pid: sandbox.shimPid });
  delete m.sandboxes[sandbox.pod];
}

/** Power lost: every process dies and containerd's runtime state (in /run) is gone. */
export function powerOffMachine(m: Machine): void {
  m.power = 'off';
  m.processes = {};
  m.sandboxes = {};
  m.work = {};
}

/** Power on: systemd starts containerd and the kubelet (both up once `bootedAt` is reached). */
export function powerOnMachine(m: Machine, bootedAt: number): void {
  m.power = 'on';
  m.partitioned = false;
  m.bootedAt = bootedAt;
  m.nextPid = 1;
  spawnProcess(m, { ppid: 0, name: 'systemd', args: ['/sbin/init'] });
  m.nextPid = 612;
  spawnProcess(m, { ppid: 1, name: 'containerd', args: ['/usr/bin/containerd'] });
  m.nextPid = 845;
  spawnProcess(m, {
    ppid: 1,
    name: 'kubelet',
    args: [
      '/usr/bin/kubelet',
      '--config=/var/lib/kubelet/config.yaml',
      '--container-runtime-endpoint=unix:///run/containerd/containerd.sock',
    ],
  });
  m.nextPid = 1200;
}
