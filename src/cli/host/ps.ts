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
import { parse, PsError, SIMPLE_HELP, USAGE, type Parsed } from './psOptions';
import { SESSION_TTY } from './session';

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
