/**
 * What `cat` and `ls` share: the modelled filesystem as the running command sees it, the
 * working directory, and the list of paths Tab completion offers.
 */
import type { World } from '../../sim/types';
import type { CommandContext } from '../shell/types';
import { rootDir, type DirNode } from './fs';
import { processTable, tableFor } from './proctable';

export function cwdOf(ctx: CommandContext): string {
  return ctx.env['PWD'] ?? '/root';
}

export function rootFor(ctx: CommandContext, argv: readonly string[]): DirNode {
  return rootDir(ctx.host.world, tableFor(ctx, argv));
}

/** Every modelled path (directories with a trailing slash), for Tab completion. */
export function pathCandidates(world: World): string[] {
  const out: string[] = [];
  const walk = (node: DirNode, prefix: string, depth: number): void => {
    if (depth > 7 || out.length > 2000) return;
    for (const [name, child] of Object.entries(node.entries() ?? {})) {
      const path = `${prefix}${name}`;
      out.push(child.kind === 'dir' ? `${path}/` : path);
      if (child.kind === 'dir') walk(child, `${path}/`, depth + 1);
    }
  };
  walk(rootDir(world, processTable(world, null)), '/', 0);
  return out;
}
