/**
 * Sessions for the anatomy tests, made the way a student makes them: `docker build` of the
 * demo app in /root/app from the host's shell, then an edit of app.js and a rebuild. Test
 * code only.
 */
import { ShellHarness } from '../../../cli/shell/testing';
import type { Image, World } from '../../../sim/types';

const WAIT = 60_000;

/** Runs each line, failing loudly on the first that exits non-zero (unless `mayFail`). */
export function session(lines: readonly string[], mayFail = false): ShellHarness {
  const h = new ShellHarness();
  for (const line of lines) {
    const ran = h.run(line, WAIT);
    if (ran.status !== 0 && !mayFail) throw new Error(`${line}: ${ran.stderr}${ran.stdout}`);
  }
  return h;
}

export const BUILD = 'docker build -t app /root/app';
/** The same app with app.js changed: the COPY of app.js misses the cache. */
export const EDIT = `echo 'console.log(1)' > /root/app/app.js`;

/** The image tagged `tag` in `world` (throws when there is none, so tests read plainly). */
export function tagged(world: World, tag: string): Image {
  const image = Object.values(world.images).find((i) => i.repoTags.includes(tag));
  if (!image) throw new Error(`no image ${tag}`);
  return image;
}

/** The trace index of the first entry `match` accepts. */
export function seqOf(h: ShellHarness, match: (label: string, op?: string) => boolean): number {
  const entry = h.sim.trace.find((e) => match(e.label, e.change?.op));
  if (!entry) throw new Error('no such trace entry');
  return entry.seq;
}
