/**
 * `docker build [-t NAME] [-f FILE] [--no-cache] [--build-arg K=V] [-q] PATH`, the classic
 * builder as docker 28 drives it without buildx: the deprecation notice, the context read from
 * PATH on the host and sent as `POST /build` (ENGINE-API.md), then the builder's stream as it
 * comes. The context's size is what its tar would weigh (512-byte headers and blocks).
 */
import { humanSize } from '../../../sim/api/humanize';
import { failed, query } from '../client';
import type { DockerCommand } from '../command';
import { boolOf, flagOf, listOf } from '../flags';

const DEPRECATED = `DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
            Install the buildx component to build images with BuildKit:
            https://docs.docker.com/go/buildx/
`;

/** Bytes of the context as a tar: a header and whole blocks per file and directory, two end blocks. */
export function tarSize(files: Readonly<Record<string, string>>): number {
  const dirs = new Set<string>();
  let size = 1024;
  for (const [path, content] of Object.entries(files)) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
    size += 512 + Math.ceil(new TextEncoder().encode(content).length / 512) * 512;
  }
  return size + dirs.size * 512;
}

interface StreamLine {
  stream?: string;
  status?: string;
  id?: string;
  aux?: { ID?: string };
  error?: string;
  errorDetail?: { message?: string };
}

export const build: DockerCommand = {
  path: 'build',
  args: { kind: 'exact', n: 1 },
  run: ({ ctx, client, flags, args }) => {
    const home = ctx.env['HOME'] ?? '/root';
    const arg = (args[0] ?? '.').replace(/\/+$/, '') || '/';
    const dir =
      arg === '.' ? home : arg.startsWith('/') ? arg : `${home}/${arg.replace(/^\.\//, '')}`;
    const prefix = `${dir}/`;
    const files = Object.fromEntries(
      Object.entries(ctx.host.world.files)
        .filter(([path]) => path.startsWith(prefix))
        .map(([path, content]) => [path.slice(prefix.length), content]),
    );
    if (Object.keys(files).length === 0) {
      ctx.err(`unable to prepare context: path "${args[0] ?? '.'}" not found\n`);
      return 1;
    }
    const dockerfile = flagOf(flags, 'file') ?? 'Dockerfile';
    if (files[dockerfile] === undefined) {
      ctx.err(
        `unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat ${prefix}${dockerfile}: no such file or directory\n`,
      );
      return 1;
    }
    const quiet = boolOf(flags, 'quiet');
    ctx.err(DEPRECATED);
    if (!quiet)
      ctx.out(`Sending build context to Docker daemon  ${humanSize(tarSize(files), 4)}\n`);
    const buildArgs = Object.fromEntries(
      listOf(flags, 'build-arg').map((a) => {
        const eq = a.indexOf('=');
        return eq === -1 ? [a, ctx.env[a] ?? ''] : [a.slice(0, eq), a.slice(eq + 1)];
      }),
    );
    const tags = listOf(flags, 'tag');
    const path = `/build${query({
      buildargs: Object.keys(buildArgs).length > 0 ? JSON.stringify(buildArgs) : undefined,
      dockerfile,
      nocache: boolOf(flags, 'no-cache'),
      q: quiet,
    })}${tags.map((t) => `&t=${encodeURIComponent(t)}`).join('')}&version=1`;
    const response = client.post(path, { context: files });
    if (failed(ctx, response)) return 1;
    for (const line of (response.stream ?? []) as StreamLine[]) {
      if (line.error !== undefined) {
        ctx.err(`${line.errorDetail?.message ?? line.error}\n`);
        return 1;
      }
      if (quiet) {
        if (line.aux?.ID) ctx.out(`${line.aux.ID}\n`);
        continue;
      }
      if (line.stream !== undefined) ctx.out(line.stream);
      else if (line.status !== undefined)
        ctx.out(`${line.id ? `${line.id}: ` : ''}${line.status}\n`);
    }
    return 0;
  },
};
