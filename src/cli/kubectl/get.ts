/**
 * `kubectl get`: tables of nodes, pods, deployments, replicasets and daemonsets read from the
 * world (reads are not logged: they change nothing), by type, `TYPE/NAME`, `TYPE,TYPE` or
 * `all`, with -n/-A, -o wide|name, --no-headers, --ignore-not-found and -w. What is missing
 * is reported after the table, as kubectl reports it; an empty list says so on stderr and
 * still succeeds.
 */
import { NAMESPACE } from '../../sim/kube/defaults';
import type { CommandOutcome } from '../shell/types';
import { commandFlags } from './commandFlags';
import { notFoundText, plainError, unreachable, usageError } from './errors';
import { GLOBAL_FLAGS, flagBool, flagString, type FlagDef } from './flags';
import { renderTable, rows, type Row } from './printers';
import { RESOURCES, resolveResource, type ResourceInfo, type ResourceKind } from './resources';
import { NO_TYPE_WITH_SLASH, parseTargets } from './targets';
import type { KubeCommandContext } from './types';
import { watchJob } from './watch';

const FLAGS: readonly FlagDef[] = [
  ...GLOBAL_FLAGS,
  { long: 'output', short: 'o', kind: 'string' },
  { long: 'all-namespaces', short: 'A', kind: 'bool' },
  { long: 'watch', short: 'w', kind: 'bool' },
  { long: 'no-headers', kind: 'bool' },
  { long: 'ignore-not-found', kind: 'bool' },
  { long: 'selector', short: 'l', kind: 'string', unsupported: true },
  { long: 'field-selector', kind: 'string', unsupported: true },
  { long: 'show-labels', kind: 'bool', unsupported: true },
  { long: 'label-columns', short: 'L', kind: 'string', unsupported: true },
  { long: 'sort-by', kind: 'string', unsupported: true },
  { long: 'show-kind', kind: 'bool', unsupported: true },
  { long: 'watch-only', kind: 'bool', unsupported: true },
  { long: 'filename', short: 'f', kind: 'string', unsupported: true },
  { long: 'chunk-size', kind: 'int', unsupported: true },
];

const FORMATS =
  'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';
/** What `get all` means: the namespaced workload types, in kubectl's category order. */
const ALL: readonly ResourceKind[] = ['pods', 'daemonsets', 'deployments', 'replicasets'];

interface Request {
  readonly info: ResourceInfo;
  /** Names asked for, or null for the whole list. */
  readonly names: string[] | null;
}

type Parsed = { ok: true; requests: Request[]; multiple: boolean } | { ok: false; error: string };

/** `pods`, `pods,deploy`, `all`, `pod NAME...`, `pod/NAME deploy/NAME`. */
function parseRequests(args: readonly string[]): Parsed {
  const [first = ''] = args;
  if (first.includes('/')) {
    const named = parseTargets(args);
    if (!named.ok) return named;
    const requests: Request[] = [];
    for (const { info, name } of named.targets) {
      const same = requests.find((r) => r.info === info);
      if (same) same.names?.push(name);
      else requests.push({ info, names: [name] });
    }
    return { ok: true, requests, multiple: requests.length > 1 };
  }
  const names = args.slice(1);
  if (names.some((n) => n.includes('/'))) return { ok: false, error: NO_TYPE_WITH_SLASH };
  const types = first.split(',');
  const kinds: ResourceInfo[] = [];
  for (const type of types) {
    const resolved: ResourceInfo[] = [];
    if (type.toLowerCase() === 'all') resolved.push(...ALL.map((k) => RESOURCES[k]));
    else {
      const one = resolveResource(type);
      if (!one.ok) return { ok: false, error: one.message };
      resolved.push(one.info);
    }
    for (const info of resolved) if (!kinds.includes(info)) kinds.push(info);
  }
  return {
    ok: true,
    requests: kinds.map((info) => ({ info, names: names.length > 0 ? [...names] : null })),
    multiple: types.length > 1 || types.some((t) => t.toLowerCase() === 'all'),
  };
}

