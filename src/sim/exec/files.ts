/**
 * `ls` and `cat` inside a container, over the files src/sim/containerFs.ts models, in the
 * words of the image's own tools (BusyBox on Alpine, GNU coreutils on Debian).
 */
import type { StdioFrame } from '../api/types';
import { listDir, readFile, resolvePath } from '../containerFs';
import { err, isGnu, out, simple, type ExecContext, type ExecProgram } from './types';

export function ls(args: readonly string[], ctx: ExecContext): ExecProgram {
  const flags = args.filter((a) => a.startsWith('-') && a !== '-').join('');
  const paths = args.filter((a) => !a.startsWith('-') || a === '-');
  const targets = paths.length > 0 ? paths : ['.'];
  const frames: StdioFrame[] = [];
  let status = 0;
  targets.forEach((target, i) => {
    const path = resolvePath(ctx.cwd, target);
    const entries = listDir(ctx.view, path);
    if (entries === null) {
      frames.push(
        err(
          isGnu(ctx)
            ? `ls: cannot access '${target}': No such file or directory`
            : `ls: ${target}: No such file or directory`,
        ),
      );
      status = isGnu(ctx) ? 2 : 1;
      return;
    }
    const isFile = entries.length === 1 && entries[0] === path && path !== '/';
    let names = isFile ? [target] : entries;
    if (flags.includes('a') && !isFile)
      names = ['.', '..', ...(path === '/' ? ['.dockerenv'] : []), ...names].sort();
    if (targets.length > 1 && !isFile) frames.push(out(`${i > 0 ? '\n' : ''}${target}:`));
    const columns = ctx.tty && !flags.includes('1');
    for (const line of columns ? inColumns(names, ctx) : names) frames.push(out(line));
  });
  return simple('ls', args, frames, status);
}

/**
 * `ls` on a terminal: names down the columns. BusyBox gives every column the width of the
 * longest name plus 2; GNU fits as many columns as the terminal allows, each as wide as its
 * own longest name plus 2.
 */
function inColumns(names: readonly string[], ctx: ExecContext): string[] {
  if (names.length === 0) return [];
  const width = ctx.columns;
  let rows = names.length;
  let widths: number[] = [Math.max(...names.map((n) => n.length))];
  if (isGnu(ctx)) {
    for (let cols = names.length; cols >= 1; cols--) {
      const r = Math.ceil(names.length / cols);
      const w: number[] = [];
      for (let c = 0; c * r < names.length; c++)
        w.push(Math.max(...names.slice(c * r, c * r + r).map((n) => n.length)) + 2);
      if (w.reduce((a, b) => a + b, 0) - 2 <= width || cols === 1) {
        rows = r;
        widths = w;
        break;
      }
    }
  } else {
    const colWidth = Math.max(...names.map((n) => n.length)) + 2;
    const cols = Math.max(1, Math.floor(width / colWidth));
    rows = Math.ceil(names.length / cols);
    widths = Array.from({ length: Math.ceil(names.length / rows) }, () => colWidth);
  }
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) {
    const cells: string[] = [];
    for (let c = 0; c * rows + r < names.length; c++) cells.push(names[c * rows + r] ?? '');
    lines.push(
      cells.map((cell, c) => (c < cells.length - 1 ? cell.padEnd(widths[c] ?? 0) : cell)).join(''),
    );
  }
  return lines;
}

export function cat(args: readonly string[], ctx: ExecContext): ExecProgram {
  if (args.length === 0)
    // No file: it copies stdin, which is closed unless `-i` kept it open.
    return simple('cat', args, [], 0, ctx.openStdin ? null : 1);
  const frames: StdioFrame[] = [];
  let status = 0;
  for (const target of args) {
    const path = resolvePath(ctx.cwd, target);
    const text = readFile(ctx.view, path);
    if (text !== null) {
      frames.push({ stream: 'stdout', data: text });
      continue;
    }
    status = 1;
    const isDir = listDir(ctx.view, path) !== null;
    if (isGnu(ctx))
      frames.push(err(`cat: ${target}: ${isDir ? 'Is a directory' : 'No such file or directory'}`));
    else
      frames.push(
        err(
          isDir
            ? 'cat: read error: Is a directory'
            : `cat: can't open '${target}': No such file or directory`,
        ),
      );
  }
  return simple('cat', args, frames, status);
}
