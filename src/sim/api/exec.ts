/**
 * The exec routes of the Engine API, answered as dockerd does (moby
 * daemon/server/router/container/exec.go). The real CLI's `docker exec CONTAINER CMD...`
 * (docker/cli cli/command/container/exec.go, RunExec):
 *   1. `GET /containers/{name}/json` (a dummy inspect, so that "No such container" comes first)
 *   2. `POST /containers/{name}/exec` -> 201 `{"Id"}`
 *   3. `-d`: `POST /exec/{id}/start` `{"Detach":true}` -> 200, and the CLI exits 0;
 *      otherwise the same call hijacked (`Upgrade: tcp`) -> `101 UPGRADED`, output until exit,
 *      with `-t` on a terminal `POST /exec/{id}/resize?h=&w=`,
 *   4. `GET /exec/{id}/json`, whose `ExitCode` becomes the CLI's exit status.
 * Once the connection is hijacked, a failed start is written into the stream as `<error>\r\n`
 * (still 101); detached, it is an ordinary error answer.
 */
import { activeExec, createExec, resizeExec } from '../daemon/exec';
import { detachKeyBytes } from '../daemon/execConfig';
import { startExec } from '../daemon/execStart';
import { gcStage, visibleExec } from '../daemon/execStore';
import type { StdioFrame } from './types';
import {
  apiError,
  asRecord,
  asString,
  asStringArray,
  fromResult,
  json,
  type Handler,
} from './http';

/** An attached start waits inside the request for programs that end by themselves this soon. */
export const ATTACH_WAIT_MS = 100;

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Go's JSON encoding of a []byte. */
function base64(bytes: readonly number[]): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a = 0, b = 0, c = 0] = bytes.slice(i, i + 3);
    const n = (a << 16) | (b << 8) | c;
    const chars = [n >> 18, (n >> 12) & 63, (n >> 6) & 63, n & 63].map((k) => B64[k] ?? '');
    const kept = Math.min(4, bytes.length - i + 1);
    text += chars.slice(0, kept).join('') + '='.repeat(4 - kept);
  }
  return text;
}

function atLeast(version: string, min: string): boolean {
  const [a = 0, b = 0] = version.split('.').map(Number);
  const [c = 0, d = 0] = min.split('.').map(Number);
  return a !== c ? a > c : b >= d;
}

function consoleSize(value: unknown): [number, number] | null {
  if (!Array.isArray(value) || value.length !== 2) return null;
  const [rows, cols] = value;
  return typeof rows === 'number' && typeof cols === 'number' ? [rows, cols] : null;
}

export const create: Handler = (ctx) => {
  const b = asRecord(ctx.body);
  const cmd = asStringArray(b['Cmd']);
  if (!cmd || cmd.length === 0) return apiError(400, 'No exec command specified');
  const result = createExec(ctx.h, ctx.params[0] ?? '', {
    cmd,
    env: asStringArray(b['Env']) ?? [],
    user: asString(b['User']) ?? '',
    workingDir: asString(b['WorkingDir']) ?? '',
    tty: b['Tty'] === true,
    privileged: b['Privileged'] === true,
    attachStdin: b['AttachStdin'] === true,
    attachStdout: b['AttachStdout'] === true,
    attachStderr: b['AttachStderr'] === true,
    detachKeys: asString(b['DetachKeys']) ?? '',
    consoleSize: atLeast(ctx.version, '1.42') ? consoleSize(b['ConsoleSize']) : null,
  });
  return fromResult(result, (id) => json(201, { Id: id }));
};

export const start: Handler = (ctx) => {
  const h = ctx.h;
  const id = ctx.params[0] ?? '';
  const b = asRecord(ctx.body);
  // ExecExists runs before the connection is hijacked: these errors are plain answers.
  const active = activeExec(h, id);
  if (!active.ok) return apiError(active.status, active.message);
  const { exec } = active.value;
  const streamTty = b['Tty'] === true;
  const size = atLeast(ctx.version, '1.42') && streamTty ? consoleSize(b['ConsoleSize']) : null;
  const started = startExec(h, id, size);
  if (b['Detach'] === true)
    return started.ok ? { status: 200, headers: {} } : apiError(started.status, started.message);

  let frames: StdioFrame[];
  if (started.ok) {
    const { runsForMs } = started.value;
    if (runsForMs !== null && runsForMs <= ATTACH_WAIT_MS)
      h.elapseUntil(() => h.world.execs[id]?.running !== true, runsForMs + 50);
    frames = started.value.frames.filter((f) =>
      f.stream === 'stdout' ? exec.openStdout : exec.openStderr,
    );
  } else {
    frames = [{ stream: 'stdout', data: `${started.message}\r\n` }];
  }
  // A terminal has one stream, and its line discipline turns "\n" into "\r\n".
  if (streamTty)
    frames = frames.map((f) => ({ stream: 'stdout', data: f.data.replace(/\r?\n/g, '\r\n') }));
  const multiplexed = !streamTty && atLeast(ctx.version, '1.42');
  return {
    status: 101,
    headers: {
      'Content-Type': multiplexed
        ? 'application/vnd.docker.multiplexed-stream'
        : 'application/vnd.docker.raw-stream',
      Connection: 'Upgrade',
      Upgrade: 'tcp',
    },
    frames,
    execStream: { execId: id, tty: streamTty },
  };
};

export const inspect: Handler = (ctx) => {
  const id = ctx.params[0] ?? '';
  const e = visibleExec(ctx.h, id);
  if (!e) return apiError(404, `No such exec instance: ${id}`);
  return json(200, {
    ID: e.id,
    Running: e.running,
    ExitCode: e.exitCode,
    ProcessConfig: {
      tty: e.tty,
      entrypoint: e.entrypoint,
      arguments: e.args,
      privileged: e.privileged,
      ...(e.user ? { user: e.user } : {}),
    },
    OpenStdin: e.openStdin,
    OpenStderr: e.openStderr,
    OpenStdout: e.openStdout,
    CanRemove: gcStage(ctx.h, e) === 'removable',
    ContainerID: e.containerId,
    DetachKeys: base64(detachKeyBytes(e.detachKeys) ?? []),
    Pid: e.pid,
  });
};

/** httputils.Uint32Value: empty is 0; anything else must parse as a uint32. */
function uint32(ctx: Parameters<Handler>[0], key: 'h' | 'w'): number | string {
  const raw = ctx.query.get(key) ?? '';
  if (raw === '') return 0;
  const what = key === 'h' ? 'height' : 'width';
  if (!/^\d+$/.test(raw))
    return `invalid resize ${what} "${raw}": strconv.ParseUint: parsing "${raw}": invalid syntax`;
  if (Number(raw) > 0xffffffff)
    return `invalid resize ${what} "${raw}": strconv.ParseUint: parsing "${raw}": value out of range`;
  return Number(raw);
}

export const resize: Handler = (ctx) => {
  const height = uint32(ctx, 'h');
  if (typeof height === 'string') return apiError(400, height);
  const width = uint32(ctx, 'w');
  if (typeof width === 'string') return apiError(400, width);
  return fromResult(resizeExec(ctx.h, ctx.params[0] ?? '', height, width), () => ({
    status: 200,
    headers: {},
  }));
};
