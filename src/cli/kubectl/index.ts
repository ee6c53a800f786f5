/**
 * The laptop terminal of the Kubernetes lesson: a shell with `kubectl` configured for the
 * simulated cluster (kubeShell.ts, whose header is the contract), and the replay that rebuilds
 * a session's terminal from the cluster's log.
 */
export { INTERRUPT_LINE, KubeShell, KUBE_PROMPT, type KubeShellOptions } from './kubeShell';
export { replayKubeTerminal, type ReplayedKube } from './replay';
export { kubectl } from './kubectl';
export { humanDuration } from './duration';
