/**
 * The shell of a terminal on the student's laptop, with kubectl configured for the simulated
 * cluster (https://10.0.0.10:6443). It is a `LineShell` (src/cli/shell/lineShell.ts), as the
 * host's `Shell` is, so it has the same observable contract: `execute`, `submit`, `interrupt`,
 * `poll`, `busy`, `history`, `complete`, `subscribe`, `columns`; lines with `;`, `&&`, `||`,
 * pipes and `$(...)`. The laptop has no simulated files: a redirect is refused.
 *
 * Contract: every line is recorded in the cluster's log first (a `typed` input), then turned
 * into the API requests it makes; a Ctrl-C that stops a job is logged as the typed line `^C`.
 * The shell owns no cluster state; given the same port and the same calls it prints the same
 * output, which is what lets `replayKubeTerminal` rebuild a session's terminal from the log.
 * No command can throw out of it (`guard`).
 */
import { API_PORT, CONTROL_PLANE_ADDRESS } from '../../sim/kube/defaults';
import type { KubePort } from '../../sim/kube/port';
import {
  LineShell,
  type LineShellOptions,
  type Redirect,
  type RedirectSink,
} from '../shell/lineShell';
import type { Completion, StreamContext } from '../shell/types';
import { kubeBuiltins } from './kubeBuiltins';
import { completeLine } from './kubectlComplete';
import { kubectlSpec } from './kubectl';
import type { KubeCommandContext, KubeCommandSpec } from './types';

export const KUBE_PROMPT = 'student@laptop:~$ ';

export const KUBE_ENV: Readonly<Record<string, string>> = {
  HOME: '/home/student',
  HOSTNAME: 'laptop',
  LANG: 'C.UTF-8',
  LOGNAME: 'student',
  PATH: '/usr/local/bin:/usr/bin:/bin',
  PWD: '/home/student',
  SHELL: '/bin/bash',
  TERM: 'xterm-256color',
  USER: 'student',
};

/** How a Ctrl-C is logged: as a typed line, which it cannot be while a job holds the prompt. */
export const INTERRUPT_LINE = '^C';

/** Said after `docker: command not found`: where the Docker habit meets the cluster. */
export const DOCKER_HINT =
  '(the nodes run containerd through CRI; there is no Docker Engine in this cluster)';

export type KubeShellOptions = LineShellOptions;

const HELP_INTRO = [
  'This terminal is your laptop, not a node of the cluster. kubectl talks to the API',
  `server at https://${CONTROL_PLANE_ADDRESS}:${API_PORT}. The nodes run containerd through CRI and`,
  'there is no dockerd, so `docker` is not here. Tab completes; the arrows recall lines.',
];
const HELP_EXAMPLES = [
  'Try: kubectl get nodes, then kubectl create deployment web --image=nginx --replicas=3,',
  'then kubectl get pods -o wide.',
];

export class KubeShell extends LineShell<KubeCommandContext> {
  protected readonly commands: Readonly<Record<string, KubeCommandSpec>>;
  protected readonly substitutionPipes = true;

  constructor(
    readonly port: KubePort,
    options: KubeShellOptions = {},
  ) {
    super(KUBE_ENV, options);
    this.commands = {
      ...kubeBuiltins(this.services(HELP_INTRO, HELP_EXAMPLES)),
      kubectl: kubectlSpec,
    };
  }

  prompt(): string {
    return KUBE_PROMPT;
  }

  complete(line: string, cursor: number): Completion {
    return completeLine(line, cursor, this.commands, this.port);
  }

  protected record(line: string): void {
    this.port.apply({ kind: 'typed', line });
  }

  /**
   * A Ctrl-C is logged as the typed line `^C`, only while a job runs (when no line can be
   * typed), so that a replay stops the job where the session stopped it.
   */
  protected recordInterrupt(running: boolean): void {
    if (running) this.port.apply({ kind: 'typed', line: INTERRUPT_LINE });
  }

  protected context(streams: StreamContext): KubeCommandContext {
    return { port: this.port, ...streams };
  }

  /** The laptop's files are not simulated: say so rather than pretend to have written. */
  protected redirect(target: Redirect): RedirectSink {
    this.write('stderr', `bash: ${target.path}: this simulated laptop has no files\n`);
    return 1;
  }

  protected override notFound(name: string): string {
    return `${super.notFound(name)}${name === 'docker' ? `${DOCKER_HINT}\n` : ''}`;
  }
}
