/**
 * A separator between two panels: drag it, or focus it and use the arrow keys (Enter
 * collapses the panel before it, Home/End go to the limits, F6 jumps to the next one).
 */
import { Separator } from 'react-resizable-panels';

export function ResizeHandle({ label }: { label: string }) {
  return (
    <Separator
      aria-label={label}
      className="resize-handle relative shrink-0 bg-slate-200 outline-none aria-[orientation=horizontal]:h-1.5 aria-[orientation=vertical]:w-1.5 data-[separator=active]:bg-sky-600 data-[separator=focus]:bg-sky-600 data-[separator=hover]:bg-sky-500 dark:bg-slate-700"
    />
  );
}
