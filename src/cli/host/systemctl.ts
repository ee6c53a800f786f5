/**
 * `systemctl` (systemd 252) for the Docker units: start, stop, restart, reload (through
 * `host.apply`), kill (signals every process of the unit's cgroup, as systemd does by
 * default), status (the real layout: Loaded, Active, Main PID, the CGroup tree, the last
 * journal lines), is-active, is-enabled, is-failed, show -p. A unit the host does not have
 * gets systemd's own words and exit codes (status: 4, start: 5).
 */
import type { CommandContext, CommandSpec } from '../shell/types';
import { systemdAgo, systemdTimestamp } from './clock';
import { formatEntry } from './journalctl';
import { getopt, has, lastValue, type LongOption } from './getopt';
import { journalOf, unitsOf, type UnitName } from './journal';
import { cmdline, tableFor } from './proctable';
import { bashSignal, simulatedSignal } from './signals';
import { fullUnitName, RESTART_SEC, SERVICE_OF, UNIT_DOCS, unitNamed, unitStatus } from './units';

const LONGS: LongOption[] = [
  { name: 'full', arg: 'none', key: 'l' },
  { name: 'lines', arg: 'required', key: 'n' },
  { name: 'no-pager', arg: 'none', key: 'P' },
  { name: 'quiet', arg: 'none', key: 'q' },
  { name: 'signal', arg: 'required', key: 's' },
  { name: 'kill-whom', arg: 'required', key: 'W' },
  { name: 'property', arg: 'required', key: 'p' },
  { name: 'value', arg: 'none', key: 'v' },
  { name: 'now', arg: 'none', key: 'N' },
  { name: 'no-block', arg: 'none', key: 'B' },
  { name: 'help', arg: 'none', key: 'h' },
  { name: 'version', arg: 'none', key: 'V' },
];

const VERBS = [
  'start',
  'stop',
  'restart',
  'reload',
  'try-restart',
  'reload-or-restart',
  'status',
  'is-active',
  'is-enabled',
  'is-failed',
  'kill',
  'show',
  'daemon-reload',
];

/** Real verbs this host does not simulate. */
const NOT_SIMULATED = [
  'list-units',
  'list-unit-files',
  'list-sockets',
  'list-timers',
  'list-jobs',
  'enable',
  'disable',
  'mask',
  'unmask',
  'cat',
  'edit',
  'reset-failed',
  'isolate',
  'reboot',
  'poweroff',
  'halt',
];

function ellipsize(line: string, width: number, full: boolean): string {
  return full || line.length <= width ? line : `${line.slice(0, Math.max(0, width - 1))}…`;
}

const GLYPH: Record<string, string> = {
  active: '●',
  activating: '●',
  deactivating: '●',
  inactive: '○',
  failed: '×',
};

function statusText(ctx: CommandContext, unit: UnitName, lines: number, full: boolean): string {
  const world = ctx.host.world;
  const st = unitStatus(world, ctx.host.trace, unit);
  const out: string[] = [];
  out.push(`${GLYPH[st.active] ?? '●'} ${unit}.service - ${st.description}`);
  out.push(`     Loaded: loaded (/lib/systemd/system/${unit}.service; enabled; preset: enabled)`);
  const when = `${systemdTimestamp(world, st.since)}; ${systemdAgo(world.now - st.since)}`;
  const result = st.result ? ` (Result: ${st.result})` : '';
  const active =
    st.active === 'active'
      ? `active (running) since ${when}`
      : st.active === 'activating'
        ? `activating (${st.sub})${result} since ${when}`
        : st.active === 'deactivating'
          ? `deactivating (stop-sigterm) since ${when}`
          : st.active === 'failed'
            ? `failed${result} since ${when}`
            : st.since === 0 && !st.lastExit
              ? 'inactive (dead)'
              : `inactive (dead) since ${when}`;
  out.push(`     Active: ${active}`);
  out.push(`       Docs: ${UNIT_DOCS[unit]}`);
  if (st.lastExit) {
    out.push(`    Process: ${st.lastExit.pid} ExecStart=${st.execStart} (${st.lastExit.how})`);
    out.push(`   Main PID: ${st.lastExit.pid} (${st.lastExit.how})`);
  }
  const table = tableFor(ctx, ['systemctl', 'status', unit]);
  const main = st.mainPid === null ? undefined : table.find((p) => p.pid === st.mainPid);
  if (main) out.push(`   Main PID: ${main.pid} (${main.comm})`);
  const cgroup = `/system.slice/${unit}.service`;
  const members = table.filter((p) => p.cgroup === cgroup);
  if (members.length > 0) {
    out.push(`     CGroup: ${cgroup}`);
    const width = String(Math.max(...members.map((p) => p.pid))).length;
    members.forEach((p, i) => {
      const glyph = i === members.length - 1 ? '└─' : '├─';
      out.push(
        ellipsize(
          `             ${glyph}${String(p.pid).padStart(width)} ${cmdline(p)}`,
          ctx.columns,
          full,
        ),
      );
    });
  }
  const journal = journalOf(world, ctx.host.trace).filter((e) => e.unit === unit);
  const tail = lines > 0 ? journal.slice(-lines) : [];
  if (tail.length > 0) {
    out.push('');
    for (const e of tail)
      out.push(
        ellipsize(formatEntry(world, e, { output: 'short', hostname: true }), ctx.columns, full),
      );
  }
  return out.map((l) => `${l}\n`).join('');
}

