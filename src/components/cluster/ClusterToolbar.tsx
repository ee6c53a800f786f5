/**
 * The cluster's one-click controls: set up the 3 + 3 swarm, the big benchmark cluster, reset,
 * kill the leader, and the cluster's clock (play or pause, speed, let 5 s pass, virtual time).
 * Contract: drives the cluster store only; reports daemon errors through `onError`.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BIG_PLAN, SMALL_PLAN, useClusterStore } from '../../store/clusterStore';
import type { SwarmPlan } from '../../cli/cluster/swarmSetup';
import { ClockControls } from './ClockControls';

const BUTTON = 'btn px-2 py-0.5 text-sm disabled:cursor-not-allowed disabled:opacity-60';
/** How much virtual time the +5 s button lets pass. */
const ADVANCE_MS = 5000;
/** Long enough for the browser to paint the "creating" note before the set-up blocks. */
const PAINT_FIRST_MS = 50;

interface Props {
  readonly now: number;
  readonly hasLeader: boolean;
  readonly onError: (message: string | null) => void;
  readonly onKilled: (node: string) => void;
}

export function ClusterToolbar({ now, hasLeader, onError, onKilled }: Props) {
  const { t } = useTranslation();
  const playing = useClusterStore((s) => s.playing);
  const speed = useClusterStore((s) => s.speed);
  const store = useClusterStore.getState;
  const [busy, setBusy] = useState(false);
  // Setting up runs every join and service create at once (seconds for the big cluster): the
  // "creating" note is painted first, then the work runs.
  const setUp = (plan: SwarmPlan) => {
    setBusy(true);
    setTimeout(() => {
      onError(store().setUp(plan));
      setBusy(false);
    }, PAINT_FIRST_MS);
  };
  const killLeader = () => {
    const leader = store().killLeader();
    if (leader) onKilled(leader);
  };
  return (
    <div
      role="toolbar"
      aria-label={t('cluster.controls.label')}
      className="flex flex-wrap items-center gap-1.5"
    >
      <button type="button" className={BUTTON} disabled={busy} onClick={() => setUp(SMALL_PLAN)}>
        {t('cluster.controls.setup')}
      </button>
      <button type="button" className={BUTTON} onClick={killLeader} disabled={!hasLeader}>
        {t('cluster.controls.killLeader')}
      </button>
      <button type="button" className={BUTTON} onClick={() => store().reset()}>
        {t('cluster.controls.reset')}
      </button>
      <button type="button" className={BUTTON} disabled={busy} onClick={() => setUp(BIG_PLAN)}>
        {t('cluster.controls.setupBig')}
      </button>
      {busy && <span className="text-muted text-sm">{t('cluster.starting')}</span>}
      <ClockControls
        now={now}
        playing={playing}
        speed={speed}
        skips={[
          {
            ms: ADVANCE_MS,
            text: t('cluster.controls.advance'),
            label: t('cluster.controls.advanceLabel'),
          },
        ]}
        onPlaying={(play) => (play ? store().play() : store().pause())}
        onSkip={(ms) => store().advance(ms)}
        onSpeed={(s) => store().setSpeed(s)}
      />
    </div>
  );
}
