/**
 * A small word in a box (`cached`, `new`, `A`, `failed`): the word carries the meaning, the
 * colour is only a second cue, in both themes.
 */
import type { ReactNode } from 'react';

export type Tone = 'green' | 'amber' | 'sky' | 'rose' | 'plain';

const TONE_CLASS: Readonly<Record<Tone, string>> = {
  green:
    'border-emerald-700 bg-emerald-50 text-emerald-900 dark:border-emerald-400 dark:bg-emerald-950 dark:text-emerald-100',
  amber:
    'border-amber-600 bg-amber-50 text-amber-900 dark:border-amber-400 dark:bg-amber-950 dark:text-amber-100',
  sky: 'border-sky-600 bg-sky-50 text-sky-900 dark:border-sky-400 dark:bg-sky-950 dark:text-sky-100',
  rose: 'border-rose-700 bg-rose-50 text-rose-900 dark:border-rose-400 dark:bg-rose-950 dark:text-rose-100',
  plain: 'border-slate-400 text-slate-700 dark:border-slate-500 dark:text-slate-200',
};

export function Badge({ tone, children }: { tone: Tone; children: ReactNode }) {
  return (
    <span
      className={`inline-block shrink-0 rounded border px-1 font-sans text-[0.7rem] leading-4 ${TONE_CLASS[tone]}`}
    >
      {children}
    </span>
  );
}
