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

/**
 * A condition on the simulated world (checks.ts evaluates it). Host checks read the host's
 * world (in a Swarm lesson, node-1's); `service` and `node` read the Swarm cluster;
 * `deployment` reads the Kubernetes cluster.
 */
export type Check =
  | { readonly kind: 'container'; readonly name: string; readonly state: string }
  | { readonly kind: 'noContainer'; readonly name: string }
  | { readonly kind: 'process'; readonly name: string; readonly alive: boolean }
  | { readonly kind: 'daemon'; readonly service: 'dockerd' | 'containerd'; readonly state: string }
  | { readonly kind: 'liveRestore'; readonly enabled: boolean }
  | { readonly kind: 'image'; readonly ref: string; readonly present: boolean }
  | { readonly kind: 'exitCode'; readonly name: string; readonly code: number }
  | { readonly kind: 'restartPolicy'; readonly name: string; readonly policy: string }
  | { readonly kind: 'init'; readonly name: string; readonly enabled: boolean }
  | { readonly kind: 'volume'; readonly name: string; readonly present: boolean }
  | { readonly kind: 'network'; readonly name: string; readonly present: boolean }
  | { readonly kind: 'attached'; readonly name: string; readonly network: string }
  | { readonly kind: 'published'; readonly name: string; readonly hostPort: number }
  | { readonly kind: 'file'; readonly path: string; readonly contains: string }
  /**
   * A message on the host's trace since the step began: an Engine API request, a gRPC or
   * ttRPC call, an exec, a signal, whose label contains `label` (`GET`, `/containers/json`).
   */
  | { readonly kind: 'traced'; readonly message: TracedKind; readonly label: string }
  | { readonly kind: 'service'; readonly name: string; readonly running: number }
  | { readonly kind: 'node'; readonly node: string; readonly state: string }
  | { readonly kind: 'deployment'; readonly name: string; readonly ready: number }
  | { readonly kind: 'all'; readonly checks: readonly Check[] }
  | { readonly kind: 'any'; readonly checks: readonly Check[] };

/** The states Docker reports, from the container's lifecycle machine (`removed` is none). */
const containerStates = Object.keys(containerMachine.config.states ?? {}).filter(
  (state) => state !== 'removed',
) as [string, ...string[]];
export const TRACED_KINDS = ['http-request', 'grpc', 'ttrpc', 'exec', 'signal'] as const;
export type TracedKind = (typeof TRACED_KINDS)[number];
const port = z.number().int().min(1).max(65535);
const count = z.number().int().min(0).max(1000);
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
    z
      .object({
        kind: z.literal('restartPolicy'),
        name: line,
        policy: z.enum(['no', 'on-failure', 'always', 'unless-stopped']),
      })
      .strict(),
    z.object({ kind: z.literal('init'), name: line, enabled: z.boolean() }).strict(),
    z.object({ kind: z.literal('volume'), name: line, present: z.boolean() }).strict(),
    z.object({ kind: z.literal('network'), name: line, present: z.boolean() }).strict(),
    z.object({ kind: z.literal('attached'), name: line, network: line }).strict(),
    z.object({ kind: z.literal('published'), name: line, hostPort: port }).strict(),
    z.object({ kind: z.literal('file'), path: line, contains: line }).strict(),
    z.object({ kind: z.literal('traced'), message: z.enum(TRACED_KINDS), label: line }).strict(),
    z.object({ kind: z.literal('service'), name: line, running: count }).strict(),
    z
      .object({
        kind: z.literal('node'),
        node: line,
        state: z.enum(['ready', 'down', 'unknown', 'disconnected']),
      })
      .strict(),
    z.object({ kind: z.literal('deployment'), name: line, ready: count }).strict(),
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

/**
 * What a demo runs: a terminal line, or a fault on a cluster machine (Swarm and Kubernetes
 * lessons; a host's faults are lines: `pkill -9 dockerd`, `systemctl stop containerd`).
 */
const faultSchema = z
  .object({
    fault: z.enum(['powerOff', 'partition', 'restore']),
    node: z.string().regex(/^[a-z0-9][a-z0-9-]{0,40}$/, 'a machine name (node-2, worker-1)'),
  })
  .strict();
