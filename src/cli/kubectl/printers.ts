/**
 * The columns of kubectl's table printer for each simulated type (k8s.io/kubernetes
 * pkg/printers/internalversion), computed from the world as the API server's objects would
 * carry them, and the table itself: cells joined by tabs through Go's text/tabwriter with
 * kubectl's settings (minwidth 6, padding 3), the last column unpadded.
 */
import { CONTAINERD_VERSION, KUBE_VERSION } from '../../sim/kube/defaults';
import type { KubeWorld, Pod } from '../../sim/kube/types';
import { tabwrite } from '../tabwriter';
import { age } from './duration';
import type { ResourceKind } from './resources';

export const KUBECTL_TABWRITER = { minwidth: 6, padding: 3 } as const;
const NONE = '<none>';
export const OS_IMAGE = 'Ubuntu 24.04.2 LTS';
export const KERNEL_VERSION = '6.8.0-60-generic';

export interface Row {
  /** namespace/name (name alone for nodes): the API's list order. */
  readonly key: string;
  readonly namespace: string;
  readonly name: string;
  /** The cells after NAME (and after NAMESPACE with -A). */
  readonly cells: readonly string[];
}

export interface TableOptions {
  readonly wide: boolean;
  /** Namespace to list, or null for all namespaces. Ignored for nodes. */
  readonly namespace: string | null;
  readonly now: number;
}

/** A pod still counted by its controller: not deleted, not being deleted. */
export function isActive(pod: Pod): boolean {
  return pod.status !== 'gone' && pod.status !== 'terminating' && pod.deletionTimestamp === null;
}

export function podStatus(pod: Pod): string {
  if (pod.deletionTimestamp !== null || pod.status === 'terminating') return 'Terminating';
  switch (pod.status) {
    case 'pending':
      return 'Pending';
    case 'creating':
      return 'ContainerCreating';
    case 'running':
      return 'Running';
    default:
      return 'Terminating';
  }
}

/** The API's list order: by etcd key, namespace then name. */
function byKey<T extends { readonly name: string; readonly namespace?: string }>(items: T[]): T[] {
  const key = (o: T) => `${o.namespace ?? ''}/${o.name}`;
  return items.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

function inNamespace<T extends { readonly namespace: string; readonly name: string }>(
  items: Record<string, T>,
  namespace: string | null,
): T[] {
  return byKey(Object.values(items).filter((o) => namespace === null || o.namespace === namespace));
}

/** The pods the API lists (of one namespace, or all): deleted ones that are gone left out. */
export function listPods(world: KubeWorld, namespace: string | null): Pod[] {
  return inNamespace(world.pods, namespace).filter((p) => p.status !== 'gone');
}

/** The names of the listed objects of a kind, in the API's order. */
export function listNames(world: KubeWorld, kind: ResourceKind, namespace: string | null) {
  switch (kind) {
    case 'pods':
      return listPods(world, namespace).map((o) => o.name);
    case 'nodes':
      return byKey(Object.values(world.nodes)).map((o) => o.name);
    case 'deployments':
      return inNamespace(world.deployments, namespace).map((o) => o.name);
    case 'replicasets':
      return inNamespace(world.replicaSets, namespace).map((o) => o.name);
    case 'daemonsets':
      return inNamespace(world.daemonSets, namespace).map((o) => o.name);
  }
}

function podsOf(world: KubeWorld, kind: 'ReplicaSet' | 'DaemonSet', ns: string, name: string) {
  return Object.values(world.pods).filter(
    (p) => p.namespace === ns && p.owner.kind === kind && p.owner.name === name && isActive(p),
  );
}

export function headers(kind: ResourceKind, wide: boolean): string[] {
  switch (kind) {
    case 'pods':
      return ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'].concat(
        wide ? ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'] : [],
      );
    case 'nodes':
      return ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'].concat(
        wide
          ? ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME']
          : [],
      );
    case 'deployments':
      return ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'].concat(
        wide ? ['CONTAINERS', 'IMAGES', 'SELECTOR'] : [],
      );
    case 'replicasets':
      return ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'].concat(
        wide ? ['CONTAINERS', 'IMAGES', 'SELECTOR'] : [],
      );
    case 'daemonsets':
      return [
        'NAME',
        'DESIRED',
        'CURRENT',
        'READY',
        'UP-TO-DATE',
        'AVAILABLE',
        'NODE SELECTOR',
        'AGE',
      ].concat(wide ? ['CONTAINERS', 'IMAGES', 'SELECTOR'] : []);
  }
}

