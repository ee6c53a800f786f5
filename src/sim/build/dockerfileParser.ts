/**
 * The simulation's Dockerfile half (parsing, the builder), installed by whoever runs it:
 * importing ./dockerfileAst installs dockerfile-ast and the code that reads and builds with it.
 * The simulation's core reaches them only through here (`docker build`, and `docker commit
 * --change`), so the app's first screen carries neither (about 30 KB gzip); the docker CLI,
 * the Build view, the bridge and the tests import it, and the app waits for it before
 * replaying a saved session that built.
 *
 * Contract: using it before an install throws, naming the bug; it is never silently wrong.
 */
import type { Dockerfile } from 'dockerfile-ast';
import type { runBuild } from './builder';
import type { parseDockerfile } from './dockerfile';

export interface DockerfileSupport {
  /** dockerfile-ast's parser. */
  readonly parseAst: (text: string) => Dockerfile;
  readonly parseDockerfile: typeof parseDockerfile;
  readonly runBuild: typeof runBuild;
}

let installed: DockerfileSupport | null = null;

export function installDockerfileSupport(support: DockerfileSupport): void {
  installed = support;
}

export function dockerfileSupport(): DockerfileSupport {
  if (!installed)
    throw new Error(
      'the Dockerfile parser is not loaded: whatever runs the simulation imports sim/build/dockerfileAst first',
    );
  return installed;
}

export function parseAst(text: string): Dockerfile {
  return dockerfileSupport().parseAst(text);
}
