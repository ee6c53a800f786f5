/**
 * `ps` (procps-ng 4): report a snapshot of the host's processes. Accepts the three option
 * syntaxes procps does: Unix (`-ef`, `-eo pid,ppid,comm`, `-p 845`, `-C nginx`), BSD (`aux`,
 * `axf`) and GNU long options (`--forest`, `--ppid 1205`, `--no-headers`). Output is cut at
 * the terminal width like the real tool on a terminal (`w` widens, `ww` removes the limit).
 * Errors are worded as procps words them, followed by its short usage text, exit 1.
 */
import type { CommandContext, CommandSpec } from '../shell/types';
import { columnFor, FORMATS, renderTable, type Column, type View } from './psformat';
import { tableFor, type HostProcess } from './proctable';
import { SESSION_TTY } from './session';

const USAGE = `
Usage:
 ps [options]

 Try 'ps --help <simple|list|output|threads|misc|all>'
  or 'ps --help <s|l|o|t|m|a>'
 for additional help text.

For more details see ps(1).
`;

const SIMPLE_HELP = `
Usage:
 ps [options]

Basic options:
 -A, -e               all processes
 -a                   all with tty, except session leaders
  a                   all with tty, including other users
 -d                   all except session leaders
 -N, --deselect       negate selection
  r                   only running processes
  T                   all processes on this terminal
  x                   processes without controlling ttys

 For more help run 'ps --help <simple|list|output|threads|misc|all>'.
 Or use 'ps --help <s|l|o|t|m|a>' for additional help text.

For more details see ps(1).
`;

interface Selection {
  all: boolean;
  bsdA: boolean;
  bsdX: boolean;
  unixA: boolean;
  notLeaders: boolean;
  pids: number[];
  ppids: number[];
  commands: string[];
  ttys: string[];
  users: string[];
}

interface Parsed {
  sel: Selection;
  format: 'default' | 'full' | 'extraFull' | 'long' | 'longFull' | 'bsd' | 'bsdUser';
  bsdSyntax: boolean;
  columns: string[];
  forest: 'art' | 'indent' | null;
  commOnly: boolean;
  wide: number;
  width: number | null;
  noHeader: boolean;
  full: boolean;
  long: boolean;
}

class PsError extends Error {}

function fail(message: string): never {
  throw new PsError(message);
}

function splitList(text: string): string[] {
  return text.split(/[\s,]+/).filter(Boolean);
}

function pidList(text: string | undefined, what: string): number[] {
  if (text === undefined || text === '') fail(`list of process IDs must follow ${what}`);
  const items = splitList(text);
  if (items.length === 0 || items.some((i) => !/^\d+$/.test(i) || Number(i) < 1))
    fail('process ID list syntax error');
  return items.map(Number);
}

/** Unsupported but real ps features: an honest refusal in ps' own error style. */
function notSimulated(what: string): never {
  fail(`${what} is not simulated here`);
}

