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
 * The commands are read by commands.ts, loaded with the lesson side (app/embedLessons.ts): the
 * schema library is not part of the first screen, and a page that embeds nothing needs neither.
 */
export const EMBED_API = 'docker-anatomy';
export const EMBED_API_VERSION = 1;

export type EmbedEvent =
  | { type: 'ready'; version: number }
  | { type: 'stepChanged'; lesson: string; step: number; steps: number }
  | { type: 'taskPassed'; lesson: string; step: number }
  | { type: 'lessonCompleted'; lesson: string }
  | { type: 'commandRun'; command: string }
  | { type: 'refused'; reason: string };

/** The message that carries `event` out. */
export function eventMessage(event: EmbedEvent) {
  return { api: EMBED_API, version: EMBED_API_VERSION, ...event };
}
