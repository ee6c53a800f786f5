/**
 * `journalctl` (systemd 252): the journal of the Docker units. `-u docker|containerd` (also
 * `docker.service`, repeatable), `-n N` (journalctl also takes the number as the next word),
 * `-e`, `-r`, `-f` (a job printing new lines until Ctrl-C, which ends it as SIGINT ends the
 * real one: status 130 on this systemd), `-o short|short-iso|short-precise|cat`, `-t IDENT`,
 * `--no-pager`, `--no-hostname`. There is no pager: everything is printed.
 */
import type { World } from '../../sim/types';
import type { CommandContext, CommandSpec, Job } from '../shell/types';
import { isoSeconds, journalStamp, journalStampPrecise, subMillis } from './clock';
import { getopt, has, type LongOption } from './getopt';
import { HOSTNAME } from './hostinfo';
import { JournalReader, type JournalEntry, type UnitName } from './journal';

const LONGS: LongOption[] = [
  { name: 'unit', arg: 'required', key: 'u' },
  { name: 'lines', arg: 'optional', key: 'n' },
  { name: 'follow', arg: 'none', key: 'f' },
  { name: 'pager-end', arg: 'none', key: 'e' },
  { name: 'no-pager', arg: 'none', key: 'P' },
  { name: 'catalog', arg: 'none', key: 'x' },
  { name: 'quiet', arg: 'none', key: 'q' },
  { name: 'boot', arg: 'optional', key: 'b' },
  { name: 'reverse', arg: 'none', key: 'r' },
  { name: 'output', arg: 'required', key: 'o' },
  { name: 'all', arg: 'none', key: 'a' },
  { name: 'full', arg: 'none', key: 'l' },
  { name: 'no-full', arg: 'none', key: 'F' },
  { name: 'no-hostname', arg: 'none', key: 'H' },
  { name: 'identifier', arg: 'required', key: 't' },
  { name: 'dmesg', arg: 'none', key: 'k' },
  { name: 'since', arg: 'required', key: 'S' },
  { name: 'until', arg: 'required', key: 'U' },
  { name: 'priority', arg: 'required', key: 'p' },
  { name: 'grep', arg: 'required', key: 'g' },
  { name: 'help', arg: 'none', key: 'h' },
  { name: 'version', arg: 'none', key: 'V' },
];

const HELP = `journalctl [OPTIONS...] [MATCHES...]

Query the journal.

Options (those this host simulates):
  -b --boot[=ID]             Show current boot (the only one here)
  -u --unit=UNIT             Show logs from the specified unit
  -t --identifier=STRING     Show entries with the specified syslog identifier
  -e --pager-end             Immediately jump to the end in the pager
  -f --follow                Follow the journal
  -n --lines[=INTEGER]       Number of journal entries to show
  -r --reverse               Show the newest entries first
  -o --output=STRING         Change journal output mode (short, short-iso,
                             short-precise, cat)
  -x --catalog               Add message explanations where available
     --no-hostname           Suppress output of hostname field
     --no-pager              Do not pipe output into a pager
  -q --quiet                 Do not show info messages and privilege warning
`;

const OUTPUTS = [
  'short',
  'short-full',
  'short-iso',
  'short-iso-precise',
  'short-precise',
  'short-monotonic',
  'short-delta',
  'short-unix',
  'verbose',
  'export',
  'json',
  'json-pretty',
  'json-sse',
  'json-seq',
  'cat',
  'with-unit',
];
const SIMULATED_OUTPUTS = ['short', 'short-iso', 'short-precise', 'cat'];

export interface JournalFormat {
  readonly output: string;
  readonly hostname: boolean;
}

/** One entry in journalctl's short family of formats (or `cat`). */
export function formatEntry(world: World, e: JournalEntry, f: JournalFormat): string {
  if (f.output === 'cat') return e.message;
  const stamp =
    f.output === 'short-iso'
      ? isoSeconds(world, e.t)
      : f.output === 'short-precise'
        ? journalStampPrecise(world, e.t, subMillis(e.seq))
        : journalStamp(world, e.t);
  return `${stamp}${f.hostname ? ` ${HOSTNAME}` : ''} ${e.ident}[${e.pid}]: ${e.message}`;
}

/** `docker`, `docker.service` -> the unit, or the name as given when there is no such unit. */
export function unitArg(name: string): UnitName | string {
  const base = name.replace(/\.service$/, '');
  return base === 'docker' || base === 'containerd' ? base : name;
}

interface Query {
  units: string[];
  idents: string[];
  lines: number | null;
  follow: boolean;
  reverse: boolean;
  format: JournalFormat;
  dmesg: boolean;
}

