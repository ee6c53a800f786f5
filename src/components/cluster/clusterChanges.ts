/**
 * What is worth saying out loud when the cluster changes: a node went down or came back, a new
 * leader was elected (with its term), the quorum was lost or regained, a service converged.
 * Contract: pure; compares two snapshots of the view model and returns each change once, as
 * an i18n key and its values. Nothing is said for the first snapshot (opening the view is not
 * news), nor for a node that is only joining.
 */
import type { NodeCard, ServiceLine } from './clusterModel';
import type { RaftSummary } from './quorum';

export interface ClusterSnapshot {
  readonly nodes: readonly NodeCard[];
  readonly services: readonly ServiceLine[];
  readonly raft: RaftSummary;
}

export type ClusterNews =
  | { readonly key: 'nodeDown' | 'nodeReady'; readonly name: string }
  | { readonly key: 'leader'; readonly name: string; readonly term: number }
  | { readonly key: 'quorumLost' | 'quorumRegained' }
  | {
      readonly key: 'converged';
      readonly name: string;
      readonly running: number;
      readonly desired: number;
    };

export function clusterNews(before: ClusterSnapshot | null, after: ClusterSnapshot): ClusterNews[] {
  if (!before) return [];
  const news: ClusterNews[] = [];
  const was = new Map(before.nodes.map((n) => [n.id, n]));
  for (const node of after.nodes) {
    const old = was.get(node.id);
    if (!old || old.role === null || node.role === null) continue;
    if (old.state !== 'down' && node.state === 'down')
      news.push({ key: 'nodeDown', name: node.hostname });
    if (old.state === 'down' && node.state === 'ready')
      news.push({ key: 'nodeReady', name: node.hostname });
  }
  const { raft } = after;
  if (before.raft.state !== 'lost' && raft.state === 'lost' && before.raft.state !== 'none')
    news.push({ key: 'quorumLost' });
  if (before.raft.state === 'lost' && raft.state !== 'lost') news.push({ key: 'quorumRegained' });
  // The first leader of a new swarm is news too, once the swarm exists.
  const newLeader = raft.leader !== before.raft.leader || raft.term !== before.raft.term;
  if (raft.leaderHostname !== null && newLeader)
    news.push({ key: 'leader', name: raft.leaderHostname, term: raft.term });
  const wasConverging = new Map(before.services.map((s) => [s.id, s.converging]));
  for (const service of after.services) {
    if (wasConverging.get(service.id) === true && !service.converging)
      news.push({
        key: 'converged',
        name: service.name,
        running: service.running,
        desired: service.desired,
      });
  }
  return news;
}

function sameList<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): boolean {
  return a.length === b.length && a.every((x, i) => same(x, b[i] as T));
}

/**
 * True when two cards draw the same: lets 50 memoised cards skip re-rendering on a clock tick
 * that changed only a few of them (the model is rebuilt whole on every tick).
 */
export function sameCard(a: NodeCard, b: NodeCard): boolean {
  return (
    a.id === b.id &&
    a.role === b.role &&
    a.leader === b.leader &&
    a.state === b.state &&
    a.unreachable === b.unreachable &&
    a.availability === b.availability &&
    a.machine === b.machine &&
    sameList(
      a.tasks,
      b.tasks,
      (x, y) =>
        x.id === y.id && x.phase === y.phase && x.label === y.label && x.colour === y.colour,
    ) &&
    (a.tallies === null) === (b.tallies === null)
  );
}
