/** Placeholder replaced below once the simulation's exec routes land. */
import type { DockerCommand } from '../command';
export const exec: DockerCommand = {
  path: 'exec',
  args: { kind: 'min', n: 2 },
  interspersed: false,
  run: () => 1,
};
