/**
 * `docker exec` for tests, as the CLI sends it (create, attached start, inspect), returning what
 * a user would read: the program's stdout and stderr and the exit code the CLI reports.
 */
import type { StdioFrame } from '../api/types';
import type { Driver } from './driver';

export interface ExecResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number | null;
}

const joined = (frames: readonly StdioFrame[], stream: StdioFrame['stream']): string =>
  frames
    .filter((f) => f.stream === stream)
    .map((f) => f.data)
    .join('');

export function execIn(d: Driver, ref: string, cmd: readonly string[]): ExecResult {
  const created = d.api('POST', `/containers/${ref}/exec`, {
    Cmd: cmd,
    AttachStdout: true,
    AttachStderr: true,
  });
  const id = (created.body as { Id?: string } | undefined)?.Id;
  if (created.status !== 201 || !id)
    throw new Error(`exec create failed: ${created.status} ${JSON.stringify(created.body)}`);
  const frames = d.api('POST', `/exec/${id}/start`, { Detach: false, Tty: false }).frames ?? [];
  const inspect = d.api('GET', `/exec/${id}/json`).body as { ExitCode: number | null };
  return {
    stdout: joined(frames, 'stdout'),
    stderr: joined(frames, 'stderr'),
    exitCode: inspect.ExitCode,
  };
}

/** `docker exec REF sh -c SCRIPT`. */
export function shIn(d: Driver, ref: string, script: string): ExecResult {
  return execIn(d, ref, ['sh', '-c', script]);
}
