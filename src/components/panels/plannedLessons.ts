/**
 * The lessons planned for later versions, in teaching order. Ids only: titles live in the
 * locale files under `lessons.planned.<id>`. When lessons become data in src/scenarios this
 * list gives way to the scenario index.
 */
export const PLANNED_LESSONS = [
  'dockerfileToContainer',
  'dockerRun',
  'runcExits',
  'daemonless',
  'containerdCrash',
  'history',
  'lifecycle',
  'engineApi',
  'images',
  'volumesNetworks',
  'swarm',
  'kubernetes',
] as const;

export type PlannedLessonId = (typeof PLANNED_LESSONS)[number];
