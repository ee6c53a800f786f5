/**
 * kube-apiserver, for the writes kubectl sends: validate, store in etcd, answer. What it
 * stores is then picked up by the controllers, the scheduler and the kubelets (watches).
 * Errors are the API server's Status: code, reason and message, as kubectl prints them after
 * `Error from server (Reason):`.
 */
import type { KubeCtx } from './context';
import { deletePod } from './controllers';
import { TAINT } from './defaults';
import type { KubeRequest, KubeResult } from './inputs';
import { newUid, templateHash } from './names';
import { NAMESPACES, objectKey, own } from './types';

const OK: KubeResult = { ok: true };

function fail(code: number, reason: string, message: string): KubeResult {
  return { ok: false, code, reason, message };
}

/** RFC 1123 subdomain, as the API server validates object names. */
const NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

function invalidName(kind: string, name: string): KubeResult | null {
  if (name.length <= 253 && NAME.test(name)) return null;
  return fail(
    422,
    'Invalid',
    `${kind} "${name}" is invalid: metadata.name: Invalid value: "${name}": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
  );
}

function requestLine(r: KubeRequest): string {
  switch (r.verb) {
    case 'createDeployment':
      return `POST /apis/apps/v1/namespaces/${r.namespace}/deployments`;
    case 'scaleDeployment':
      return `PATCH /apis/apps/v1/namespaces/${r.namespace}/deployments/${r.name}/scale`;
    case 'deleteDeployment':
      return `DELETE /apis/apps/v1/namespaces/${r.namespace}/deployments/${r.name}`;
    case 'deletePod':
      return `DELETE /api/v1/namespaces/${r.namespace}/pods/${r.name}`;
    case 'evictPod':
      return `POST /api/v1/namespaces/${r.namespace}/pods/${r.name}/eviction`;
    case 'cordon':
    case 'uncordon':
      return `PATCH /api/v1/nodes/${r.node}`;
  }
}

export function handleRequest(ctx: KubeCtx, r: KubeRequest): KubeResult {
  ctx.emit('api', 'kubectl', 'apiserver', requestLine(r));
  const result = answer(ctx, r);
  ctx.emit('api', 'apiserver', 'kubectl', result.ok ? 'OK' : `${result.code} ${result.reason}`);
  return result;
}

function answer(ctx: KubeCtx, r: KubeRequest): KubeResult {
  const w = ctx.world;
  switch (r.verb) {
    case 'createDeployment': {
      const invalid = invalidName('Deployment.apps', r.name);
      if (invalid) return invalid;
      if (!NAMESPACES.includes(r.namespace))
        return fail(404, 'NotFound', `namespaces "${r.namespace}" not found`);
      const key = objectKey(r.namespace, r.name);
      if (own(w.deployments, key))
        return fail(409, 'AlreadyExists', `deployments.apps "${r.name}" already exists`);
      if (!Number.isInteger(r.replicas) || r.replicas < 0)
        return fail(
          422,
          'Invalid',
          `Deployment.apps "${r.name}" is invalid: spec.replicas: Invalid value: ${r.replicas}: must be greater than or equal to 0`,
        );
      const container =
        r.image
          .replace(/[:@].*$/, '')
          .split('/')
          .pop() ?? 'app';
      w.deployments[key] = {
        namespace: r.namespace,
        name: r.name,
        uid: newUid(ctx.rand),
        created: w.now,
        replicas: r.replicas,
        template: { image: r.image, container, tolerateControlPlane: false },
        templateHash: templateHash(r.name, r.image),
      };
      ctx.emit('etcd', 'apiserver', 'etcd', `put /registry/deployments/${key}`);
      return OK;
    }
    case 'scaleDeployment': {
      const d = own(w.deployments, objectKey(r.namespace, r.name));
      if (!d) return fail(404, 'NotFound', `deployments.apps "${r.name}" not found`);
      if (!Number.isInteger(r.replicas) || r.replicas < 0)
        return fail(
          422,
          'Invalid',
          `Scale.autoscaling "${r.name}" is invalid: spec.replicas: Invalid value: ${r.replicas}: must be greater than or equal to 0`,
        );
      d.replicas = r.replicas;
      ctx.emit('etcd', 'apiserver', 'etcd', `put /registry/deployments/${r.namespace}/${r.name}`);
      return OK;
    }
    case 'deleteDeployment': {
      const key = objectKey(r.namespace, r.name);
      if (!own(w.deployments, key))
        return fail(404, 'NotFound', `deployments.apps "${r.name}" not found`);
      delete w.deployments[key];
      ctx.emit('etcd', 'apiserver', 'etcd', `delete /registry/deployments/${key}`);
      return OK;
    }
    case 'deletePod':
    case 'evictPod': {
      const pod = own(w.pods, objectKey(r.namespace, r.name));
      if (!pod) return fail(404, 'NotFound', `pods "${r.name}" not found`);
      deletePod(ctx, pod, 'apiserver');
      return OK;
    }
    case 'cordon':
    case 'uncordon': {
      const node = own(w.nodes, r.node);
      if (!node) return fail(404, 'NotFound', `nodes "${r.node}" not found`);
      const cordon = r.verb === 'cordon';
      if (node.unschedulable === cordon) return OK;
      node.unschedulable = cordon;
      node.taints = cordon
        ? [...node.taints, { key: TAINT.unschedulable, effect: 'NoSchedule', since: w.now }]
        : node.taints.filter((t) => t.key !== TAINT.unschedulable);
      ctx.emit('etcd', 'apiserver', 'etcd', `put /registry/minions/${r.node}`);
      return OK;
    }
  }
}
