/**
 * The course as the app fetches it: each lesson on its own, so a lesson link (an embed in a
 * slide) fetches the one it shows, not all twelve; and the whole course (index.ts) when the
 * list is shown.
 *
 * Contract: COURSE_IDS is the course's order, and `fetchLesson(id)` resolves to a lesson equal
 * to LESSONS' (course.test.ts); `fetchLesson` of an id not in the course is null.
 */
import { withDefaults } from './builtIn';
import type { Lesson, LessonInput } from './schema';

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

/** One built-in lesson, fetched on its own; null for an id that is not one. */
export function fetchLesson(id: string): Promise<Lesson> | null {
  const load = Object.hasOwn(LOADERS, id) ? LOADERS[id] : undefined;
  return load ? load().then(withDefaults) : null;
}

/** The whole course, for the list. */
export function fetchCourse(): Promise<readonly Lesson[]> {
  return import('./index').then((m) => m.LESSONS);
}
