/**
 * What a Kubernetes client (kubectl, the cluster view) sees of the simulated cluster. The
 * `KubeCluster` (kubeCluster.ts) implements it; tests may too.
 *
 * Contract: reads come straight from `world` (they change nothing, so they are not logged),
 * but only while `apiReachable()`; otherwise a client prints `connectionRefused()`. Writes are
 * inputs (`apply`), logged with their virtual time so that a replay reproduces them.
 */
import type { KubeInput, KubeResult } from './inputs';
import type { KubeTraceEntry } from './trace';
import type { SeqTrace } from '../traceWindow';
import type { KubeWorld } from './types';

export interface KubePort {
  /** The live world (API objects and machines). */
  readonly world: KubeWorld;
  /** What happened, by seq: the latest entries only (src/sim/traceWindow.ts). */
  readonly trace: SeqTrace<KubeTraceEntry>;
  /** Virtual time in ms. */
  readonly now: number;
  /** The API server answers (its machine is on and has booted). */
  apiReachable(): boolean;
  /**
   * kubectl's words when it cannot reach the API server:
   * `The connection to the server 10.0.0.10:6443 was refused - did you specify the right host or port?`
   */
  connectionRefused(): string;
  apply(input: KubeInput): KubeResult;
}
