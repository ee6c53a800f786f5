/**
 * The Dockerfile parser the simulation reads Dockerfiles with (`docker build`, and `docker
 * commit --change`), installed by whoever runs it: importing ./dockerfileAst installs
 * dockerfile-ast. The simulation's core does not import the parser itself, so the app's first
 * screen does not carry it (about 25 KB gzip); the docker CLI, the Build view, the bridge and
 * the tests import it, and the app waits for it before replaying a saved session that built.
 *
 * Contract: `parseAst` before an install throws, naming the bug; it is never silently wrong.
 */
import type { Dockerfile } from 'dockerfile-ast';

export type AstParser = (text: string) => Dockerfile;

let installed: AstParser | null = null;

export function installDockerfileParser(parse: AstParser): void {
  installed = parse;
}

export function parseAst(text: string): Dockerfile {
  if (!installed)
    throw new Error(
      'the Dockerfile parser is not loaded: whatever runs the simulation imports sim/build/dockerfileAst first',
    );
  return installed(text);
}
