/**
 * A labelled native select, as the app's own selects look: keyboard and screen readers know
 * it as it is. Used for the image and for the container of that image.
 */
import { useId } from 'react';

/** Matches the header's selects (EraSelect), in both themes. */
const SELECT_CLASS =
  'max-w-full min-w-0 rounded-md border border-slate-400 bg-white px-2 py-1 font-mono text-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700 dark:border-slate-500 dark:bg-slate-900 dark:focus-visible:outline-sky-300';

interface Props {
  readonly label: string;
  readonly value: string;
  readonly options: readonly { readonly value: string; readonly label: string }[];
  readonly onChange: (value: string) => void;
}

export function Picker({ label, value, options, onChange }: Props) {
  const id = useId();
  return (
    <div className="flex flex-wrap items-center gap-2">
      <label htmlFor={id} className="text-sm">
        {label}
      </label>
      <select
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        className={SELECT_CLASS}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
