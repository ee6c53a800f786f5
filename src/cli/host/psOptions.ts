/**
 * How `ps` reads its arguments (procps-ng 4): Unix, BSD and GNU option syntaxes, into one
 * selection and format; with procps' wording and usage text for what it refuses.
 */
import { SESSION_TTY } from './session';
export const USAGE = `
Usage:
 ps [options]

 Try 'ps --help <simple|list|output|threads|misc|all>'
  or 'ps --help <s|l|o|t|m|a>'
 for additional help text.

For more details see ps(1).
`;

export const SIMPLE_HELP = `
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

export interface Selection {
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

export interface Parsed {
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

export class PsError extends Error {}

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

export function parse(args: readonly string[]): Parsed | 'help' | 'version' {
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
