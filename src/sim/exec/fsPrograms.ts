/**
 * The programs that change files inside a container: `touch`, `rm`, `mkdir`, `cp` and `mv`,
 * over the writable layer and mounts (src/sim/writableLayer.ts), with their errors in the words
 * of the image's own tools: BusyBox (Alpine, busybox) says "can't", GNU coreutils (Debian)
 * says "cannot" and quotes differently, and musl and glibc word EBUSY differently. A program
 * that changed something carries the new files (ExecProgram.files); dockerd records them.
 */
import type { StdioFrame } from '../api/types';
import { resolvePath, type FsState } from '../containerFs';
import {
  copyPath,
  makeDir,
  removePath,
  touchFile,
  withFs,
  type FsErrno,
  type FsOutcome,
} from '../writableLayer';
import { err, isGnu, simple, type ExecContext, type ExecProgram } from './types';

/** The programs every userland but scratch has (BusyBox applets, coreutils). */
export const FILE_PROGRAMS: ReadonlySet<string> = new Set(['touch', 'rm', 'mkdir', 'cp', 'mv']);

/** strerror(3) as musl (BusyBox images) and glibc (Debian) word it. */
export function strerror(errno: FsErrno, gnu: boolean): string {
  switch (errno) {
    case 'ENOENT':
      return 'No such file or directory';
    case 'ENOTDIR':
      return 'Not a directory';
    case 'EISDIR':
      return 'Is a directory';
    case 'EEXIST':
      return 'File exists';
    case 'EBUSY':
      return gnu ? 'Device or resource busy' : 'Resource busy';
  }
}

/** Letters of the short options given (`-rf` -> `rf`), and the operands. */
function split(args: readonly string[]): { opts: string; operands: string[] } {
  const opts = args.filter((a) => /^-[a-zA-Z]+$/.test(a)).join('');
  const operands = args.filter((a) => !/^-[a-zA-Z]+$/.test(a) && a !== '--');
  return { opts: opts.replace(/-/g, ''), operands };
}

/** GNU's usage complaint; BusyBox prints its usage text instead (not modelled: nothing). */
function missing(name: string, what: string, ctx: ExecContext): ExecProgram {
  const frames = isGnu(ctx)
    ? [err(`${name}: ${what}`), err(`Try '${name} --help' for more information.`)]
    : [];
  return simple(name, [], frames, 1);
}

/** Runs each operand in turn over the files, collecting the errors. */
function each(
  name: string,
  args: readonly string[],
  ctx: ExecContext,
  operands: readonly string[],
  act: (fs: FsState, operand: string) => { fs: FsState; error: string | null },
): ExecProgram {
  let fs = ctx.view.fs;
  const frames: StdioFrame[] = [];
  for (const operand of operands) {
    const result = act(fs, operand);
    fs = result.fs;
    if (result.error !== null) frames.push(err(result.error));
  }
  const program = simple(name, args, frames, frames.length > 0 ? 1 : 0);
  return fs === ctx.view.fs ? program : { ...program, files: () => fs };
}

/** The path as the tool names it: the operand as typed, plus what it found below it. */
function shown(operand: string, absolute: string, at: string): string {
  return at === absolute ? operand : `${operand.replace(/\/+$/, '')}${at.slice(absolute.length)}`;
}

function apply(
  outcome: FsOutcome,
  fs: FsState,
  message: (errno: FsErrno, at: string) => string,
): { fs: FsState; error: string | null } {
  return outcome.ok
    ? { fs: outcome.fs, error: null }
    : { fs, error: message(outcome.errno, outcome.path) };
}

export function touch(args: readonly string[], ctx: ExecContext): ExecProgram {
  const { operands } = split(args);
  if (operands.length === 0) return missing('touch', 'missing file operand', ctx);
  const gnu = isGnu(ctx);
  return each('touch', args, ctx, operands, (fs, operand) => {
    const path = resolvePath(ctx.cwd, operand);
    return apply(touchFile(withFs(ctx.view, fs), path), fs, (errno) =>
      gnu
        ? `touch: cannot touch '${operand}': ${strerror(errno, gnu)}`
        : `touch: ${operand}: ${strerror(errno, gnu)}`,
    );
  });
}