/** The rows of every listed object of `kind` (all of them, or only `only` by name). */
export function rows(world: KubeWorld, kind: ResourceKind, options: TableOptions): Row[] {
  const { wide, now } = options;
  const ago = (at: number) => age(world.epochMs, at, now);
  const namespace = kind === 'nodes' ? null : options.namespace;
  switch (kind) {
    case 'pods':
      return listPods(world, namespace).map((p) => ({
        key: `${p.namespace}/${p.name}`,
        namespace: p.namespace,
        name: p.name,
        cells: [
          p.ready ? '1/1' : '0/1',
          podStatus(p),
          p.restarts > 0 && p.lastRestartAt !== null
            ? `${p.restarts} (${ago(p.lastRestartAt)} ago)`
            : String(p.restarts),
          ago(p.created),
          ...(wide ? [p.ip ?? NONE, p.nodeName ?? NONE, NONE, NONE] : []),
        ],
      }));
    case 'nodes':
      return byKey(Object.values(world.nodes)).map((n) => ({
        key: n.name,
        namespace: '',
        name: n.name,
        cells: [
          (n.ready === 'True' ? 'Ready' : 'NotReady') +
            (n.unschedulable ? ',SchedulingDisabled' : ''),
          n.role ?? NONE,
          ago(n.created),
          KUBE_VERSION,
          ...(wide ? [n.address, NONE, OS_IMAGE, KERNEL_VERSION, CONTAINERD_VERSION] : []),
        ],
      }));
    case 'deployments':
      return inNamespace(world.deployments, namespace).map((d) => {
        const owned = Object.values(world.replicaSets)
          .filter((rs) => rs.namespace === d.namespace && rs.owner === d.name)
          .flatMap((rs) => podsOf(world, 'ReplicaSet', rs.namespace, rs.name));
        const ready = owned.filter((p) => p.ready).length;
        return {
          key: `${d.namespace}/${d.name}`,
          namespace: d.namespace,
          name: d.name,
          cells: [
            `${ready}/${d.replicas}`,
            String(owned.length),
            String(ready),
            ago(d.created),
            ...(wide ? [d.template.container, d.template.image, `app=${d.name}`] : []),
          ],
        };
      });
    case 'replicasets':
      return inNamespace(world.replicaSets, namespace).map((rs) => {
        const owned = podsOf(world, 'ReplicaSet', rs.namespace, rs.name);
        const hash = rs.name.startsWith(`${rs.owner}-`) ? rs.name.slice(rs.owner.length + 1) : '';
        return {
          key: `${rs.namespace}/${rs.name}`,
          namespace: rs.namespace,
          name: rs.name,
          cells: [
            String(rs.replicas),
            String(owned.length),
            String(owned.filter((p) => p.ready).length),
            ago(rs.created),
            ...(wide
              ? [
                  rs.template.container,
                  rs.template.image,
                  `app=${rs.owner},pod-template-hash=${hash}`,
                ]
              : []),
          ],
        };
      });
    case 'daemonsets':
      return inNamespace(world.daemonSets, namespace).map((ds) => {
        const owned = podsOf(world, 'DaemonSet', ds.namespace, ds.name);
        const ready = String(owned.filter((p) => p.ready).length);
        // The DaemonSet wants one pod on every node (kube-proxy tolerates every taint).
        const desired = String(Object.keys(world.nodes).length);
        return {
          key: `${ds.namespace}/${ds.name}`,
          namespace: ds.namespace,
          name: ds.name,
          cells: [
            desired,
            String(owned.length),
            ready,
            String(owned.length),
            ready,
            'kubernetes.io/os=linux',
            ago(ds.created),
            ...(wide ? [ds.template.container, ds.template.image, `k8s-app=${ds.name}`] : []),
          ],
        };
      });
  }
}

export interface RenderOptions {
  readonly allNamespaces: boolean;
  readonly noHeaders: boolean;
  /** `pod/`, `deployment.apps/`: names carry their type (`get all`, several types). */
  readonly prefix: string | null;
}

/** The lines of one table, tab-separated, before alignment (for watch, which aligns itself). */
export function tableLines(
  kind: ResourceKind,
  wide: boolean,
  list: readonly Row[],
  options: RenderOptions,
): string[] {
  const ns = options.allNamespaces && kind !== 'nodes';
  const head = headers(kind, wide);
  const lines = options.noHeaders ? [] : [(ns ? ['NAMESPACE', ...head] : head).join('\t')];
  for (const row of list) {
    const name = options.prefix ? `${options.prefix}/${row.name}` : row.name;
    lines.push((ns ? [row.namespace, name, ...row.cells] : [name, ...row.cells]).join('\t'));
  }
  return lines;
}

export function renderTable(
  kind: ResourceKind,
  wide: boolean,
  list: readonly Row[],
  options: RenderOptions,
): string {
  return tabwrite(tableLines(kind, wide, list, options), KUBECTL_TABWRITER);
}
