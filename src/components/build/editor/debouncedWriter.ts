/**
 * Edits reach the simulation as `writeFile` inputs, but not one per keystroke: a file is written
 * once typing has paused for `delayMs`, so the session's log (and its replay) stays small.
 * Contract: `flush()` writes every pending file at once, in the order they were first edited
 * (before a build, on a tab switch, on unmount); `cancel()` drops them (the session was reset,
 * the old edits belong to a host that is gone). Timers are injectable for tests. No React.
 */

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface DebouncedWriter {
  /** Remembers the newest text of `path` and restarts its timer. */
  schedule(path: string, content: string): void;
  /** True while `path` has text not yet written. */
  pending(path: string): boolean;
  flush(): void;
  cancel(): void;
}

const browserTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export function debouncedWriter(
  write: (path: string, content: string) => void,
  delayMs: number,
  timers: Timers = browserTimers,
): DebouncedWriter {
  const waiting = new Map<string, { content: string; timer: unknown }>();

  const writeNow = (path: string) => {
    const entry = waiting.get(path);
    if (!entry) return;
    timers.clearTimeout(entry.timer);
    waiting.delete(path);
    write(path, entry.content);
  };

  return {
    schedule(path, content) {
      const previous = waiting.get(path);
      if (previous) timers.clearTimeout(previous.timer);
      // Re-inserting would move the path to the end; keep its first place for flush order.
      const timer = timers.setTimeout(() => writeNow(path), delayMs);
      if (previous) Object.assign(previous, { content, timer });
      else waiting.set(path, { content, timer });
    },
    pending: (path) => waiting.has(path),
    flush() {
      for (const path of [...waiting.keys()]) writeNow(path);
    },
    cancel() {
      for (const entry of waiting.values()) timers.clearTimeout(entry.timer);
      waiting.clear();
    },
  };
}
