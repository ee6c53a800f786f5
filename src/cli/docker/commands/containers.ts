/**
 * The commands that act on containers by name or ID, one request per argument, printing each
 * name as given on success and each error as it comes (exit 1 if any failed): start, stop,
 * kill, restart, pause, unpause, rm; and wait and top.
 */
import type { CommandOutcome, Job } from '../../shell/types';
import { errorText, isError, query, segment, failed } from '../client';
import { forEachName, type DockerCall, type DockerCommand } from '../command';
import { boolOf, flagOf } from '../flags';
import { tabwrite } from '../../tabwriter';

function simple(
  path: string,
  verb: string,
  q: (call: DockerCall) => string = () => '',
): DockerCommand {
  return {
    path,
    args: { kind: 'min', n: 1 },
    run: (call) =>
      forEachName(call, (ref) => call.client.post(`/containers/${segment(ref)}/${verb}${q(call)}`)),
  };
}

const timeoutQuery = (call: DockerCall): string => {
  const t = flagOf(call.flags, 'timeout') ?? flagOf(call.flags, 'time');
  return query({ signal: flagOf(call.flags, 'signal'), t });
};

export const start: DockerCommand = simple('start', 'start');
export const stop: DockerCommand = simple('stop', 'stop', timeoutQuery);
export const restart: DockerCommand = simple('restart', 'restart', timeoutQuery);
export const pause: DockerCommand = simple('pause', 'pause');
export const unpause: DockerCommand = simple('unpause', 'unpause');
export const kill: DockerCommand = simple('kill', 'kill', (call) =>
  query({ signal: flagOf(call.flags, 'signal') }),
);

export const rm: DockerCommand = {
  path: 'rm',
  args: { kind: 'min', n: 1 },
  run: (call) =>
    forEachName(call, (ref) =>
      call.client.delete(
        `/containers/${segment(ref)}${query({ v: boolOf(call.flags, 'volumes'), force: boolOf(call.flags, 'force') })}`,
      ),
    ),
};

/** `docker wait`: prints each container's exit status once it has stopped. */
export const wait: DockerCommand = {
  path: 'wait',
  args: { kind: 'min', n: 1 },
  run: (call): CommandOutcome => {
    const pending = call.args.map((ref) => ({
      ref,
      response: call.client.post(`/containers/${segment(ref)}/wait`),
    }));
    let status = 0;
    const waiting: typeof pending = [];
    for (const p of pending) {
      if (isError(p.response)) {
        call.ctx.err(`${errorText(p.response)}\n`);
        status = 1;
      } else waiting.push(p);
    }
    const job: Job = {
      poll: () => {
        while (waiting.length > 0) {
          const next = waiting[0];
          if (!next) break;
          const body = next.response.body as { StatusCode?: number } | undefined;
          const result = next.response.wait ? call.ctx.host.waitResult(next.response.wait) : body;
          if (!result) return null;
          call.ctx.out(`${result.StatusCode ?? 0}\n`);
          waiting.shift();
        }
        return status;
      },
      interrupt: () => 130,
    };
    return job.poll() ?? job;
  },
};

/** `docker top CONTAINER [ps OPTIONS]`. */
export const top: DockerCommand = {
  path: 'top',
  args: { kind: 'min', n: 1 },
  run: ({ ctx, client, args }) => {
    const [ref = '', ...psArgs] = args;
    const response = client.get(
      `/containers/${segment(ref)}/top${query({ ps_args: psArgs.length ? psArgs.join(' ') : undefined })}`,
    );
    if (failed(ctx, response)) return 1;
    const body = response.body as { Titles?: string[]; Processes?: string[][] };
    const lines = [body.Titles ?? [], ...(body.Processes ?? [])].map((row) => row.join('\t'));
    // docker top's own writer is wider than the tables': tabwriter.NewWriter(out, 20, 1, 3, ' ', 0).
    ctx.out(tabwrite(lines, { minwidth: 20, padding: 3 }));
    return 0;
  },
};
