/**
 * A row of mutually exclusive options drawn as joined buttons, built on native radio inputs:
 * Tab enters the group at the checked option, arrow keys move and choose, screen readers
 * hear "radio button, 2 of 3, checked". Used by the mode and theme switches.
 */
import { useId } from 'react';

export interface SegmentedOption<T extends string> {
  readonly value: T;
  readonly label: string;
}

interface Props<T extends string> {
  readonly legend: string;
  /** Show the legend on screen, or only to assistive technology. */
  readonly showLegend?: boolean;
  readonly options: readonly SegmentedOption<T>[];
  readonly value: T;
  readonly onChange: (value: T) => void;
}

export function SegmentedControl<T extends string>({
  legend,
  showLegend = false,
  options,
  value,
  onChange,
}: Props<T>) {
  const name = useId();
  return (
    <fieldset className="flex items-center gap-2">
      {/* A shown legend gives way on narrow screens, where the options speak for themselves. */}
      <legend
        className={showLegend ? 'sr-only text-sm xl:not-sr-only xl:float-left xl:mr-2' : 'sr-only'}
      >
        {legend}
      </legend>
      <div className="flex rounded-md border border-slate-400 dark:border-slate-500">
        {options.map((option) => (
          <label
            key={option.value}
            className="relative px-1.5 py-1 text-sm first:rounded-l-md lg:px-2.5 last:rounded-r-md not-first:border-l not-first:border-slate-400 hover:bg-slate-100 has-checked:bg-sky-800 has-checked:text-white has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-sky-700 dark:not-first:border-slate-500 dark:hover:bg-slate-800 dark:has-checked:bg-sky-300 dark:has-checked:text-slate-950 dark:has-focus-visible:outline-sky-300"
          >
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={option.value === value}
              onChange={() => onChange(option.value)}
              // Transparent but covering its label, so a pointer lands on the real input.
              className="absolute inset-0 cursor-pointer opacity-0"
            />
            {option.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
