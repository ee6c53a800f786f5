/** The look of the editor's one-line text fields (new file name, tag), invalid state included. */
export const TEXT_FIELD =
  'rounded border border-slate-400 bg-white px-1.5 py-0.5 font-mono text-xs aria-invalid:border-red-700 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-700 dark:border-slate-500 dark:bg-slate-900 dark:aria-invalid:border-red-300 dark:focus-visible:outline-sky-300';
