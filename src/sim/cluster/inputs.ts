/**
 * Cluster inputs: everything from outside that can change the cluster, as data. A session's
 * log is a list of inputs stamped with the virtual time they arrived at; replaying it on a
 * fresh cluster with the same options gives the same traces (the cluster's and every
 * machine's), byte for byte.
 */
import type { ApiRequest, ApiResponse } from '../api/types';
import type { Input } from '../inputs';
import type { NodeId } from './types';

export type ClusterInput =
  /** An Engine API request on a machine, as `docker` on that machine sends it. */
  | { readonly kind: 'api'; readonly node: NodeId; readonly request: ApiRequest }
  /** A line typed at a machine's terminal: recorded only (the shell turns it into inputs). */
  | { readonly kind: 'typed'; readonly node: NodeId; readonly line: string }
  /** Any other input of one machine's host: a signal, `systemctl`, a file write. */
  | { readonly kind: 'host'; readonly node: NodeId; readonly input: Input }
  /** The machine stops at once: every process dies, it answers nothing. */
  | { readonly kind: 'powerOff'; readonly node: NodeId }
  /**
   * The machine's network to the others is cut: it keeps running its containers, but no
   * manager can reach it and it can reach none.
   */
  | { readonly kind: 'partition'; readonly node: NodeId }
  /**
   * Power on (systemd starts containerd and dockerd again; task containers from before are
   * dead and the agent reconciles), or heal a partition.
   */
  | { readonly kind: 'restore'; readonly node: NodeId }
  /** Time passes. */
  | { readonly kind: 'advance'; readonly ms: number };

export interface LoggedClusterInput {
  /** Virtual time the input arrived at. */
  readonly at: number;
  readonly input: ClusterInput;
}

export interface ClusterInputResult {
  readonly ok: boolean;
  /** What went wrong, in the words of the tool that would say it. */
  readonly message?: string;
  readonly response?: ApiResponse;
}

/** A one-line label for the trace's input entries. */
export function describeClusterInput(input: ClusterInput): string {
  switch (input.kind) {
    case 'api':
      return `${input.node}: ${input.request.method} ${input.request.path}`;
    case 'typed':
      return `${input.node}$ ${input.line.length > 200 ? `${input.line.slice(0, 200)}…` : input.line}`;
    case 'host':
      return `${input.node}: ${input.input.kind}`;
    case 'powerOff':
      return `power off ${input.node}`;
    case 'partition':
      return `cut ${input.node} off the network`;
    case 'restore':
      return `restore ${input.node}`;
    case 'advance':
      return 'time passes';
  }
}
