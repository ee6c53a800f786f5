/**
 * The lesson format: a lesson is data, checked by this schema (zod) when it is loaded, in the
 * tests and at run time alike, so that a broken lesson is refused with a message naming the
 * lesson, the step and the field, never half-played.
 *
 * A lesson: id, title, summary, level, estimated minutes, the world it starts from (era,
 * live-restore, terminal lines run before it starts), and steps. A step has narration (short
 * Markdown), optionally lines the player runs as a demo, optionally a task for the learner
 * (a goal, a check on the simulated world, hints one at a time, a reference solution, a par
 * count of commands) and optionally multiple-choice questions with explanations.
 */
import { z } from 'zod';
import { containerMachine } from '../machines';

export const LESSON_SCHEMA_VERSION = 1;

const line = z.string().min(1).max(500);
const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lowercase letters, digits and dashes')
  .max(60);

/** A condition on the simulated world (checks.ts evaluates it). */
export type Check =
  | { readonly kind: 'container'; readonly name: string; readonly state: string }
  | { readonly kind: 'noContainer'; readonly name: string }
  | { readonly kind: 'process'; readonly name: string; readonly alive: boolean }
  | { readonly kind: 'daemon'; readonly service: 'dockerd' | 'containerd'; readonly state: string }
  | { readonly kind: 'liveRestore'; readonly enabled: boolean }
  | { readonly kind: 'image'; readonly ref: string; readonly present: boolean }
  | { readonly kind: 'exitCode'; readonly name: string; readonly code: number }
  | { readonly kind: 'all'; readonly checks: readonly Check[] }
  | { readonly kind: 'any'; readonly checks: readonly Check[] };

/** The states Docker reports, from the container's lifecycle machine (`removed` is none). */
const containerStates = Object.keys(containerMachine.config.states ?? {}).filter(
  (state) => state !== 'removed',
) as [string, ...string[]];
const daemonStates = ['down', 'restarting', 'restoring', 'reconnecting', 'up', 'stopping'] as const;

export const checkSchema: z.ZodType<Check> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('container'), name: line, state: z.enum(containerStates) }).strict(),
    z.object({ kind: z.literal('noContainer'), name: line }).strict(),
    z.object({ kind: z.literal('process'), name: line, alive: z.boolean() }).strict(),
    z
      .object({
        kind: z.literal('daemon'),
        service: z.enum(['dockerd', 'containerd']),
        state: z.enum(daemonStates),
      })
      .strict(),
    z.object({ kind: z.literal('liveRestore'), enabled: z.boolean() }).strict(),
    z.object({ kind: z.literal('image'), ref: line, present: z.boolean() }).strict(),
    z.object({ kind: z.literal('exitCode'), name: line, code: z.number().int() }).strict(),
    z.object({ kind: z.literal('all'), checks: z.array(checkSchema).min(1) }).strict(),
    z.object({ kind: z.literal('any'), checks: z.array(checkSchema).min(1) }).strict(),
  ]),
);

const questionSchema = z
  .object({
    prompt: z.string().min(1).max(500),
    choices: z
      .array(z.object({ text: z.string().min(1).max(300), correct: z.boolean() }).strict())
      .min(2)
      .max(6)
      .refine((choices) => choices.some((c) => c.correct), 'at least one choice must be correct'),
    explanation: z.string().min(1).max(1000),
  })
  .strict();

const taskSchema = z
  .object({
    goal: z.string().min(1).max(300),
    check: checkSchema,
    hints: z.array(z.string().min(1).max(500)).max(5).default([]),
    solution: z.array(line).min(1).max(20),
    /** How many commands the reference solution needs: shown after success. */
    par: z.number().int().positive().max(20).optional(),
  })
  .strict();

const stepSchema = z
  .object({
    id,
    narration: z.string().min(1).max(2000),
    run: z.array(line).max(20).optional(),
    task: taskSchema.optional(),
    questions: z.array(questionSchema).max(5).optional(),
  })
  .strict();

export const lessonSchema = z
  .object({
    schemaVersion: z.literal(LESSON_SCHEMA_VERSION),
    id,
    title: z.string().min(1).max(120),
    summary: z.string().min(1).max(400),
    level: z.enum(['beginner', 'intermediate', 'advanced']),
    minutes: z.number().int().min(1).max(120),
    start: z
      .object({
        era: z.enum(['monolith', 'split', 'modern']).default('modern'),
        liveRestore: z.boolean().default(false),
        /** Terminal lines run before the lesson starts (its starting world). */
        setup: z.array(line).max(30).default([]),
      })
      .strict(),
    steps: z
      .array(stepSchema)
      .min(1)
      .max(30)
      .refine((steps) => new Set(steps.map((s) => s.id)).size === steps.length, 'step ids repeat'),
  })
  .strict();

export type Lesson = z.infer<typeof lessonSchema>;
export type LessonStep = Lesson['steps'][number];
export type LessonTask = NonNullable<LessonStep['task']>;

export type Parsed = { ok: true; lesson: Lesson } | { ok: false; error: string };

/**
 * Validates a lesson (a file's JSON, or one loaded at run time). The error names the lesson,
 * the step (by its id) and the field, in words a lesson author can act on.
 */
export function parseLesson(input: unknown): Parsed {
  const result = lessonSchema.safeParse(input);
  if (result.success) return { ok: true, lesson: result.data };
  const raw = input as { id?: unknown; steps?: unknown } | null;
  const lessonId = typeof raw?.id === 'string' ? raw.id.slice(0, 60) : '(no id)';
  const issue = result.error.issues[0];
  const path = issue?.path ?? [];
  let where = path.join('.');
  if (path[0] === 'steps' && typeof path[1] === 'number') {
    const steps = Array.isArray(raw?.steps) ? (raw.steps as { id?: unknown }[]) : [];
    const stepId = steps[path[1]]?.id;
    const name = typeof stepId === 'string' ? `"${stepId.slice(0, 60)}"` : `#${path[1] + 1}`;
    where = [`step ${name}`, ...path.slice(2)].join('.');
  }
  return {
    ok: false,
    error: `lesson "${lessonId}": ${where || 'the lesson'}: ${issue?.message ?? 'invalid'}`,
  };
}
