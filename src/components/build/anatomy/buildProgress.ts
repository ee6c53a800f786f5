/**
 * A build's progress at the playback cursor, step by step, as the classic builder reports it:
 * `Step 3/7 : RUN npm install` then a new layer, the cache, or only a config change.
 *
 * Contract: pure. The finished steps and the step count come from the build record in the world
 * at the cursor; the step under way (begun, not finished, so not in the record) from the
 * builder's own `Step n/N : KEYWORD` notes in the trace up to the cursor, found by walking back
 * from the cursor to the build's start, so the cost is the build's length, not the trace's.
 */
import type { TraceEntry } from '../../../sim/trace';
import type { BuildRecord, BuildStep, World } from '../../../sim/types';
import { isRunning } from './imageChoice';

/** `base`: a FROM step, which takes an image rather than the cache. */
export type StepOutcome = 'base' | 'cached' | 'layer' | 'config' | 'running' | 'failed';

export interface StepView {
  readonly n: number;
  /** `RUN npm install`; only the keyword for the step under way (its note names no more). */
  readonly instruction: string;
  readonly line: number | null;
  readonly outcome: StepOutcome;
  /** Size of the new layer (outcome `layer` or a cached step that has one). */
  readonly size: number | null;
  /** The layer the step added or reused, or null. */
  readonly layer: string | null;
}

export interface BuildProgress {
  readonly build: BuildRecord;
  readonly state: 'running' | 'done' | 'failed';
  /** Steps in the Dockerfile (`Step n/N`), when the builder has said. */
  readonly total: number | null;
  readonly steps: readonly StepView[];
}

const STEP_NOTE = /^Step (\d+)\/(\d+) : (\S+)/;

interface StepNote {
  readonly n: number;
  readonly total: number;
  readonly keyword: string;
  readonly line: number | null;
}

/** The builder's latest `Step n/N` note of `build` at or before `cursor`. */
export function latestStepNote(
  trace: readonly TraceEntry[],
  cursor: number,
  buildId: string,
): StepNote | null {
  for (let seq = Math.min(cursor, trace.length - 1); seq >= 0; seq--) {
    const entry = trace[seq];
    if (!entry) break;
    if (entry.change?.op === 'build.start' && entry.change.build.id === buildId) return null;
    const match = entry.kind === 'note' ? STEP_NOTE.exec(entry.label) : null;
    if (match) {
      const line = entry.detail?.['line'];
      return {
        n: Number(match[1]),
        total: Number(match[2]),
        keyword: match[3] ?? '',
        line: typeof line === 'number' ? line : null,
      };
    }
  }
  return null;
}

/** A finished step as the list shows it. */
export function stepView(world: World, step: BuildStep): StepView {
  const outcome: StepOutcome = step.instruction.startsWith('FROM ')
    ? 'base'
    : step.cached
      ? 'cached'
      : step.layer
        ? 'layer'
        : 'config';
  return {
    n: step.n,
    instruction: step.instruction,
    line: step.line,
    outcome,
    size: step.layer ? (world.layers[step.layer]?.size ?? null) : null,
    layer: step.layer,
  };
}

/** The progress of `build` (the newest, usually) in `world`, the world at `cursor`. */
export function buildProgress(
  world: World,
  trace: readonly TraceEntry[],
  cursor: number,
  build: BuildRecord,
): BuildProgress {
  const note = latestStepNote(trace, cursor, build.id);
  const state = isRunning(build) ? 'running' : build.error ? 'failed' : 'done';
  const steps: StepView[] = build.steps.map((step) => stepView(world, step));
  const last = build.steps.at(-1)?.n ?? 0;
  // A step announced but not finished is the one under way, or the one that failed.
  if (note && note.n > last && state !== 'done')
    steps.push({
      n: note.n,
      instruction: note.keyword,
      line: state === 'failed' ? (build.error?.line ?? note.line) : note.line,
      outcome: state === 'failed' ? 'failed' : 'running',
      size: null,
      layer: null,
    });
  const total = build.total > 0 ? build.total : (note?.total ?? null);
  return { build, state, total, steps };
}