function matches(q: Query, e: JournalEntry): boolean {
  if (q.dmesg) return false;
  if (q.units.length > 0 && !q.units.includes(e.unit ?? '')) return false;
  if (q.idents.length > 0 && !q.idents.includes(e.ident)) return false;
  return true;
}

function fail(ctx: CommandContext, message: string): number {
  ctx.err(`${message}\n`);
  return 1;
}

/** journalctl reads `-n 5` too: the count may be the next word. */
function joinLineCounts(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    const next = args[i + 1];
    if ((a === '-n' || a === '--lines') && next !== undefined && /^(\+?\d+|all)$/.test(next)) {
      out.push(a === '-n' ? `-n${next}` : `--lines=${next}`);
      i++;
    } else out.push(a);
  }
  return out;
}

function run(ctx: CommandContext, args: readonly string[]): number | Job {
  const parsed = getopt(joinLineCounts(args), 'u:n::fePxqb::ro:alFHt:kS:U:p:g:hV', LONGS);
  if (!parsed.ok) {
    ctx.err(`journalctl: ${parsed.error}\n`);
    return 1;
  }
  const opts = parsed.options;
  if (has(opts, 'h')) {
    ctx.out(HELP);
    return 0;
  }
  if (has(opts, 'V')) {
    ctx.out('systemd 252 (252.39-1~deb12u1)\n');
    return 0;
  }
  const q: Query = {
    units: [],
    idents: [],
    lines: null,
    follow: has(opts, 'f'),
    reverse: has(opts, 'r'),
    format: { output: 'short', hostname: !has(opts, 'H') },
    dmesg: has(opts, 'k'),
  };
  let pagerEnd = false;
  for (const o of opts) {
    switch (o.key) {
      case 'u':
        q.units.push(unitArg(o.value ?? ''));
        break;
      case 't':
        q.idents.push(o.value ?? '');
        break;
      case 'n': {
        const v = o.value;
        if (v === undefined) q.lines = 10;
        else if (v === 'all') q.lines = null;
        else if (/^\+?\d+$/.test(v)) q.lines = Number(v.replace('+', ''));
        else return fail(ctx, `Failed to parse lines '${v}'`);
        break;
      }
      case 'e':
        pagerEnd = true;
        break;
      case 'o': {
        const v = o.value ?? '';
        if (!OUTPUTS.includes(v)) return fail(ctx, `Unknown output format '${v}'.`);
        if (!SIMULATED_OUTPUTS.includes(v))
          return fail(ctx, `journalctl: output format '${v}' is not simulated here`);
        q.format = { ...q.format, output: v };
        break;
      }
      case 'b':
        if (o.value !== undefined && !/^(0|-0)$/.test(o.value))
          return fail(
            ctx,
            'Data from the specified boot is not available: No such boot ID in journal',
          );
        break;
      case 'S':
      case 'U':
      case 'p':
      case 'g':
        return fail(ctx, `journalctl: ${o.as} is not simulated here`);
      default:
        break;
    }
  }
  if (parsed.operands.length > 0)
    return fail(ctx, 'journalctl: journal field matches are not simulated here');
  if (pagerEnd && q.lines === null) q.lines = 1000;
  if (q.follow && q.lines === null) q.lines = 10;

  const world = ctx.host.world;
  const reader = new JournalReader(world);
  const all = reader.read(ctx.host.trace).filter((e) => matches(q, e));
  let shown = q.lines === null ? all : q.lines === 0 ? [] : all.slice(-q.lines);
  if (q.reverse) shown = [...shown].reverse();
  if (shown.length === 0 && !q.follow) {
    if (!has(opts, 'q')) ctx.out('-- No entries --\n');
    return 0;
  }
  ctx.out(shown.map((e) => `${formatEntry(world, e, q.format)}\n`).join(''));
  if (!q.follow) return 0;
  return {
    poll: () => {
      const fresh = reader.read(ctx.host.trace).filter((e) => matches(q, e));
      if (fresh.length > 0)
        ctx.out(fresh.map((e) => `${formatEntry(ctx.host.world, e, q.format)}\n`).join(''));
      return null;
    },
    // Debian 12's journalctl dies of the SIGINT: the shell reports 128+2.
    interrupt: () => 130,
  };
}

export const journalctl: CommandSpec = {
  summary: 'read the journal of the Docker units (journalctl -u docker -n 20, -f to follow)',
  run,
  complete: (before, world) => {
    const last = before.at(-1);
    if (last === '-u' || last === '--unit')
      return world.settings.era === 'modern'
        ? ['docker', 'containerd', 'docker.service', 'containerd.service']
        : ['docker', 'docker.service'];
    return ['-u', '-f', '-n', '--no-pager', '-e', '-r', '-o'];
  },
};
