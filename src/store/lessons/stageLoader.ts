/**
 * The lesson player's heavy half (appStage.ts: the engine, the shells, Swarm and Kubernetes),
 * fetched on first use rather than with the lesson store, so that a lesson's text shows first.
 *
 * Contract: `lessonStage()` fetches it once (a failed fetch is tried again on the next call);
 * `loadedStage()` is for the player's phases after `preparing`, which only begin once it is in.
 */
import type * as AppStageModule from './appStage';

export type AppStage = typeof AppStageModule;

let stageLoad: Promise<AppStage> | null = null;
let stage: AppStage | null = null;

export function lessonStage(): Promise<AppStage> {
  stageLoad ??= import('./appStage').then(
    (loaded) => (stage = loaded),
    (error: unknown) => {
      stageLoad = null;
      throw error;
    },
  );
  return stageLoad;
}

/** The stage if it is in already, else null. */
export function stageIfLoaded(): AppStage | null {
  return stage;
}

export function loadedStage(): AppStage {
  // The player's machine sends nothing past `preparing` before the stage is there.
  if (!stage) throw new Error('the lesson stage is used before it was loaded');
  return stage;
}
