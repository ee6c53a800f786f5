/**
 * `docker create` and `docker run`, request by request as the real CLI sends them
 * (ENGINE-API.md): create; on 404 "Unable to find image" and a pull, then create again; for
 * `run`, attach first when attached, then `wait` (next-exit, or removed with --rm), then
 * start. Detached, it prints the ID; attached, the terminal stays with the container's output
 * until it exits, and the exit status is the container's (125 for Docker's own errors, 126
 * and 127 when the program cannot be run, as the daemon reports them).
 */
import type { PendingWait } from '../../../sim/api/types';
import type { CommandContext, CommandOutcome, Job } from '../../shell/types';
import { errorText, isError, query, segment, type EngineClient } from '../client';
import type { DockerCall, DockerCommand } from '../command';
import { boolOf, flagOf } from '../flags';
import { createBody } from './createBody';
import { pullImage, taggedName } from './pullStream';

/** `docker: <message>` plus the pointer to help, exit 125: how `run` and `create` fail. */
function runFailure(ctx: CommandContext, name: string, message: string): number {
  ctx.err(`docker: ${message}\n\nRun '${name} --help' for more information\n`);
  return 125;
}

/** The daemon's start error for a program that cannot run: 126 (not executable) or 127 (not found). */
function startStatus(message: string): number {
  if (/executable file not found|no such file or directory/.test(message)) return 127;
  if (/permission denied|is a directory/.test(message)) return 126;
  return 125;
}

type Created = { ok: true; id: string } | { ok: false; status: number };

function createContainer(call: DockerCall, attached: boolean): Created {
  const { ctx, client, flags, args } = call;
  const [image = '', ...command] = args;
  const built = createBody(flags, image, command, ctx.env, attached);
  if (!built.ok) return { ok: false, status: runFailure(ctx, call.name, built.error) };
  const name = flagOf(flags, 'name');
  const path = `/containers/create${query({ name })}`;
  const pullPolicy = flagOf(flags, 'pull') ?? 'missing';
  if (!['missing', 'always', 'never'].includes(pullPolicy))
    return {
      ok: false,
      status: runFailure(
        ctx,
        call.name,
        `invalid pull option: '${pullPolicy}': must be one of "always", "missing" or "never"`,
      ),
    };

  const pull = (): boolean => {
    const pulled = pullImage(client, image);
    if (!boolOf(flags, 'quiet')) for (const line of pulled.lines) ctx.err(`${line}\n`);
    if (!pulled.ok) runFailure(ctx, call.name, pulled.error);
    return pulled.ok;
  };
  if (pullPolicy === 'always' && !pull()) return { ok: false, status: 125 };
  let created = client.post(path, built.body);
  if (
    created.status === 404 &&
    pullPolicy === 'missing' &&
    /No such image/.test(errorText(created))
  ) {
    ctx.err(`Unable to find image '${taggedName(image)}' locally\n`);
    if (!pull()) return { ok: false, status: 125 };
    created = client.post(path, built.body);
  }
  if (isError(created))
    return { ok: false, status: runFailure(ctx, call.name, errorText(created)) };
  const body = created.body as { Id: string; Warnings?: string[] | null };
  for (const warning of body.Warnings ?? []) ctx.err(`WARNING: ${warning}\n`);
  return { ok: true, id: body.Id };
}

export const create: DockerCommand = {
  path: 'create',
  args: { kind: 'min', n: 1 },
  interspersed: false,
  run: (call) => {
    const created = createContainer(call, false);
    if (!created.ok) return created.status;
    call.ctx.out(`${created.id}\n`);
    return 0;
  },
};

/** The foreground part of an attached `docker run`: output until the container exits. */
class AttachedRun implements Job {
  private printedUpTo: number;
  private interrupts = 0;

  constructor(
    private readonly ctx: CommandContext,
    private readonly client: EngineClient,
    private readonly id: string,
    private readonly wait: PendingWait,
    private readonly tty: boolean,
  ) {
    this.printedUpTo = wait.afterSeq;
  }

  poll(): number | null {
    const host = this.ctx.host;
    for (const frame of host.outputSince(this.id, this.printedUpTo)) {
      if (frame.stream === 'stdout' || this.tty) this.ctx.out(frame.data);
      else this.ctx.err(frame.data);
    }
    this.printedUpTo = host.trace.length - 1;
    const result = host.waitResult(this.wait);
    return result ? result.StatusCode : null;
  }

  interrupt(): number | null {
    this.interrupts++;
    if (this.interrupts === 1) {
      // The CLI proxies the signal to the container (sig-proxy); with a TTY it is the terminal's ^C.
      this.client.post(`/containers/${this.id}/kill${query({ signal: 'SIGINT' })}`);
      return this.poll();
    }
    this.ctx.err(
      '\n(docker-anatomy: the real CLI would stay attached; this terminal lets go. The container keeps running: see `docker ps`.)\n',
    );
    return 130;
  }
}

export const run: DockerCommand = {
  path: 'run',
  args: { kind: 'min', n: 1 },
  interspersed: false,
  run: (call): CommandOutcome => {
    const { ctx, client, flags } = call;
    const detached = boolOf(flags, 'detach');
    if (
      detached &&
      boolOf(flags, 'rm') &&
      flagOf(flags, 'restart') &&
      flagOf(flags, 'restart') !== 'no'
    )
      return runFailure(ctx, call.name, 'Conflicting options: --restart and --rm');
    const created = createContainer(call, !detached);
    if (!created.ok) return created.status;
    const id = created.id;
    const tty = boolOf(flags, 'tty');
    if (!detached) {
      client.post(
        `/containers/${id}/attach${query({ stderr: true, stdin: boolOf(flags, 'interactive'), stdout: true, stream: true })}`,
      );
    }
    const condition = !detached && boolOf(flags, 'rm') ? 'removed' : 'next-exit';
    const waited = client.post(`/containers/${id}/wait${query({ condition })}`);
    const wait: PendingWait | undefined = waited.wait;
    const started = client.post(`/containers/${segment(id)}/start`);
    if (isError(started)) {
      const message = errorText(started);
      ctx.err(`docker: ${message}\n\nRun '${call.name} --help' for more information\n`);
      return startStatus(message);
    }
    if (detached) {
      ctx.out(`${id}\n`);
      return 0;
    }
    if (!wait) return 0;
    const job = new AttachedRun(ctx, client, id, wait, tty);
    const done = job.poll();
    if (done !== null) return done;
    if (tty && boolOf(flags, 'interactive')) {
      ctx.err(
        '(docker-anatomy: typing into a program inside a container is not simulated. The container keeps running with its terminal open; run commands in it with `docker exec`.)\n',
      );
      return 0;
    }
    return job;
  },
};
