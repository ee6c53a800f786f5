/**
 * The Kubernetes cluster's clock and reset: play or pause, speed, let 10 s or 5 min pass (a
 * dead node's pods wait out a 300 s toleration before they move), and the virtual time.
 * Contract: drives the kube store only.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useKubeStore } from '../../store/kubeStore';
import { SPEEDS, type Speed } from '../../store/playback';

const BUTTON = 'btn px-2 py-0.5 text-sm';
const SKIPS = [
  { ms: 10_000, key: 'skip10s' },
  { ms: 300_000, key: 'skip5m' },
] as const;

export function KubeToolbar({ now }: { readonly now: number }) {
  const { t } = useTranslation();
  const speedId = useId();
  const playing = useKubeStore((s) => s.playing);
  const speed = useKubeStore((s) => s.speed);
  const store = useKubeStore.getState;
  return (
    <div
      role="toolbar"
      aria-label={t('kube.controls.label')}
      className="flex flex-wrap items-center gap-1.5"
    >
      <button type="button" className={BUTTON} onClick={() => store().reset()}>
        {t('kube.controls.reset')}
      </button>
      <button
        type="button"
        className={BUTTON}
        onClick={() => (playing ? store().pause() : store().play())}
      >
        {playing ? t('cluster.controls.pause') : t('cluster.controls.play')}
      </button>
      {SKIPS.map((skip) => (
        <button
          key={skip.key}
          type="button"
          className={BUTTON}
          aria-label={t(`kube.controls.${skip.key}Label`)}
          onClick={() => store().advance(skip.ms)}
        >
          {t(`kube.controls.${skip.key}`)}
        </button>
      ))}
      <label htmlFor={speedId} className="sr-only">
        {t('cluster.controls.speed')}
      </label>
      <select
        id={speedId}
        className="rounded border border-slate-400 bg-white px-1 py-0.5 text-sm dark:bg-slate-900"
        value={speed}
        onChange={(event) => store().setSpeed(Number(event.target.value) as Speed)}
      >
        {SPEEDS.map((s) => (
          <option key={s} value={s}>
            {s}×
          </option>
        ))}
      </select>
      <span className="text-muted font-mono text-xs tabular-nums">
        {t('cluster.controls.time', { seconds: (now / 1000).toFixed(1) })}
      </span>
    </div>
  );
}
