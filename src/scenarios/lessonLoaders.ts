/**
 * Where each built-in lesson's chunk is: the course's ids, in order, each with the import that
 * fetches it. Light enough for the page's entry (src/app/lessonLink.ts), so a lesson link asks
 * for its lesson as the page starts, not once the lessons' side has come.
 *
 * Contract: `loadLessonInput(id)` resolves to the lesson as written (course.ts fills in its
 * defaults); null for an id that is not one, own property names of Object included.
 */
import type { LessonInput } from './schema';

const LOADERS: Readonly<Record<string, () => Promise<LessonInput>>> = {
  dockerfile: () => import('./lessons/dockerfile').then((m) => m.dockerfile),
  'run-chain': () => import('./lessons/runChain').then((m) => m.runChain),
  'runc-exits': () => import('./lessons/runcExits').then((m) => m.runcExits),
  daemonless: () => import('./lessons/daemonless').then((m) => m.daemonless),
  'containerd-crash': () => import('./lessons/containerdCrash').then((m) => m.containerdCrash),
  history: () => import('./lessons/history').then((m) => m.history),
  signals: () => import('./lessons/signals').then((m) => m.signals),
  'engine-api': () => import('./lessons/engineApi').then((m) => m.engineApi),
  registries: () => import('./lessons/registries').then((m) => m.registries),
  'volumes-networks': () => import('./lessons/storage').then((m) => m.volumesNetworks),
  swarm: () => import('./lessons/swarm').then((m) => m.swarm),
  kubernetes: () => import('./lessons/kubernetes').then((m) => m.kubernetes),
};

/** The built-in lessons' ids, in the course's order. */
export const COURSE_IDS: readonly string[] = Object.keys(LOADERS);

export function isCourseLesson(id: string): boolean {
  return Object.hasOwn(LOADERS, id);
}

/** One built-in lesson as written, fetched on its own; null for an id that is not one. */
export function loadLessonInput(id: string): Promise<LessonInput> | null {
  const load = Object.hasOwn(LOADERS, id) ? LOADERS[id] : undefined;
  return load ? load() : null;
}
