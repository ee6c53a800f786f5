/**
 * `docker logs [-f] [--tail N] [-t] CONTAINER`: inspect first (the CLI needs `Config.Tty` to
 * know whether the stream is framed), then `GET /containers/{id}/logs`. With `-f` the terminal
 * follows new output until the container stops or Ctrl-C.
 */
import type { CommandOutcome, Job } from '../../shell/types';
import { query, segment, failed } from '../client';
import type { DockerCommand } from '../command';
import { boolOf, flagOf } from '../flags';

export const logs: DockerCommand = {
  path: 'logs',
  args: { kind: 'exact', n: 1 },
  run: ({ ctx, client, flags, args }): CommandOutcome => {
    const ref = args[0] ?? '';
    const inspected = client.get(`/containers/${segment(ref)}/json`);
    if (failed(ctx, inspected)) return 1;
    const info = inspected.body as {
      Id: string;
      Config?: { Tty?: boolean };
      State?: { Running?: boolean };
    };
    const follow = boolOf(flags, 'follow');
    const response = client.get(
      `/containers/${info.Id}/logs${query({
        follow,
        stderr: true,
        stdout: true,
        tail: flagOf(flags, 'tail') ?? 'all',
        timestamps: boolOf(flags, 'timestamps'),
      })}`,
    );
    if (failed(ctx, response)) return 1;
    for (const frame of response.frames ?? []) {
      if (frame.stream === 'stdout' || info.Config?.Tty) ctx.out(frame.data);
      else ctx.err(frame.data);
    }
    if (!follow || !info.State?.Running) return 0;
    let seen = ctx.host.trace.length - 1;
    const job: Job = {
      poll: () => {
        for (const frame of ctx.host.outputSince(info.Id, seen)) {
          if (frame.stream === 'stdout' || info.Config?.Tty) ctx.out(frame.data);
          else ctx.err(frame.data);
        }
        seen = ctx.host.trace.length - 1;
        const c = ctx.host.world.containers[info.Id];
        return c && (c.state === 'running' || c.state === 'paused' || c.state === 'restarting')
          ? null
          : 0;
      },
      interrupt: () => 130,
    };
    return job;
  },
};
