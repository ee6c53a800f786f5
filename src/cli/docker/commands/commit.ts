/**
 * `docker commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]` (docker/cli
 * cli/command/container/commit.go, and the client's ContainerCommit): the reference is parsed
 * and split first (a digest is refused, a missing tag becomes `latest`), then one `POST
 * /commit` carries everything in its query, keys in Go's sorted order, `pause=0` only for
 * `--pause=false`. It prints the new image's full ID.
 */
import { familiarName, parseReference } from '../../../sim/images/reference';
import { failed } from '../client';
import type { DockerCommand } from '../command';
import { flagOf, listOf } from '../flags';

/** Go's url.QueryEscape, close enough: spaces as `+`. */
const escape = (value: string): string => encodeURIComponent(value).replace(/%20/g, '+');

export const commit: DockerCommand = {
  path: 'commit',
  args: { kind: 'range', min: 1, max: 2 },
  interspersed: false,
  run: ({ ctx, client, flags, args }) => {
    const [container = '', reference] = args;
    let repo = '';
    let tag = '';
    if (reference !== undefined && reference !== '') {
      const parsed = parseReference(reference);
      if (!parsed.ok) {
        ctx.err(`${parsed.error}\n`);
        return 1;
      }
      if (parsed.ref.digest) {
        ctx.err('refusing to create a tag with a digest reference\n');
        return 1;
      }
      repo = familiarName(parsed.ref);
      tag = parsed.ref.tag ?? 'latest';
    }
    const pairs: [string, string][] = [
      ['author', flagOf(flags, 'author') ?? ''],
      ...listOf(flags, 'change').map((c): [string, string] => ['changes', c]),
      ['comment', flagOf(flags, 'message') ?? ''],
      ['container', container],
      ...(flagOf(flags, 'pause') === 'false' ? [['pause', '0'] as [string, string]] : []),
      ['repo', repo],
      ['tag', tag],
    ];
    const query = pairs.map(([k, v]) => `${k}=${escape(v)}`).join('&');
    const response = client.post(`/commit?${query}`);
    if (failed(ctx, response)) return 1;
    ctx.out(`${(response.body as { Id?: string } | undefined)?.Id ?? ''}\n`);
    return 0;
  },
};
