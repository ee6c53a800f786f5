/**
 * A cluster's clock as controls: play or pause, the skips it offers (+5 s, +5 min), the speed,
 * and the virtual time. Shared by the Swarm and Kubernetes toolbars.
 * Contract: renders what it is given; acts through its callbacks.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { SPEEDS, type Speed } from '../../store/playback';

const BUTTON = 'btn px-2 py-0.5 text-sm';

export interface Skip {
  readonly ms: number;
  /** What the button shows (`+5 s`) and what it is called (`Let 5 seconds pass`). */
  readonly text: string;
  readonly label: string;
}

interface Props {
  readonly now: number;
  readonly playing: boolean;
  readonly speed: Speed;
  readonly skips: readonly Skip[];
  readonly onPlaying: (playing: boolean) => void;
  readonly onSkip: (ms: number) => void;
  readonly onSpeed: (speed: Speed) => void;
}

export function ClockControls({ now, playing, speed, skips, onPlaying, onSkip, onSpeed }: Props) {
  const { t } = useTranslation();
  const speedId = useId();
  return (
    <span className="flex items-center gap-1.5">
      <button type="button" className={BUTTON} onClick={() => onPlaying(!playing)}>
        {playing ? t('cluster.controls.pause') : t('cluster.controls.play')}
      </button>
      {skips.map((skip) => (
        <button
          key={skip.ms}
          type="button"
          className={BUTTON}
          aria-label={skip.label}
          onClick={() => onSkip(skip.ms)}
        >
          {skip.text}
        </button>
      ))}
      <label htmlFor={speedId} className="sr-only">
        {t('cluster.controls.speed')}
      </label>
      <select
        id={speedId}
        className="rounded border border-slate-400 bg-white px-1 py-0.5 text-sm dark:bg-slate-900"
        value={speed}
        onChange={(event) => onSpeed(Number(event.target.value) as Speed)}
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
    </span>
  );
}
