/**
 * `cat` (GNU coreutils 9.1) over the modelled host filesystem: /etc/docker/daemon.json,
 * /proc/PID/status, /proc/PID/cmdline (`cat -A` shows its NULs as `^@`), a container's
 * json-file log. A socket gives ENXIO as the real open(2) does; a directory EISDIR.
 */
import type { CommandContext, CommandSpec } from '../shell/types';
import { cwdOf, pathCandidates, rootFor } from './filetools';
import { lookup } from './fs';
import { getopt, has, type LongOption } from './getopt';

const CAT_LONGS: LongOption[] = [
  { name: 'show-all', arg: 'none', key: 'A' },
  { name: 'number-nonblank', arg: 'none', key: 'b' },
  { name: 'show-ends', arg: 'none', key: 'E' },
  { name: 'number', arg: 'none', key: 'n' },
  { name: 'squeeze-blank', arg: 'none', key: 's' },
  { name: 'show-tabs', arg: 'none', key: 'T' },
  { name: 'show-nonprinting', arg: 'none', key: 'v' },
  { name: 'help', arg: 'none', key: 'h' },
  { name: 'version', arg: 'none', key: 'V' },
];

/** cat -v: control characters as ^X (NUL as ^@), DEL as ^?. */
function showNonprinting(text: string, tabs: boolean): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (ch === '\n') out += ch;
    else if (ch === '\t' && !tabs) out += ch;
    else if (code < 32) out += `^${String.fromCharCode(code + 64)}`;
    else if (code === 127) out += '^?';
    else out += ch;
  }
  return out;
}

function catRun(ctx: CommandContext, args: readonly string[]): number {
  const parsed = getopt(args, 'AbeEnstTuvhV', CAT_LONGS);
  if (!parsed.ok) {
    ctx.err(`cat: ${parsed.error}\nTry 'cat --help' for more information.\n`);
    return 1;
  }
  const o = parsed.options;
  if (has(o, 'V')) {
    ctx.out('cat (GNU coreutils) 9.1\n');
    return 0;
  }
  if (has(o, 'h')) {
    ctx.out('Usage: cat [OPTION]... [FILE]...\nConcatenate FILE(s) to standard output.\n');
    return 0;
  }
  const showAll = has(o, 'A');
  const nonprinting = showAll || has(o, 'v') || has(o, 'e') || has(o, 't');
  const ends = showAll || has(o, 'E') || has(o, 'e');
  const tabs = showAll || has(o, 'T') || has(o, 't');
  const number = has(o, 'n') || has(o, 'b');
  const root = rootFor(ctx, ['cat', ...args]);
  const files = parsed.operands.length > 0 ? parsed.operands : ['-'];
  let status = 0;
  let text = '';
  for (const path of files) {
    if (path === '-') {
      text += ctx.stdin ?? '';
      continue;
    }
    const found = lookup(root, path, cwdOf(ctx), true);
    if (!found.ok) {
      ctx.err(
        `cat: ${path}: ${found.error === 'ENOTDIR' ? 'Not a directory' : 'No such file or directory'}\n`,
      );
      status = 1;
      continue;
    }
    const node = found.node;
    if (node.kind === 'dir') {
      ctx.err(`cat: ${path}: Is a directory\n`);
      status = 1;
    } else if (node.kind === 'socket') {
      ctx.err(`cat: ${path}: No such device or address\n`);
      status = 1;
    } else if (node.kind === 'fifo') {
      ctx.err(
        `cat: ${path}: reading a FIFO (it would wait for the writer) is not simulated here\n`,
      );
      status = 1;
    } else if (node.kind === 'file') {
      const content = node.content();
      if (content === null) {
        ctx.err(`cat: ${path}: contents not simulated here\n`);
        status = 1;
      } else text += content;
    }
  }
  if (nonprinting) text = showNonprinting(text, tabs);
  else if (tabs) text = text.replace(/\t/g, '^I');
  if (ends) text = text.replace(/\n/g, '$\n');
  if (number) {
    let n = 0;
    text = text.replace(/^(?=.)|^(?=\n)/gm, () => `${String(++n).padStart(6)}\t`);
  }
  ctx.out(text);
  return status;
}

export const cat: CommandSpec = {
  summary: 'print host files (/etc/docker/daemon.json, /proc/PID/status, /proc/PID/cmdline)',
  run: catRun,
  complete: (_before, world) => pathCandidates(world),
};
