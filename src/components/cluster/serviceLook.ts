/**
 * Colours of services and looks of task phases, as Tailwind classes (written out in full so
 * Tailwind's scanner finds them). Colour only tells services apart at a glance: every badge
 * also carries its service's name and a phase symbol, and each phase has its own border style.
 * Contract: SERVICE_CLASSES has SERVICE_COLOURS entries; contrast holds in light and dark.
 */
import { SERVICE_COLOURS } from './clusterModel';
import type { TaskPhase } from './taskPhase';

const SERVICE_CLASSES: readonly string[] = [
  'border-sky-700 bg-sky-50 text-sky-950 dark:border-sky-400 dark:bg-sky-950 dark:text-sky-50',
  'border-violet-700 bg-violet-50 text-violet-950 dark:border-violet-400 dark:bg-violet-950 dark:text-violet-50',
  'border-amber-700 bg-amber-50 text-amber-950 dark:border-amber-400 dark:bg-amber-950 dark:text-amber-50',
  'border-teal-700 bg-teal-50 text-teal-950 dark:border-teal-400 dark:bg-teal-950 dark:text-teal-50',
  'border-rose-700 bg-rose-50 text-rose-950 dark:border-rose-400 dark:bg-rose-950 dark:text-rose-50',
  'border-lime-700 bg-lime-50 text-lime-950 dark:border-lime-400 dark:bg-lime-950 dark:text-lime-50',
  'border-indigo-700 bg-indigo-50 text-indigo-950 dark:border-indigo-400 dark:bg-indigo-950 dark:text-indigo-50',
  'border-orange-700 bg-orange-50 text-orange-950 dark:border-orange-400 dark:bg-orange-950 dark:text-orange-50',
];

export function serviceClasses(colour: number): string {
  return SERVICE_CLASSES[colour % SERVICE_COLOURS] ?? '';
}

/** Border style per phase: solid while running, dashed on the way up, dotted on the way down. */
export const PHASE_CLASSES: Readonly<Record<TaskPhase, string>> = {
  running: 'border-solid',
  starting: 'border-dashed cluster-badge--starting',
  stopping: 'border-dotted',
  lost: 'border-dashed italic',
  failed: 'border-double line-through',
  ended: 'border-dotted line-through',
};
