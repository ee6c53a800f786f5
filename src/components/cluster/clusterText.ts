/**
 * Words for the cluster view: a node's status words with their symbols, its accessible name
 * ("node-2, manager, leader, ready, 3 tasks: web.1 running, ..."), a service's count line and
 * the quorum sentence. The cards, the summary and the screen-reader names all use these, so
 * what is heard is what is shown.
 * Contract: pure given `t`; every status is a word and a symbol, never a colour alone.
 */
import type { TFunction } from 'i18next';
import { phaseCounts, type NodeCard, type ServiceLine, type ServiceTally } from './clusterModel';
import type { RaftSummary } from './quorum';
import type { TaskPhase } from './taskPhase';

/** The status markers a card shows, most important first. */
export type NodeMark =
  | 'ready'
  | 'down'
  | 'unknown'
  | 'disconnected'
  | 'notJoined'
  | 'unreachable'
  | 'drained'
  | 'paused'
  | 'poweredOff'
  | 'partitioned';

/**
 * A marker's symbol and how serious it is (which colour family draws it). Symbols are ones the
 * common fallback fonts have (⏻ and ⫽ show as boxes on many systems).
 */
export const MARK_LOOK: Readonly<
  Record<NodeMark, { symbol: string; tone: 'ok' | 'warn' | 'bad' | 'info' }>
> = {
  ready: { symbol: '●', tone: 'ok' },
  down: { symbol: '✕', tone: 'bad' },
  unknown: { symbol: '?', tone: 'warn' },
  disconnected: { symbol: '⚠', tone: 'warn' },
  notJoined: { symbol: '○', tone: 'info' },
  unreachable: { symbol: '⚠', tone: 'bad' },
  drained: { symbol: '⇣', tone: 'info' },
  paused: { symbol: '❚❚', tone: 'info' },
  poweredOff: { symbol: '⊘', tone: 'bad' },
  partitioned: { symbol: '✂', tone: 'bad' },
};

export const PHASE_SYMBOL: Readonly<Record<TaskPhase, string>> = {
  running: '●',
  starting: '◐',
  stopping: '◑',
  lost: '?',
  failed: '✕',
  ended: '■',
};

/** What the card says about the node: the managers' view first, then the machine's truth. */
export function nodeMarks(card: NodeCard): NodeMark[] {
  const marks: NodeMark[] = [];
  if (card.role === null) marks.push('notJoined');
  else marks.push(card.state === 'ready' ? 'ready' : card.state);
  if (card.unreachable) marks.push('unreachable');
  if (card.role !== null && card.availability === 'drain') marks.push('drained');
  if (card.role !== null && card.availability === 'pause') marks.push('paused');
  if (card.machine === 'powered-off') marks.push('poweredOff');
  if (card.machine === 'partitioned') marks.push('partitioned');
  return marks;
}

export function markText(mark: NodeMark, t: TFunction): string {
  return t(`cluster.mark.${mark}`);
}

export function roleText(card: NodeCard, t: TFunction): string {
  return card.role === null ? t('cluster.role.none') : t(`cluster.role.${card.role}`);
}

/** `web 20 running, 5 starting` */
export function tallyText(tally: ServiceTally, t: TFunction): string {
  const parts = phaseCounts(tally.phases).map(({ phase, count }) =>
    t('cluster.phaseCount', { count, phase: t(`cluster.phase.${phase}`) }),
  );
  return `${tally.name} ${parts.join(', ')}`;
}

/** The card's full name for assistive technology, in the order the card shows it. */
export function nodeName(card: NodeCard, t: TFunction): string {
  const head = [card.hostname, roleText(card, t)];
  if (card.leader) head.push(t('cluster.leader'));
  head.push(...nodeMarks(card).map((mark) => markText(mark, t)));
  const list = card.tallies
    ? card.tallies.map((tally) => tallyText(tally, t))
    : card.tasks.map((task) => `${task.label} ${t(`cluster.phase.${task.phase}`)}`);
  const tasks = t('cluster.taskCount', { count: card.tasks.length });
  head.push(list.length > 0 ? `${tasks}: ${list.join(', ')}` : tasks);
  return head.join(', ');
}

/** `web 5/6, converging` */
export function serviceCountText(line: ServiceLine, t: TFunction): string {
  const counts = `${line.running}/${line.desired}`;
  return line.converging
    ? t('cluster.service.countConverging', { counts })
    : t('cluster.service.count', { counts });
}

/** The quorum sentence under the Raft panel's numbers. */
export function quorumText(raft: RaftSummary, t: TFunction): string {
  if (raft.state === 'none') return t('cluster.raft.noSwarm');
  const reachable = t('cluster.raft.reachable', {
    count: raft.managers,
    reachable: raft.reachable,
  });
  return `${reachable} — ${t(`cluster.raft.state.${raft.state}`)}`;
}

/** `3 managers: a quorum is 2, so 1 may fail.` */
export function toleranceText(raft: RaftSummary, t: TFunction): string {
  return t('cluster.raft.tolerates', {
    count: raft.tolerates,
    managers: t('cluster.raft.managers', { count: raft.managers }),
    needed: raft.needed,
  });
}
