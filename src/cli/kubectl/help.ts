/**
 * kubectl's help: the root listing (`kubectl`, `kubectl help`, `kubectl --help`) trimmed to the
 * commands this simulation has, saying so, and each command's short help for `--help`. Also
 * the names of every real kubectl command in the order cobra walks them, for its "Did you
 * mean this?" suggestions and for an honest answer to a real command left out here.
 */
import type { KubeCommandContext } from './types';

/** kubectl 1.33's commands in the order it registers them (cobra suggests in this order). */
export const REAL_COMMANDS: readonly string[] = [
  'create',
  'expose',
  'run',
  'set',
  'explain',
  'get',
  'edit',
  'delete',
  'rollout',
  'scale',
  'autoscale',
  'certificate',
  'cluster-info',
  'top',
  'cordon',
  'uncordon',
  'drain',
  'taint',
  'describe',
  'logs',
  'attach',
  'exec',
  'port-forward',
  'proxy',
  'cp',
  'auth',
  'debug',
  'events',
  'diff',
  'apply',
  'patch',
  'replace',
  'wait',
  'kustomize',
  'label',
  'annotate',
  'completion',
  'alpha',
  'api-resources',
  'api-versions',
  'config',
  'plugin',
  'version',
  'options',
  'help',
];

export const SUPPORTED_COMMANDS: readonly string[] = [
  'get',
  'create',
  'scale',
  'delete',
  'cordon',
  'uncordon',
  'drain',
  'cluster-info',
  'version',
  'help',
];

export const ROOT_HELP = `kubectl controls the Kubernetes cluster manager.

 Find more information at: https://kubernetes.io/docs/reference/kubectl/

This simulation's kubectl has the commands below, against the simulated cluster; the real
one has many more (describe, logs, exec, apply, rollout, ...).

Basic Commands (Beginner):
  create          Create a resource (here: kubectl create deployment NAME --image=IMAGE)

Basic Commands (Intermediate):
  get             Display one or many resources
  delete          Delete resources by resources and names

Deploy Commands:
  scale           Set a new size for a deployment

Cluster Management Commands:
  cluster-info    Display cluster information
  cordon          Mark node as unschedulable
  uncordon        Mark node as schedulable
  drain           Drain node in preparation for maintenance

Other Commands:
  version         Print the client and server version information

Usage:
  kubectl [flags] [options]

Use "kubectl <command> --help" for more information about a given command.
`;

const HELP: Readonly<Record<string, string>> = {
  get: `Display one or many resources.

 This simulation has nodes, pods, deployments, replicasets and daemonsets ('all' lists the
 namespaced ones).

Examples:
  kubectl get nodes -o wide
  kubectl get pods -A
  kubectl get deploy,rs
  kubectl get pods -w

Options:
  -A, --all-namespaces=false: List the requested objects across all namespaces.
  --ignore-not-found=false: Treat "resource not found" as a successful retrieval.
  -n, --namespace='': The namespace scope for this request.
  --no-headers=false: Don't print headers.
  -o, --output='': Output format: wide or name.
  -w, --watch=false: After listing/getting the requested object, watch for changes.

Usage:
  kubectl get [(-o|--output=)wide|name] (TYPE[.VERSION][.GROUP] [NAME ...] | TYPE[.VERSION][.GROUP]/NAME ...) [flags] [options]
`,
  create: `Create a deployment with the specified name.

Examples:
  kubectl create deployment web --image=nginx --replicas=3

Options:
  --image=[]: Image names to run.
  --port=-1: The containerPort that this deployment exposes.
  -r, --replicas=1: Number of replicas to create. Default is 1.

Usage:
  kubectl create deployment NAME --image=image [--replicas=N] [options]
`,
  scale: `Set a new size for a deployment.

Examples:
  kubectl scale deployment web --replicas=5
  kubectl scale deploy/web --replicas=0

Options:
  --replicas=0: The new desired number of replicas. Required.

Usage:
  kubectl scale --replicas=COUNT (TYPE NAME | TYPE/NAME) [options]
`,
  delete: `Delete resources by resources and names.

 By default kubectl waits until the objects are really gone (--wait=true): a pod stays
 Terminating until its kubelet has stopped its containers.

Examples:
  kubectl delete pod web-7c5ddbdf54-x2k9q
  kubectl delete pods --all
  kubectl delete deployment web

Options:
  --all=false: Delete all resources, in the namespace of the specified resource types.
  --wait=true: If true, wait for resources to be gone before returning.

Usage:
  kubectl delete (TYPE [NAME ...] | TYPE/NAME ...) [options]
`,
  cordon: `Mark node as unschedulable.

Examples:
  kubectl cordon worker-1

Usage:
  kubectl cordon NODE [options]
`,
  uncordon: `Mark node as schedulable.

Examples:
  kubectl uncordon worker-1

Usage:
  kubectl uncordon NODE [options]
`,
  drain: `Drain node in preparation for maintenance.

 The node is cordoned, then its pods are evicted through the Eviction API; DaemonSet pods
 are refused unless --ignore-daemonsets, and static (mirror) pods are skipped.

Examples:
  kubectl drain worker-1 --ignore-daemonsets

Options:
  --delete-emptydir-data=false: Continue even if there are pods using emptyDir.
  --force=false: Continue even if there are pods that do not declare a controller.
  --ignore-daemonsets=false: Ignore DaemonSet-managed pods.

Usage:
  kubectl drain NODE [options]
`,
  'cluster-info': `Display addresses of the control plane and services with label kubernetes.io/cluster-service=true.

Usage:
  kubectl cluster-info [flags] [options]
`,
  version: `Print the client and server version information for the current context.

Options:
  --client=false: If true, shows client version only (no server required).

Usage:
  kubectl version [flags] [options]
`,
};

export function commandHelp(ctx: KubeCommandContext, command: string): number {
  ctx.out(HELP[command] ?? ROOT_HELP);
  return 0;
}

export function hasHelp(command: string): boolean {
  return Object.hasOwn(HELP, command);
}

/** cobra's Levenshtein distance, case-insensitive. */
function distance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      cur.push(Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = cur;
  }
  return prev[t.length] ?? 0;
}

/** cobra's SuggestionsFor: commands within distance 2, or that start with what was typed. */
export function suggestionsFor(typed: string): string[] {
  // A long word cannot be within 2 of a short command: skip the quadratic work for it.
  if (typed.length > 40) return [];
  return REAL_COMMANDS.filter(
    (c) =>
      c !== 'help' && (distance(typed, c) <= 2 || c.toLowerCase().startsWith(typed.toLowerCase())),
  );
}
