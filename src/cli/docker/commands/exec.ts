/**
 * `docker exec [-d] [-i] [-t] [-e K=V] [-w DIR] [-u USER] CONTAINER COMMAND [ARG...]`, request by
 * request as docker 28 sends it (docker/cli RunExec): inspect the container (so that "No such
 * container" comes first), create the exec, start it (detached, or hijacked for its output),
 * then inspect the exec for the exit code, which becomes the CLI's own.
 */
import type { CommandOutcome, Job } from '../../shell/types';
import { segment, failed } from '../client';
import type { DockerCommand } from '../command';
import { boolOf, flagOf, listOf } from '../flags';

export const exec: DockerCommand = {
  path: 'exec',
  args: { kind: 'min', n: 2 },
  interspersed: false,
  run: ({ ctx, client, flags, args }): CommandOutcome => {
    const [ref = '', ...cmd] = args;
    const inspected = client.get(`/containers/${segment(ref)}/json`);
    if (failed(ctx, inspected)) return 1;
    const detach = boolOf(flags, 'detach');
    const tty = boolOf(flags, 'tty');
    const interactive = boolOf(flags, 'interactive');
    const env = listOf(flags, 'env');
    const created = client.post(`/containers/${segment(ref)}/exec`, {
      User: flagOf(flags, 'user') ?? '',
      Privileged: boolOf(flags, 'privileged'),
      Tty: tty,
      AttachStdin: interactive && !detach,
      AttachStderr: !detach,
      AttachStdout: !detach,
      Detach: detach,
      DetachKeys: '',
      Env: env.length > 0 ? env : null,
      WorkingDir: flagOf(flags, 'workdir') ?? '',
      Cmd: cmd,
    });
    if (failed(ctx, created)) return 1;
    const id = (created.body as { Id: string }).Id;
    const started = client.post(`/exec/${id}/start`, { Detach: detach, Tty: tty });
    if (detach) {
      if (failed(ctx, started)) return 1;
      return 0;
    }
    for (const frame of started.frames ?? []) {
      if (frame.stream === 'stdout' || tty) ctx.out(frame.data.replace(/\r\n/g, '\n'));
      else ctx.err(frame.data);
    }
    const finish = (): number => {
      const inspectedExec = client.get(`/exec/${id}/json`);
      if (failed(ctx, inspectedExec)) return 1;
      return (inspectedExec.body as { ExitCode?: number | null }).ExitCode ?? 0;
    };
    const running = () => ctx.host.world.execs[id]?.running === true;
    if (!running()) return finish();
    if (tty && interactive) {
      ctx.err(
        '(docker-anatomy: typing into a program inside a container is not simulated. It keeps running in the container; see it with `docker top`.)\n',
      );
      return 0;
    }
    const job: Job = {
      poll: () => (running() ? null : finish()),
      interrupt: () => 130,
    };
    return job;
  },
};
