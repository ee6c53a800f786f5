/**
 * `docker diff CONTAINER` (docker/cli cli/command/container/diff.go): `GET
 * /containers/{name}/changes`, each change printed as `{{.Type}} {{.Path}}` in the order the
 * daemon gives: `C /etc`, `A /etc/motd`, `D /etc/alpine-release`. Nothing when nothing changed.
 */
import { failed, segment } from '../client';
import type { DockerCommand } from '../command';

const KIND = ['C', 'A', 'D'];

export const diff: DockerCommand = {
  path: 'diff',
  args: { kind: 'exact', n: 1 },
  run: ({ ctx, client, args }) => {
    const response = client.get(`/containers/${segment(args[0] ?? '')}/changes`);
    if (failed(ctx, response)) return 1;
    const changes = (response.body ?? []) as { Path: string; Kind: number }[];
    for (const change of changes) ctx.out(`${KIND[change.Kind] ?? ''} ${change.Path}\n`);
    return 0;
  },
};
