/**
 * What the app may send to POST /_anatomy/input: the host inputs its buttons make (a signal,
 * systemctl, a file write, a fault armed), checked field by field with zod. Lines and Ctrl-C
 * go through the shared terminal instead; time is the bridge's own clock; Engine API requests
 * come over the real ports. Anything else is refused with a message, never passed on.
 */
import { z } from 'zod';
import type { Input } from '../src/sim/inputs';

const name = z.string().min(1).max(200);

const signalTarget = z.union([
  z.object({ pid: z.number().int().positive() }).strict(),
  z.object({ service: z.enum(['dockerd', 'containerd']) }).strict(),
  z.object({ shim: name }).strict(),
  z.object({ container: name }).strict(),
]);

const liveInput = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('signal'),
      target: signalTarget,
      signal: z.string().regex(/^SIG[A-Z0-9]+$/),
    })
    .strict(),
  z
    .object({
      kind: z.literal('systemctl'),
      action: z.enum(['start', 'stop', 'restart', 'reload']),
      unit: z.enum(['docker', 'containerd']),
    })
    .strict(),
  z
    .object({
      kind: z.literal('writeFile'),
      path: z.string().startsWith('/').max(4096),
      content: z.string().max(1_000_000),
    })
    .strict(),
  z.object({ kind: z.literal('armFault'), fault: z.literal('killRuncOnNextStart') }).strict(),
]);

export type LiveInputResult = { ok: true; input: Input } | { ok: false; message: string };

export function parseLiveInput(body: unknown): LiveInputResult {
  const input = (body as { input?: unknown } | null)?.input;
  const parsed = liveInput.safeParse(input);
  if (parsed.success) return { ok: true, input: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue?.path.join('.') || 'input';
  return {
    ok: false,
    message: `not an input the app can send: ${where}: ${issue?.message ?? 'invalid'}`,
  };
}
