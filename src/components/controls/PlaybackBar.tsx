/**
 * Playback controls: restart, step back, play or pause, step forward, jump to now, speed, and
 * a timeline that can be scrubbed to any trace position. Acting while in the past forks the
 * future (sessionStore.run). Contract: reads and drives the session store only.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { SPEEDS, stepPositions, type Speed } from '../../store/playback';
import { useSessionStore } from '../../store/sessionStore';

/** 16x16 glyphs in the text colour: font glyphs for media keys are missing on many systems. */
const ICONS = {
  restart: 'M3 3h2v10H3zM13 3v10L6 8z',
  back: 'M12 3v10L5 8z',
  play: 'M4 3v10l9-5z',
  pause: 'M4 3h3v10H4zM9 3h3v10H9z',
  forward: 'M4 3v10l7-5zM11 3h2v10h-2z',
  toEnd: 'M11 3h2v10h-2zM3 3v10l7-5z',
} as const;

interface IconButtonProps {
  readonly label: string;
  readonly icon: keyof typeof ICONS;
  readonly onClick: () => void;
  readonly disabled?: boolean;
  readonly pressed?: boolean;
}

function IconButton({ label, icon, onClick, disabled, pressed }: IconButtonProps) {
  return (
    <button
      type="button"
      className="btn inline-flex min-w-9 items-center justify-center px-2 py-1 text-sm disabled:opacity-50"
      onClick={onClick}
      disabled={disabled}
      aria-label={label}
      aria-pressed={pressed}
      title={label}
    >
      <svg aria-hidden="true" viewBox="0 0 16 16" width="16" height="16" fill="currentColor">
        <path d={ICONS[icon]} />
      </svg>
    </button>
  );
}

export function PlaybackBar({ onHelp }: { onHelp: () => void }) {
  const { t } = useTranslation();
  const speedId = useId();
  const sliderId = useId();
  const sim = useSessionStore((s) => s.sim);
  // Subscribed so that the bar re-renders as the trace grows.
  useSessionStore((s) => s.revision);
  const cursor = useSessionStore((s) => s.cursor);
  const playing = useSessionStore((s) => s.playing);
  const speed = useSessionStore((s) => s.speed);
  const store = useSessionStore.getState;
  const last = sim.trace.length - 1;
  const steps = stepPositions(sim.trace);
  const stepIndex = steps.filter((p) => p <= cursor).length;
  const time = cursor >= 0 ? (sim.trace[cursor]?.t ?? 0) / 1000 : 0;
  const position = t('playback.position', {
    step: stepIndex,
    steps: steps.length,
    time: time.toFixed(3),
  });

  return (
    <div
      role="toolbar"
      aria-label={t('playback.label')}
      className="flex flex-wrap items-center gap-1.5"
    >
      <IconButton label={t('playback.restart')} icon="restart" onClick={() => store().restart()} />
      <IconButton
        label={t('playback.back')}
        icon="back"
        onClick={() => store().stepBack()}
        disabled={cursor < 0}
      />
      <IconButton
        label={playing ? t('playback.pause') : t('playback.play')}
        icon={playing ? 'pause' : 'play'}
        onClick={() => (playing ? store().pause() : store().play())}
        pressed={playing}
      />
      <IconButton
        label={t('playback.forward')}
        icon="forward"
        onClick={() => store().stepForward()}
        disabled={cursor >= last}
      />
      <IconButton
        label={t('playback.toEnd')}
        icon="toEnd"
        onClick={() => store().toEnd()}
        disabled={cursor >= last}
      />
      <label htmlFor={speedId} className="ml-1 text-sm">
        {t('playback.speed')}
      </label>
      <select
        id={speedId}
        className="rounded border border-slate-400 bg-transparent px-1 py-0.5 text-sm"
        value={speed}
        onChange={(e) => store().setSpeed(Number(e.target.value) as Speed)}
      >
        {SPEEDS.map((s) => (
          <option key={s} value={s}>
            {s}×
          </option>
        ))}
      </select>
      <label htmlFor={sliderId} className="sr-only">
        {t('playback.timeline')}
      </label>
      <input
        id={sliderId}
        type="range"
        min={-1}
        max={Math.max(last, -1)}
        value={cursor}
        onChange={(e) => store().seek(Number(e.target.value))}
        aria-valuetext={position}
        className="min-w-24 flex-1 accent-sky-700"
      />
      <span className="text-muted text-xs tabular-nums">{position}</span>
      <button
        type="button"
        className="btn px-2 py-1 text-sm"
        onClick={onHelp}
        aria-label={t('shortcuts.open')}
        title={t('shortcuts.open')}
      >
        ?
      </button>
    </div>
  );
}
