/**
 * The Kubernetes cluster's clock and reset: play or pause, speed, let 10 s or 5 min pass (a
 * dead node's pods wait out a 300 s toleration before they move), and the virtual time.
 * Contract: drives the kube store only.
 */
import { useTranslation } from 'react-i18next';
import { useKubeStore } from '../../store/kubeStore';
import { ClockControls } from '../cluster/ClockControls';

export function KubeToolbar({ now }: { readonly now: number }) {
  const { t } = useTranslation();
  const playing = useKubeStore((s) => s.playing);
  const speed = useKubeStore((s) => s.speed);
  const store = useKubeStore.getState;
  return (
    <div
      role="toolbar"
      aria-label={t('kube.controls.label')}
      className="flex flex-wrap items-center gap-1.5"
    >
      <button type="button" className="btn px-2 py-0.5 text-sm" onClick={() => store().reset()}>
        {t('kube.controls.reset')}
      </button>
      <ClockControls
        now={now}
        playing={playing}
        speed={speed}
        skips={[
          { ms: 10_000, text: t('kube.controls.skip10s'), label: t('kube.controls.skip10sLabel') },
          { ms: 300_000, text: t('kube.controls.skip5m'), label: t('kube.controls.skip5mLabel') },
        ]}
        onPlaying={(play) => (play ? store().play() : store().pause())}
        onSkip={(ms) => store().advance(ms)}
        onSpeed={(s) => store().setSpeed(s)}
      />
    </div>
  );
}
