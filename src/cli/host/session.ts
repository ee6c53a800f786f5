/**
 * The terminal's own session on the host: a console login (`login` -> `-bash`) that the
 * simulation does not model, plus the command being run right now (`ps`, `pstree`, ...), which
 * exists only while it runs. Real tools list these too; they are drawn from here so that
 * `ps`, `pstree` and `pgrep` agree, and so that no tool can end the terminal by accident.
 */
import type { CommandContext } from '../shell/types';

/** PIDs below the ones the simulation hands out (from 1203) and away from its boot PIDs. */
export const LOGIN_PID = 1150;
export const SHELL_PID = 1187;
export const SESSION_TTY = 'tty1';
export const SESSION_CGROUP = '/user.slice/user-0.slice/session-1.scope';

export function isSessionPid(pid: number): boolean {
  return pid === LOGIN_PID || pid === SHELL_PID;
}

const SUDO = Symbol('sudo');

interface SudoMarked {
  readonly [SUDO]?: readonly string[];
}

/** A context for a command run through `sudo`: the process table then shows `sudo` above it. */
export function throughSudo(ctx: CommandContext, sudoArgv: readonly string[]): CommandContext {
  const marked = Object.create(ctx) as CommandContext & { [SUDO]: readonly string[] };
  Object.defineProperty(marked, SUDO, { value: sudoArgv });
  return marked;
}

/** The `sudo` command line this command runs under, if any. */
export function sudoArgv(ctx: CommandContext): readonly string[] | null {
  return (ctx as CommandContext & SudoMarked)[SUDO] ?? null;
}
