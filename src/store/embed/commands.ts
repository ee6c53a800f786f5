/**
 * The commands an embedding page may post (messages.ts lists them), checked before anything
 * is done with one.
 *
 * Contract: `readCommand` takes anything and returns a command or null; nothing that is not
 * exactly a known command of this version gets through. Origins are checked by the caller.
 */
import '../zodSetup';
import * as z from 'zod/mini';
import { once } from '../once';
import { SPEEDS } from '../playback';
import { EMBED_API, EMBED_API_VERSION } from './messages';

/** Whether `value` can be written as JSON text (the app loads a posted lesson from its text). */
function isJson(value: unknown): boolean {
  try {
    JSON.stringify(value);
    return true;
  } catch {
    return false;
  }
}

/** The commands (zod/mini, made on first use: most pages embed nothing and post nothing). */
const commandSchema = once(() => {
  const envelope = { api: z.literal(EMBED_API), version: z.literal(EMBED_API_VERSION) };
  const command = <T extends string, S extends z.core.$ZodLooseShape>(type: T, shape: S) =>
    z.strictObject({ ...envelope, type: z.literal(type), ...shape });
  return z.discriminatedUnion('type', [
    command('startLesson', { lesson: z.string().check(z.maxLength(60)) }),
    command('goToStep', { step: z.int().check(z.minimum(1), z.maximum(100)) }),
    command('next', {}),
    command('previous', {}),
    command('play', {}),
    command('pause', {}),
    command('setSpeed', {
      speed: z
        .number()
        .check(z.refine((s) => (SPEEDS as readonly number[]).includes(s), 'a known speed')),
    }),
    command('run', {
      command: z
        .string()
        .check(z.minLength(1), z.maxLength(500), z.regex(/^[^\n\r]*$/, 'one line')),
    }),
    // The lesson itself is checked by the lesson schema when it is loaded, from its JSON text:
    // what JSON cannot say (a cycle, a BigInt, both of which postMessage carries) is no lesson.
    command('loadLesson', { lesson: z.unknown().check(z.refine(isJson)) }),
  ]);
});

export type EmbedCommand = z.infer<ReturnType<typeof commandSchema>>;

/** A command of this API version, or null for anything else. */
export function readCommand(data: unknown): EmbedCommand | null {
  const parsed = commandSchema().safeParse(data);
  return parsed.success ? parsed.data : null;
}