function property(ctx: CommandContext, unit: UnitName, name: string): string | null {
  const st = unitStatus(ctx.host.world, ctx.host.trace, unit);
  const values: Record<string, string> = {
    Id: `${unit}.service`,
    Description: st.description,
    LoadState: 'loaded',
    ActiveState: st.active,
    SubState: st.sub,
    Result: st.result ?? 'success',
    MainPID: String(st.mainPid ?? 0),
    ExecMainPID: String(st.mainPid ?? st.lastExit?.pid ?? 0),
    ControlGroup: `/system.slice/${unit}.service`,
    UnitFileState: 'enabled',
    Restart: 'always',
    RestartUSec: `${RESTART_SEC[unit]}s`,
    KillMode: 'process',
    Type: 'notify',
  };
  return Object.hasOwn(values, name) ? (values[name] ?? null) : null;
}

type Action = 'start' | 'stop' | 'restart' | 'reload';

function apply(ctx: CommandContext, verb: string, unit: UnitName): string | undefined {
  const steps: Action[] =
    verb === 'reload-or-restart'
      ? [ctx.host.world.services[SERVICE_OF[unit]].state === 'up' ? 'reload' : 'restart']
      : verb === 'try-restart'
        ? ctx.host.world.services[SERVICE_OF[unit]].state === 'up'
          ? ['restart']
          : []
        : [verb as Action];
  for (const action of steps) {
    const result = ctx.host.apply({ kind: 'systemctl', action, unit });
    if (!result.ok) return result.message ?? `Failed to ${action} ${unit}.service.`;
  }
  return undefined;
}

function killUnit(ctx: CommandContext, unit: UnitName, signalSpec: string, whom: string): number {
  const n = bashSignal(signalSpec);
  if (n === null) {
    ctx.err(`Failed to parse signal string ${signalSpec}.\n`);
    return 1;
  }
  const name = simulatedSignal(n);
  if (name === null) {
    ctx.err(`systemctl: signal ${signalSpec} is not simulated here\n`);
    return 1;
  }
  const st = unitStatus(ctx.host.world, ctx.host.trace, unit);
  const table = tableFor(ctx, ['systemctl', 'kill', unit]);
  const members = table.filter((p) => p.cgroup === `/system.slice/${unit}.service`);
  const mainFirst = [
    ...members.filter((p) => p.pid === st.mainPid),
    ...(whom === 'main' ? [] : members.filter((p) => p.pid !== st.mainPid)),
  ];
  if (mainFirst.length === 0) {
    ctx.err(`Failed to kill unit ${unit}.service: No main process to kill\n`);
    return 1;
  }
  for (const p of mainFirst)
    if (ctx.host.world.processes[p.pid])
      ctx.host.apply({ kind: 'signal', target: { pid: p.pid }, signal: name });
  return 0;
}

