/**
 * The resource types kubectl resolves (plural, singular, short name, kind, `TYPE.GROUP`) and
 * the names it prints them by: `pods "x" not found` but `deployments.apps "x" not found`,
 * `pod/x` but `deployment.apps/x`. The simulated cluster has five types; the other types of a
 * real cluster are recognised, so that asking for them gets an honest answer rather than the
 * server's "doesn't have a resource type".
 */

export type ResourceKind = 'pods' | 'nodes' | 'deployments' | 'replicasets' | 'daemonsets';

export interface ResourceInfo {
  readonly kind: ResourceKind;
  /** `pods`, `deployments.apps`: how errors name the type. */
  readonly qualified: string;
  /** `pod`, `deployment.apps`: the prefix of `TYPE/NAME` output. */
  readonly prefix: string;
  readonly namespaced: boolean;
}

export const RESOURCES: Readonly<Record<ResourceKind, ResourceInfo>> = {
  pods: { kind: 'pods', qualified: 'pods', prefix: 'pod', namespaced: true },
  nodes: { kind: 'nodes', qualified: 'nodes', prefix: 'node', namespaced: false },
  deployments: {
    kind: 'deployments',
    qualified: 'deployments.apps',
    prefix: 'deployment.apps',
    namespaced: true,
  },
  replicasets: {
    kind: 'replicasets',
    qualified: 'replicasets.apps',
    prefix: 'replicaset.apps',
    namespaced: true,
  },
  daemonsets: {
    kind: 'daemonsets',
    qualified: 'daemonsets.apps',
    prefix: 'daemonset.apps',
    namespaced: true,
  },
};

const ALIASES: Readonly<Record<string, ResourceKind>> = {
  pods: 'pods',
  pod: 'pods',
  po: 'pods',
  nodes: 'nodes',
  node: 'nodes',
  no: 'nodes',
  deployments: 'deployments',
  deployment: 'deployments',
  deploy: 'deployments',
  replicasets: 'replicasets',
  replicaset: 'replicasets',
  rs: 'replicasets',
  daemonsets: 'daemonsets',
  daemonset: 'daemonsets',
  ds: 'daemonsets',
};

/** Types a real cluster serves that the simulation leaves out, by every name kubectl takes. */
const UNMODELLED: Readonly<Record<string, string>> = Object.fromEntries(
  [
    ['services', 'service', 'svc'],
    ['namespaces', 'namespace', 'ns'],
    ['configmaps', 'configmap', 'cm'],
    ['secrets', 'secret'],
    ['statefulsets', 'statefulset', 'sts'],
    ['jobs', 'job'],
    ['cronjobs', 'cronjob', 'cj'],
    ['ingresses', 'ingress', 'ing'],
    ['events', 'event', 'ev'],
    ['endpoints', 'endpoint', 'ep'],
    ['endpointslices', 'endpointslice'],
    ['persistentvolumes', 'persistentvolume', 'pv'],
    ['persistentvolumeclaims', 'persistentvolumeclaim', 'pvc'],
    ['serviceaccounts', 'serviceaccount', 'sa'],
    ['horizontalpodautoscalers', 'horizontalpodautoscaler', 'hpa'],
    ['networkpolicies', 'networkpolicy', 'netpol'],
    ['storageclasses', 'storageclass', 'sc'],
    ['replicationcontrollers', 'replicationcontroller', 'rc'],
    ['poddisruptionbudgets', 'poddisruptionbudget', 'pdb'],
    ['leases', 'lease'],
    ['roles', 'role'],
    ['rolebindings', 'rolebinding'],
    ['clusterroles', 'clusterrole'],
    ['clusterrolebindings', 'clusterrolebinding'],
    ['limitranges', 'limitrange', 'limits'],
    ['resourcequotas', 'resourcequota', 'quota'],
    ['componentstatuses', 'componentstatus', 'cs'],
    ['customresourcedefinitions', 'customresourcedefinition', 'crd', 'crds'],
  ].flatMap((names) => names.map((n) => [n, names[0] ?? n])),
);

export type Resolved =
  | { readonly ok: true; readonly info: ResourceInfo }
  | { readonly ok: false; readonly message: string };

/** The supported types, as the honest messages list them. */
export const MODELLED_LIST = 'nodes, pods, deployments, replicasets and daemonsets';

/** Resolves what kubectl would take as a resource type (case does not matter, nor `.apps`). */
export function resolveResource(text: string): Resolved {
  const lower = text.toLowerCase();
  const bare = lower.replace(/\.(v1\.)?(apps)$/, '');
  const grouped = bare !== lower;
  const kind = Object.hasOwn(ALIASES, bare) ? ALIASES[bare] : undefined;
  // Only the apps types live in the apps group: `pods.apps` does not exist.
  if (kind && (!grouped || RESOURCES[kind].qualified.endsWith('.apps')))
    return { ok: true, info: RESOURCES[kind] };
  const real = Object.hasOwn(UNMODELLED, lower) ? UNMODELLED[lower] : undefined;
  if (real)
    return {
      ok: false,
      message: `${real} exist in a real cluster, but this simulation does not model them (it has ${MODELLED_LIST})`,
    };
  return { ok: false, message: `the server doesn't have a resource type ${JSON.stringify(text)}` };
}

/** Names for Tab completion of a resource type. */
export const RESOURCE_WORDS: readonly string[] = [
  'all',
  'nodes',
  'pods',
  'deployments',
  'replicasets',
  'daemonsets',
];

/**
 * Namespaces are not objects of this simulation; these are the ones kubeadm leaves, so a write
 * into any other is refused as the API server refuses it (`namespaces "x" not found`).
 */
export const NAMESPACES: readonly string[] = [
  'default',
  'kube-node-lease',
  'kube-public',
  'kube-system',
];

export function namespaceExists(namespace: string): boolean {
  return NAMESPACES.includes(namespace);
}

/**
 * An object of the world by its key, own properties only: a name like `__proto__` or
 * `constructor` is just a name that is not there.
 */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