export type Fault = z.infer<typeof faultSchema>;
const runItem = z.union([line, faultSchema]);
export type RunItem = z.infer<typeof runItem>;

const taskSchema = z
  .object({
    goal: z.string().min(1).max(300),
    check: checkSchema,
    hints: z.array(z.string().min(1).max(500)).max(5).default([]),
    solution: z.array(runItem).min(1).max(20),
    /** How many commands the reference solution needs: shown after success. */
    par: z.number().int().positive().max(20).optional(),
  })
  .strict();

const stepSchema = z
  .object({
    id,
    narration: z.string().min(1).max(2000),
    run: z.array(runItem).max(20).optional(),
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
        /**
         * The world the lesson plays on: one host (the session), a Swarm cluster whose
         * machines have joined (the terminal is on node-1, a manager), or a Kubernetes
         * cluster (the terminal is a laptop with kubectl).
         */
        world: z.enum(['host', 'swarm', 'kubernetes']).default('host'),
        /** The Swarm's shape (a swarm lesson): managers first, node-1 is the first. */
        managers: z.number().int().min(1).max(7).default(3),
        workers: z.number().int().min(0).max(7).default(2),
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
/** A lesson as authored: fields with defaults may be left out. */
export type LessonInput = z.input<typeof lessonSchema>;
export type LessonWorldKind = Lesson['start']['world'];
export type LessonStep = Lesson['steps'][number];
export type LessonTask = NonNullable<LessonStep['task']>;

export type Parsed = { ok: true; lesson: Lesson } | { ok: false; error: string };

/**
 * How deep a lesson's JSON may nest. A real lesson nests under a dozen levels; the schema's
 * checks recurse once per level and overflow the stack near a thousand (`all` inside `all`
 * inside ...), which would throw instead of refusing the file.
 */
export const MAX_LESSON_DEPTH = 64;
/** A refusal quotes at most this much of the schema's message (it may quote keys in full). */
const MAX_MESSAGE = 200;

/** The path to a value nested deeper than MAX_LESSON_DEPTH, or null. Iterative: any depth. */
function tooDeep(input: unknown): PropertyKey[] | null {
  const stack: { value: unknown; path: PropertyKey[] }[] = [{ value: input, path: [] }];
  for (let next = stack.pop(); next; next = stack.pop()) {
    if (typeof next.value !== 'object' || next.value === null) continue;
    if (next.path.length >= MAX_LESSON_DEPTH) return next.path;
    const array = Array.isArray(next.value);
    for (const [key, value] of Object.entries(next.value))
      stack.push({ value, path: [...next.path, array ? Number(key) : key] });
  }
  return null;
}

/**
 * Validates a lesson (a file's JSON, or one loaded at run time). The error names the lesson,
 * the step (by its id) and the field, in words a lesson author can act on.
 */
export function parseLesson(input: unknown): Parsed {
  const raw = input as { id?: unknown; steps?: unknown } | null;
  const lessonId = typeof raw?.id === 'string' ? raw.id.slice(0, 60) : '(no id)';
  const refuse = (path: readonly PropertyKey[], message: string): Parsed => {
    let where = path.map(String).join('.');
    if (path[0] === 'steps' && typeof path[1] === 'number') {
      const steps = Array.isArray(raw?.steps) ? (raw.steps as { id?: unknown }[]) : [];
      const stepId = steps[path[1]]?.id;
      const name = typeof stepId === 'string' ? `"${stepId.slice(0, 60)}"` : `#${path[1] + 1}`;
      where = [`step ${name}`, ...path.slice(2).map(String)].join('.');
    }
    const said = message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE)}…` : message;
    return { ok: false, error: `lesson "${lessonId}": ${where || 'the lesson'}: ${said}` };
  };
  const deep = tooDeep(input);
  if (deep) return refuse(deep.slice(0, 4), `nested more than ${MAX_LESSON_DEPTH} levels deep`);
  const result = lessonSchema.safeParse(input);
  if (result.success) return { ok: true, lesson: result.data };
  const issue = result.error.issues[0];
  return refuse(issue?.path ?? [], issue?.message ?? 'invalid');
}
