/**
 * The checks of progress read back from storage or an imported file (progress.ts says what
 * is kept): zod/mini schemas, made on first use.
 *
 * Contract: nothing is trusted; anything that does not match the versioned schema is refused
 * as a whole, with a reason.
 */
import '../zodSetup';
import * as z from 'zod/mini';
import { once } from '../once';
import { firstIssue, otherVersion, parseJsonText } from '../savedJson';
import { browserStorage, readStored, writeStored } from '../storage';
import {
  EMPTY_PROGRESS,
  PROGRESS_KEY,
  PROGRESS_MAX_BYTES,
  PROGRESS_VERSION,
  writeProgress,
} from './progress';

const id = () => z.string().check(z.maxLength(60));
const count = (max: number) => z.int().check(z.minimum(0), z.maximum(max));

/** One lesson's progress (zod/mini; the schemas are made on first use). */
const lessonProgressSchema = once(() =>
  z.strictObject({
    step: count(100),
    /** Ids of the steps whose task passed. */
    passed: z.array(id()).check(z.maxLength(100)),
    /** Commands typed for each passed task, when the learner did it alone. */
    commands: z.record(id(), count(10_000)),
    completed: z.boolean(),
  }),
);

const progressSchema = once(() =>
  z.strictObject({
    app: z.literal('docker-anatomy'),
    version: z.literal(PROGRESS_VERSION),
    lessons: z.record(id(), lessonProgressSchema()),
  }),
);

export type Progress = z.infer<ReturnType<typeof progressSchema>>;
export type LessonProgress = z.infer<ReturnType<typeof lessonProgressSchema>>;

export type ProgressRead = { ok: true; progress: Progress } | { ok: false; reason: string };

/** Reads progress from text (storage or a file), or says why it cannot. */
export function readProgress(text: string): ProgressRead {
  const read = parseJsonText(text, PROGRESS_MAX_BYTES, 'the file is too large');
  if (!read.ok) return read;
  const version = otherVersion(read.json, PROGRESS_VERSION);
  if (version) return { ok: false, reason: version };
  const parsed = progressSchema().safeParse(read.json);
  if (!parsed.success) return { ok: false, reason: firstIssue(parsed.error, 'the file') };
  return { ok: true, progress: parsed.data };
}

/**
 * The progress saved in this browser. Unreadable progress is replaced by a clean one at once
 * (so the learner is told once, by whoever reads it first) and `problem` says why.
 */
export function loadSavedProgress(): { progress: Progress; problem: string | null } {
  const text = readStored(browserStorage(), PROGRESS_KEY);
  if (text === null) return { progress: EMPTY_PROGRESS, problem: null };
  const read = readProgress(text);
  if (read.ok) return { progress: read.progress, problem: null };
  writeStored(browserStorage(), PROGRESS_KEY, writeProgress(EMPTY_PROGRESS));
  return { progress: EMPTY_PROGRESS, problem: read.reason };
}
