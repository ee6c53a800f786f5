/**
 * The postMessage API between the app in an iframe and the page that embeds it (version 1,
 * documented in the README).
 *
 * In, from the embedding page: `{ api: 'docker-anatomy', version: 1, type, ... }` with type
 *   startLesson {lesson}   goToStep {step (1-based)}   next   previous
 *   play   pause   setSpeed {speed}   run {command}   loadLesson {lesson (a lesson's JSON)}
 * Out, to the embedding page: the same envelope with type
 *   ready {version}   stepChanged {lesson, step (1-based), steps}   taskPassed {lesson, step}
 *   lessonCompleted {lesson}   commandRun {command}   refused {reason} (a command it could
 *   not carry out)
 *
 * Contract: `readCommand` takes anything and returns a command or null; nothing that is not
 * exactly a known command of this version gets through. Origins are checked by the caller.
 */
import '../zodSetup';
import * as z from 'zod/mini';
import { once } from '../once';
import { SPEEDS } from '../playback';

export const EMBED_API = 'docker-anatomy';
export const EMBED_API_VERSION = 1;

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

export type EmbedEvent =
  | { type: 'ready'; version: number }
  | { type: 'stepChanged'; lesson: string; step: number; steps: number }
  | { type: 'taskPassed'; lesson: string; step: number }
  | { type: 'lessonCompleted'; lesson: string }
  | { type: 'commandRun'; command: string }
  | { type: 'refused'; reason: string };

/** A command of this API version, or null for anything else. */
export function readCommand(data: unknown): EmbedCommand | null {
  const parsed = commandSchema().safeParse(data);
  return parsed.success ? parsed.data : null;
}

/** The message that carries `event` out. */
export function eventMessage(event: EmbedEvent) {
  return { api: EMBED_API, version: EMBED_API_VERSION, ...event };
}