function parse(args: readonly string[]): Parsed | 'help' | 'version' {
  const p: Parsed = {
    sel: {
      all: false,
      bsdA: false,
      bsdX: false,
      unixA: false,
      notLeaders: false,
      pids: [],
      ppids: [],
      commands: [],
      ttys: [],
      users: [],
    },
    format: 'default',
    bsdSyntax: false,
    columns: [],
    forest: null,
    commOnly: false,
    wide: 0,
    width: null,
    noHeader: false,
    full: false,
    long: false,
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const next = (): string | undefined => args[++i];
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = arg.slice(2, eq < 0 ? undefined : eq);
      const inline = eq < 0 ? undefined : arg.slice(eq + 1);
      const value = (): string | undefined => inline ?? next();
      switch (name) {
        case 'forest':
          p.forest = 'art';
          break;
        case 'no-headers':
        case 'no-heading':
        case 'noheader':
        case 'noheaders':
          p.noHeader = true;
          break;
        case 'format': {
          const v = value();
          if (!v) fail('format specification must follow --format');
          p.columns.push(...splitList(v));
          break;
        }
        case 'pid':
          p.sel.pids.push(...pidList(value(), '--pid'));
          break;
        case 'ppid':
          p.sel.ppids.push(...pidList(value(), '--ppid'));
          break;
        case 'cols':
        case 'columns':
        case 'width': {
          const v = value();
          if (!v || !/^\d+$/.test(v) || Number(v) < 1)
            fail(`number of columns must follow --${name}`);
          p.width = Number(v);
          break;
        }
        case 'help':
          return 'help';
        case 'version':
          return 'version';
        case 'sort':
          notSimulated('--sort');
          break;
        case 'deselect':
          notSimulated('--deselect');
          break;
        case 'user':
        case 'User':
        case 'group':
        case 'Group': {
          const v = value();
          if (!v) fail('list of users must follow --user');
          p.sel.users.push(...splitList(v));
          break;
        }
        default:
          fail('unknown gnu long option');
      }
      continue;
    }
    // procps reads `-aux` as `aux` (there is no user named "x").
    const unix = arg.startsWith('-') && arg !== '-aux' && arg.length > 1;
    const letters = unix ? arg.slice(1) : arg.replace(/^-/, '');
    if (!unix && /^\d+$/.test(letters)) {
      p.sel.pids.push(Number(letters));
      continue;
    }
    if (letters === '') fail(unix ? 'unsupported SysV option' : 'garbage option');
    if (!unix) p.bsdSyntax = true;
    for (let j = 0; j < letters.length; j++) {
      const c = letters[j] ?? '';
      const rest = letters.slice(j + 1);
      const argument = (): string | undefined => (rest.length > 0 ? rest : next());
      if (unix) {
        switch (c) {
          case 'A':
          case 'e':
            p.sel.all = true;
            continue;
          case 'a':
            p.sel.unixA = true;
            continue;
          case 'd':
            p.sel.notLeaders = true;
            continue;
          case 'f':
            p.full = true;
            continue;
          case 'F':
            p.format = 'extraFull';
            continue;
          case 'l':
            p.long = true;
            continue;
          case 'H':
            p.forest = 'indent';
            continue;
          case 'w':
            p.wide++;
            continue;
          case 'V':
            return 'version';
          case 'o': {
            const v = argument();
            if (!v) fail('format specification must follow -o');
            p.columns.push(...splitList(v));
            j = letters.length;
            continue;
          }
          case 'p':
          case 'q':
            p.sel.pids.push(...pidList(argument(), `-${c}`));
            j = letters.length;
            continue;
          case 'C': {
            const v = argument();
            if (!v) fail('list of command names must follow -C');
            p.sel.commands.push(...splitList(v));
            j = letters.length;
            continue;
          }
          case 't': {
            const v = argument();
            if (!v) fail('list of ttys must follow -t');
            p.sel.ttys.push(...splitList(v));
            j = letters.length;
            continue;
          }
          case 'u':
          case 'U':
          case 'g':
          case 'G': {
            const v = argument();
            if (!v) fail(`list of users must follow -${c}`);
            p.sel.users.push(...splitList(v));
            j = letters.length;
            continue;
          }
          case 'j':
            notSimulated('the job format (-j)');
            break;
          case 'L':
          case 'T':
          case 'm':
            notSimulated('listing threads');
            break;
          case 'N':
            notSimulated('-N (deselect)');
            break;
          case 'y':
          case 'c':
          case 'M':
          case 'Z':
          case 'n':
          case 'k':
          case 'O':
          case 's':
          case 'x':
          case 'X':
            notSimulated(`-${c}`);
            break;
          default:
            fail('unsupported SysV option');
        }
      }
      switch (c) {
        case 'a':
          p.sel.bsdA = true;
          continue;
        case 'x':
          p.sel.bsdX = true;
          continue;
        case 'u':
          p.format = 'bsdUser';
          continue;
        case 'f':
          p.forest = 'art';
          continue;
        case 'c':
          p.commOnly = true;
          continue;
        case 'w':
          p.wide++;
          continue;
        case 'h':
          p.noHeader = true;
          continue;
        case 'o': {
          const v = argument();
          if (!v) fail('format specification must follow o');
          p.columns.push(...splitList(v));
          j = letters.length;
          continue;
        }
        case 'p':
        case 'q':
          p.sel.pids.push(...pidList(argument(), c));
          j = letters.length;
          continue;
        case 'U': {
          const v = argument();
          if (!v) fail('list of users must follow U');
          p.sel.users.push(...splitList(v));
          j = letters.length;
          continue;
        }
        case 't': {
          const v = argument();
          p.sel.ttys.push(...splitList(v ?? SESSION_TTY));
          j = letters.length;
          continue;
        }
        case 'e':
          notSimulated('showing the environment (e)');
          break;
        case 'j':
        case 'l':
        case 's':
        case 'v':
        case 'X':
          notSimulated(`the ${c} format`);
          break;
        case 'r':
        case 'T':
        case 'm':
        case 'H':
        case 'S':
        case 'n':
        case 'k':
        case 'L':
        case 'O':
        case 'Z':
          notSimulated(c);
          break;
        default:
          fail('unsupported option (BSD syntax)');
      }
    }
  }
  if (p.format === 'default' || p.format === 'extraFull') {
    if (p.format === 'default') {
      if (p.long) p.format = p.full ? 'longFull' : 'long';
      else if (p.full) p.format = 'full';
      else if (p.bsdSyntax) p.format = 'bsd';
    }
  }
  return p;
}

