/**
 * The newest build, step by step, as playback reaches each step: `Step 3/7 COPY package.json .`
 * with what came of it (from the cache, a new layer and its size, a config change only), the
 * step under way, and for a failed build the builder's error with its Dockerfile line. Steps
 * that arrive while playback moves on slide in (or just appear, with reduced motion).
 *
 * Contract: renders a BuildProgress (buildProgress.ts) and nothing else.
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { humanSize } from '../../../sim/api/humanize';
import { Badge, type Tone } from './Badge';
import type { BuildProgress, StepOutcome, StepView } from './buildProgress';
import { arrivalClass, useArrivals } from './useArrivals';

const OUTCOME_TONE: Readonly<Record<StepOutcome, Tone>> = {
  base: 'plain',
  cached: 'green',
  layer: 'amber',
  config: 'plain',
  running: 'sky',
  failed: 'rose',
};

/** `Step 3/7`, or `Step 3` before the builder said how many. */
export function stepName(t: TFunction, n: number, total: number | null): string {
  return total === null ? t('anatomy.build.stepOf', { n }) : t('anatomy.build.step', { n, total });
}

/** What came of a step, in words (`new layer, 64B`). */
export function outcomeText(t: TFunction, step: StepView): string {
  return step.outcome === 'layer'
    ? t('anatomy.build.outcome.layer', { size: humanSize(step.size ?? 0) })
    : t(`anatomy.build.outcome.${step.outcome}`);
}

export function BuildSteps({ progress }: { progress: BuildProgress }) {
  const { t } = useTranslation();
  const arrivals = useArrivals(progress.steps.map((s) => `${s.n}:${s.outcome}`));
  const { build, state, total } = progress;
  const tags = build.tags.join(', ') || t('anatomy.build.untagged');
  return (
    <div className="flex flex-col gap-1">
      <p className="text-sm font-semibold">{t(`anatomy.build.state.${state}`, { tags })}</p>
      <ol aria-label={t('anatomy.build.stepsLabel')} className="flex flex-col gap-0.5 text-xs">
        {progress.steps.map((step) => {
          const key = `${step.n}:${step.outcome}`;
          return (
            <li
              key={key}
              className={`flex flex-wrap items-baseline gap-x-2 ${arrivalClass(arrivals.has(key))}`}
            >
              <span className="text-muted shrink-0 tabular-nums">{stepName(t, step.n, total)}</span>
              <code className="min-w-0 break-all">{step.instruction}</code>
              <Badge tone={OUTCOME_TONE[step.outcome]}>{outcomeText(t, step)}</Badge>
            </li>
          );
        })}
      </ol>
      {build.error && (
        <p className="rounded-md border border-rose-700 bg-rose-50 p-2 text-xs text-rose-900 dark:border-rose-400 dark:bg-rose-950 dark:text-rose-100">
          {build.error.line === null
            ? build.error.message
            : t('anatomy.build.errorAt', { message: build.error.message, line: build.error.line })}
        </p>
      )}
    </div>
  );
}
