/** Typing becomes one write per pause per file, and nothing typed is lost on flush. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { debouncedWriter } from './debouncedWriter';

describe('debouncedWriter', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('writes the newest text once typing has paused', () => {
    const writes: [string, string][] = [];
    const writer = debouncedWriter((path, content) => writes.push([path, content]), 400);
    writer.schedule('/root/app/app.js', 'a');
    vi.advanceTimersByTime(300);
    writer.schedule('/root/app/app.js', 'ab');
    vi.advanceTimersByTime(300);
    expect(writes).toEqual([]);
    expect(writer.pending('/root/app/app.js')).toBe(true);
    vi.advanceTimersByTime(100);
    expect(writes).toEqual([['/root/app/app.js', 'ab']]);
    expect(writer.pending('/root/app/app.js')).toBe(false);
  });

  it('flushes every file at once, in the order first edited, and then has nothing left', () => {
    const writes: string[] = [];
    const writer = debouncedWriter((path, content) => writes.push(`${path}=${content}`), 400);
    writer.schedule('b', '1');
    writer.schedule('a', '1');
    writer.schedule('b', '2');
    writer.flush();
    expect(writes).toEqual(['b=2', 'a=1']);
    vi.advanceTimersByTime(1000);
    writer.flush();
    expect(writes).toHaveLength(2);
  });

  it('keeps each file on its own timer', () => {
    const writes: string[] = [];
    const writer = debouncedWriter((path) => writes.push(path), 400);
    writer.schedule('a', 'x');
    vi.advanceTimersByTime(200);
    writer.schedule('b', 'y');
    vi.advanceTimersByTime(200);
    expect(writes).toEqual(['a']);
    vi.advanceTimersByTime(200);
    expect(writes).toEqual(['a', 'b']);
  });
});