function select(rows: readonly HostProcess[], p: Parsed): HostProcess[] {
  const s = p.sel;
  const lists =
    s.pids.length + s.ppids.length + s.commands.length + s.ttys.length + s.users.length > 0;
  const broad = s.all || s.bsdA || s.bsdX || s.unixA || s.notLeaders;
  if (!lists && !broad) {
    // Default: processes of this user on this terminal (BSD syntax: on any terminal).
    return rows.filter((r) => (p.bsdSyntax ? r.tty !== '?' : r.tty === SESSION_TTY));
  }
  return rows.filter((r) => {
    const leader = r.stat.includes('s');
    if (s.all || (s.bsdA && s.bsdX) || s.bsdX) return true;
    if (s.bsdA && r.tty !== '?') return true;
    if (s.unixA && r.tty !== '?' && !leader) return true;
    if (s.notLeaders && !leader) return true;
    if (s.pids.includes(r.pid)) return true;
    if (s.ppids.includes(r.ppid)) return true;
    if (s.commands.includes(r.comm)) return true;
    if (s.ttys.some((t) => t === r.tty || `tty${t}` === r.tty || `pts/${t}` === r.tty)) return true;
    if (s.users.some((u) => u === 'root' || u === '0')) return true;
    return false;
  });
}

/** Rows in tree order with their forest prefix (procps show_tree: PID 1's children stay flush). */
function forestOrder(
  rows: readonly HostProcess[],
  style: 'art' | 'indent',
): { rows: HostProcess[]; prefix: Map<number, string> } {
  const byPid = new Map(rows.map((r) => [r.pid, r]));
  const children = new Map<number, HostProcess[]>();
  for (const r of rows) {
    if (!byPid.has(r.ppid) || r.ppid === r.pid) continue;
    children.set(r.ppid, [...(children.get(r.ppid) ?? []), r]);
  }
  const ordered: HostProcess[] = [];
  const prefix = new Map<number, string>();
  const render = (marks: readonly string[]): string =>
    marks
      .map((c) => (style === 'indent' ? '  ' : c === ' ' ? '    ' : c === '|' ? ' |  ' : ' \\_ '))
      .join('');
  const show = (r: HostProcess, marks: readonly string[]): void => {
    prefix.set(r.pid, render(marks));
    ordered.push(r);
    const kids = children.get(r.pid) ?? [];
    const last = marks.at(-1);
    const base = last === undefined ? [] : [...marks.slice(0, -1), last === '+' ? '|' : ' '];
    kids.forEach((k, i) => {
      const mark = i === kids.length - 1 ? 'L' : '+';
      // Children of PID 1 are shown at its own level, as procps does.
      show(k, r.pid === 1 && marks.length === 0 ? [] : [...base, mark]);
    });
  };
  for (const r of rows) if (!byPid.has(r.ppid) || r.ppid === r.pid) show(r, []);
  return { rows: ordered, prefix };
}

function run(ctx: CommandContext, args: readonly string[]): number {
  let parsed: Parsed | 'help' | 'version';
  try {
    parsed = parse(args);
  } catch (e) {
    if (!(e instanceof PsError)) throw e;
    ctx.err(`error: ${e.message}\n${USAGE}`);
    return 1;
  }
  if (parsed === 'help') {
    ctx.out(SIMPLE_HELP);
    return 0;
  }
  if (parsed === 'version') {
    ctx.out('ps from procps-ng 4.0.2\n');
    return 0;
  }
  let columns: Column[];
  if (parsed.columns.length > 0) {
    const found: Column[] = [];
    for (const spec of parsed.columns) {
      const col = columnFor(spec);
      if (!col) {
        ctx.err(
          `error: unknown user-defined format specifier "${spec.split('=')[0] ?? spec}"\n${USAGE}`,
        );
        return 1;
      }
      found.push(col);
    }
    columns = found;
  } else {
    columns = FORMATS[parsed.format].map((spec) => columnFor(spec) as Column);
  }
  const table = tableFor(ctx, ['ps', ...args]);
  let rows = select(table, parsed);
  let prefix = new Map<number, string>();
  if (parsed.forest) ({ rows, prefix } = forestOrder(rows, parsed.forest));
  const view: View = {
    world: ctx.host.world,
    commOnly: parsed.commOnly,
    prefix: (p) => prefix.get(p.pid) ?? '',
  };
  const maxWidth =
    parsed.width ??
    (parsed.wide >= 2 || ctx.piped
      ? null
      : parsed.wide === 1
        ? Math.max(ctx.columns, 132)
        : ctx.columns);
  ctx.out(renderTable(columns, rows, view, { noHeader: parsed.noHeader, maxWidth }));
  // procps exits 1 when a selection list matched nothing.
  const lists = parsed.sel.pids.length + parsed.sel.commands.length + parsed.sel.ppids.length;
  return lists > 0 && rows.length === 0 ? 1 : 0;
}

export const ps: CommandSpec = {
  summary: 'report a snapshot of the host processes (ps, ps -ef, ps aux, ps -eo pid,ppid,comm)',
  run,
  complete: (before) =>
    before.length === 0
      ? ['-ef', 'aux', '-e', 'ax', '-eo', '--forest', 'axf', '-p', '-C', '--ppid']
      : [],
};