export function kubectlGet(ctx: KubeCommandContext, args: readonly string[]): CommandOutcome {
  const flags = commandFlags(ctx, 'kubectl get', 'get', args, FLAGS);
  if (typeof flags === 'number') return flags;
  const output = flagString(flags, 'output');
  if (output !== undefined && output !== 'wide' && output !== 'name') {
    const known = FORMATS.split(',').some((f) => output === f || output.startsWith(`${f}=`));
    return plainError(
      ctx,
      known
        ? `-o ${output}: this simulation prints tables (-o wide) and names (-o name) only`
        : `unable to match a printer suitable for the output format ${JSON.stringify(output)}, allowed formats are: ${FORMATS}`,
    );
  }
  if (flags.positional.length === 0) {
    ctx.err(
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n',
    );
    return usageError(
      ctx,
      'kubectl get',
      'Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).',
    );
  }
  if (!ctx.port.apiReachable()) return unreachable(ctx);
  const request = parseRequests(flags.positional);
  if (!request.ok) return plainError(ctx, request.error);
  const allNamespaces = flagBool(flags, 'all-namespaces');
  const named = request.requests.some((r) => r.names !== null);
  if (allNamespaces && named)
    return plainError(ctx, 'a resource cannot be retrieved by name across all namespaces');
  const ns = flagString(flags, 'namespace') ?? NAMESPACE;
  const wide = output === 'wide';
  const noHeaders = flagBool(flags, 'no-headers');
  const world = ctx.port.world;
  const listOptions = { wide, namespace: allNamespaces ? null : ns, now: ctx.port.now };

  if (flagBool(flags, 'watch')) {
    const [only] = request.requests;
    if (!only || request.requests.length > 1)
      return plainError(
        ctx,
        `watch is only supported on individual resources and resource collections, but ${request.requests.length} resources were found`,
      );
    if (output === 'name') return plainError(ctx, '-w with -o name is not part of this simulation');
    const job = watchJob(ctx, {
      kind: only.info.kind,
      wide,
      namespace: listOptions.namespace,
      allNamespaces,
      noHeaders,
      names: only.names,
    });
    return job;
  }

  const errors: string[] = [];
  const tables: { info: ResourceInfo; list: Row[] }[] = [];
  for (const { info, names } of request.requests) {
    const all = rows(world, info.kind, listOptions);
    if (names === null) {
      tables.push({ info, list: all });
      continue;
    }
    const list: Row[] = [];
    for (const name of names) {
      // The list is of one namespace already (names and -A do not go together).
      const row = all.find((r) => r.name === name);
      if (row) list.push(row);
      else if (!flagBool(flags, 'ignore-not-found'))
        errors.push(notFoundText(info.qualified, name));
    }
    tables.push({ info, list });
  }

  const nonEmpty = tables.filter((t) => t.list.length > 0);
  const showKind = request.multiple || nonEmpty.length > 1;
  if (output === 'name') {
    ctx.out(nonEmpty.flatMap((t) => t.list.map((r) => `${t.info.prefix}/${r.name}\n`)).join(''));
  } else if (nonEmpty.length > 0) {
    ctx.out(
      nonEmpty
        .map((t) =>
          renderTable(t.info.kind, wide, t.list, {
            allNamespaces,
            noHeaders,
            prefix: showKind ? t.info.prefix : null,
          }),
        )
        .join('\n'),
    );
  } else if (!named) {
    const clusterOnly = request.requests.every((r) => !r.info.namespaced);
    ctx.err(
      allNamespaces || clusterOnly
        ? 'No resources found\n'
        : `No resources found in ${ns} namespace.\n`,
    );
  }
  for (const e of errors) ctx.err(`${e}\n`);
  return errors.length > 0 ? 1 : 0;
}
