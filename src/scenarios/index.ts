/**
 * The lessons, in the order a course takes them, with their defaults filled in (builtIn.ts).
 * The schema checks each one in the tests (lessons.test.ts), not here: a lesson link's text
 * shows without zod. A lesson loaded at run time goes through the schema (schema.ts).
 */
import { containerdCrash } from './lessons/containerdCrash';
import { daemonless } from './lessons/daemonless';
import { dockerfile } from './lessons/dockerfile';
import { engineApi } from './lessons/engineApi';
import { history } from './lessons/history';
import { kubernetes } from './lessons/kubernetes';
import { registries } from './lessons/registries';
import { runChain } from './lessons/runChain';
import { runcExits } from './lessons/runcExits';
import { signals } from './lessons/signals';
import { volumesNetworks } from './lessons/storage';
import { swarm } from './lessons/swarm';
import { withDefaults } from './builtIn';
import type { Lesson, LessonInput } from './schema';

/** The course as written: from a Dockerfile to Kubernetes, each lesson building on the last. */
export const LESSON_INPUTS: readonly LessonInput[] = [
  dockerfile,
  runChain,
  runcExits,
  daemonless,
  containerdCrash,
  history,
  signals,
  engineApi,
  registries,
  volumesNetworks,
  swarm,
  kubernetes,
];

/** The course, as the player reads it. */
export const LESSONS: readonly Lesson[] = LESSON_INPUTS.map(withDefaults);

export type {
  Lesson,
  LessonInput,
  LessonStep,
  LessonTask,
  LessonWorldKind,
  RunItem,
} from './schema';
export { evaluate, type Verdict } from './checks';