function run(ctx: CommandContext, args: readonly string[]): number {
  const parsed = getopt(args, 'ln:Pqs:p:hV', LONGS);
  if (!parsed.ok) {
    ctx.err(`systemctl: ${parsed.error}\n`);
    return 1;
  }
  const opts = parsed.options;
  if (has(opts, 'h')) {
    ctx.out(
      `systemctl [OPTIONS...] COMMAND ...\n\nQuery or send control commands to the system manager.\n\nCommands this host simulates:\n  ${VERBS.join('\n  ')}\n`,
    );
    return 0;
  }
  if (has(opts, 'V')) {
    ctx.out('systemd 252 (252.39-1~deb12u1)\n');
    return 0;
  }
  const [verb, ...names] = parsed.operands;
  if (verb === undefined || NOT_SIMULATED.includes(verb)) {
    ctx.err(
      `systemctl: ${verb ?? 'list-units'} is not simulated here; try: systemctl status docker\n`,
    );
    return 1;
  }
  if (!VERBS.includes(verb)) {
    ctx.err(`Unknown command verb '${verb}'.\n`);
    return 1;
  }
  if (verb === 'daemon-reload') return 0;
  if (names.length === 0 && verb !== 'status') {
    ctx.err('Too few arguments.\n');
    return 1;
  }
  const world = ctx.host.world;
  const units = names.length > 0 ? names : unitsOf(world.settings.era);
  const full = has(opts, 'l');
  switch (verb) {
    case 'status': {
      const linesText = lastValue(opts, 'n') ?? '10';
      if (!/^\d+$/.test(linesText)) {
        ctx.err(`Failed to parse lines '${linesText}'\n`);
        return 1;
      }
      let status = 0;
      const blocks: string[] = [];
      for (const name of units) {
        const unit = unitNamed(world, name);
        if (!unit) {
          ctx.err(`Unit ${fullUnitName(name)} could not be found.\n`);
          status = 4;
          continue;
        }
        blocks.push(statusText(ctx, unit, Number(linesText), full));
        if (status === 0 && unitStatus(world, ctx.host.trace, unit).active !== 'active') status = 3;
      }
      ctx.out(blocks.join('\n'));
      return status;
    }
    case 'is-active':
    case 'is-failed': {
      let any = false;
      for (const name of units) {
        const unit = unitNamed(world, name);
        const state = unit ? unitStatus(world, ctx.host.trace, unit).active : 'inactive';
        if (!has(opts, 'q')) ctx.out(`${state}\n`);
        if (verb === 'is-active' ? state === 'active' : state === 'failed') any = true;
      }
      return any ? 0 : verb === 'is-active' ? 3 : 1;
    }
    case 'is-enabled': {
      let status = 0;
      for (const name of units) {
        if (unitNamed(world, name)) {
          if (!has(opts, 'q')) ctx.out('enabled\n');
        } else {
          ctx.err(
            `Failed to get unit file state for ${fullUnitName(name)}: No such file or directory\n`,
          );
          status = 1;
        }
      }
      return status;
    }
    case 'show': {
      const props = opts.filter((o) => o.key === 'p').flatMap((o) => (o.value ?? '').split(','));
      const wanted =
        props.length > 0
          ? props
          : [
              'Id',
              'Description',
              'LoadState',
              'ActiveState',
              'SubState',
              'Result',
              'MainPID',
              'ControlGroup',
              'Restart',
              'RestartUSec',
              'KillMode',
            ];
      const blocks: string[] = [];
      for (const name of units) {
        const unit = unitNamed(world, name);
        const lines: string[] = [];
        for (const prop of wanted) {
          const value = unit
            ? property(ctx, unit, prop)
            : prop === 'LoadState'
              ? 'not-found'
              : null;
          if (value === null) continue;
          lines.push(has(opts, 'v') ? value : `${prop}=${value}`);
        }
        blocks.push(lines.map((l) => `${l}\n`).join(''));
      }
      ctx.out(blocks.join('\n'));
      return 0;
    }
    case 'kill': {
      let status = 0;
      for (const name of units) {
        const unit = unitNamed(world, name);
        if (!unit) {
          ctx.err(
            `Failed to kill unit ${fullUnitName(name)}: Unit ${fullUnitName(name)} not loaded.\n`,
          );
          status = 1;
          continue;
        }
        const whom = lastValue(opts, 'W') ?? 'all';
        if (!['all', 'main', 'control'].includes(whom)) {
          ctx.err(`Failed to parse kill-whom value: ${whom}\n`);
          return 1;
        }
        status = Math.max(status, killUnit(ctx, unit, lastValue(opts, 's') ?? 'SIGTERM', whom));
      }
      return status;
    }
    default: {
      let status = 0;
      for (const name of units) {
        const unit = unitNamed(world, name);
        if (!unit) {
          ctx.err(
            `Failed to ${verb} ${fullUnitName(name)}: Unit ${fullUnitName(name)} not found.\n`,
          );
          status = 5;
          continue;
        }
        const message = apply(ctx, verb, unit);
        if (message) {
          ctx.err(`${message}\n`);
          status = Math.max(status, 1);
        }
      }
      return status;
    }
  }
}

export const systemctl: CommandSpec = {
  summary: 'control and inspect the docker and containerd units (systemctl status docker)',
  run,
  complete: (before, world) => {
    if (before.length === 0) return VERBS;
    return world.settings.era === 'modern'
      ? ['docker', 'containerd', 'docker.service', 'containerd.service']
      : ['docker', 'docker.service'];
  },
};