export function rm(args: readonly string[], ctx: ExecContext): ExecProgram {
  const { opts, operands } = split(args);
  const force = opts.includes('f');
  const recursive = /[rR]/.test(opts);
  if (operands.length === 0)
    return force ? simple('rm', args, [], 0) : missing('rm', 'missing operand', ctx);
  const gnu = isGnu(ctx);
  return each('rm', args, ctx, operands, (fs, operand) => {
    const path = resolvePath(ctx.cwd, operand);
    // GNU rm refuses the root outright (--preserve-root is its default).
    if (gnu && recursive && path === '/')
      return {
        fs,
        error:
          "rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe",
      };
    return apply(removePath(withFs(ctx.view, fs), path, { recursive, force }), fs, (errno, at) => {
      const what = shown(operand, path, at);
      if (errno === 'EISDIR')
        return gnu ? `rm: cannot remove '${what}': Is a directory` : `rm: '${what}' is a directory`;
      return `rm: ${gnu ? 'cannot' : "can't"} remove '${what}': ${strerror(errno, gnu)}`;
    });
  });
}

export function mkdir(args: readonly string[], ctx: ExecContext): ExecProgram {
  const { opts, operands } = split(args);
  if (operands.length === 0) return missing('mkdir', 'missing operand', ctx);
  const gnu = isGnu(ctx);
  return each('mkdir', args, ctx, operands, (fs, operand) => {
    const path = resolvePath(ctx.cwd, operand);
    return apply(
      makeDir(withFs(ctx.view, fs), path, opts.includes('p')),
      fs,
      (errno) =>
        `mkdir: ${gnu ? 'cannot' : "can't"} create directory '${operand}': ${strerror(errno, gnu)}`,
    );
  });
}

/** `cp [-r] SRC... DEST` and `mv SRC... DEST`: several sources go into the DEST directory. */
export function copy(name: 'cp' | 'mv', args: readonly string[], ctx: ExecContext): ExecProgram {
  const { opts, operands } = split(args);
  const gnu = isGnu(ctx);
  if (operands.length === 0) return missing(name, 'missing file operand', ctx);
  if (operands.length === 1)
    return missing(name, `missing destination file operand after '${operands[0] ?? ''}'`, ctx);
  const dest = operands.at(-1) ?? '';
  const to = resolvePath(ctx.cwd, dest);
  const move = name === 'mv';
  return each(name, args, ctx, operands.slice(0, -1), (fs, operand) => {
    const from = resolvePath(ctx.cwd, operand);
    const outcome = copyPath(withFs(ctx.view, fs), from, to, {
      recursive: /[rRa]/.test(opts),
      move,
    });
    if (outcome.ok) return { fs: outcome.fs, error: null };
    const cant = gnu ? 'cannot' : "can't";
    if (outcome.errno === 'OMIT')
      return {
        fs,
        error: gnu
          ? `cp: -r not specified; omitting directory '${operand}'`
          : `cp: omitting directory '${operand}'`,
      };
    const reason = strerror(outcome.errno, gnu);
    if (outcome.path === from && outcome.errno === 'ENOENT')
      // BusyBox mv tries rename(2) first and reports that.
      return {
        fs,
        error:
          move && !gnu
            ? `mv: can't rename '${operand}': ${reason}`
            : `${name}: ${cant} stat '${operand}': ${reason}`,
      };
    const target = shown(dest, to, outcome.path);
    return {
      fs,
      error: gnu
        ? `${name}: cannot create regular file '${target}': ${reason}`
        : `${name}: can't create '${target}': ${reason}`,
    };
  });
}
