/**
 * The cluster world at any position of its trace (for playback): the base world replayed with
 * the trace's changes, checkpointed like a host's world (src/sim/snapshot.ts).
 */
import { CheckpointedHistory } from '../snapshot';
import { applyClusterChange, type ClusterChange } from './changes';
import type { ClusterWorld } from './types';

export class ClusterHistory extends CheckpointedHistory<ClusterWorld, ClusterChange> {
  constructor(base: ClusterWorld) {
    super(base, applyClusterChange);
  }
}
