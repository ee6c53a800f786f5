/**
 * The lessons, in the order a course takes them, each checked by the schema when the module
 * loads (a broken lesson fails loudly here and in the tests, never half-played).
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
import { parseLesson, type Lesson, type LessonInput } from './schema';

function checked(lesson: LessonInput): Lesson {
  const parsed = parseLesson(lesson);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.lesson;
}

/** The course: from a Dockerfile to Kubernetes, each lesson building on the ones before. */
export const LESSONS: readonly Lesson[] = [
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
].map(checked);

export {
  parseLesson,
  type Lesson,
  type LessonInput,
  type LessonStep,
  type LessonTask,
  type LessonWorldKind,
  type RunItem,
} from './schema';
export { evaluate, type Verdict } from './checks';
