// @vitest-environment jsdom
import { act } from '../testing/act';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { STEP_MS } from '../../store/playback';
import { useSessionStore } from '../../store/sessionStore';
import { renderInDom, type Rendered } from '../testing/renderInDom';
import { usePlaybackClock } from './usePlaybackClock';

function Clock() {
  usePlaybackClock();
  return null;
}

const pull = {
  kind: 'api' as const,
  request: { method: 'POST', path: '/v1.51/images/create?fromImage=busybox&tag=latest' },
};
const cursor = () => useSessionStore.getState().cursor;
const wait = (ms: number) => act(() => void vi.advanceTimersByTime(ms));

describe('usePlaybackClock', () => {
  let rendered: Rendered | undefined;
  beforeEach(() => {
    vi.useFakeTimers();
    useSessionStore.getState().reset({ era: 'modern' });
    rendered = renderInDom(<Clock />);
  });
  afterEach(() => {
    rendered?.unmount();
    vi.useRealTimers();
  });

  it('shows the first message of a new command at once, then one step per STEP_MS', () => {
    // The view has been live (at the end of the trace) for a while.
    wait(5 * STEP_MS);
    const before = cursor();
    act(() => void useSessionStore.getState().run(pull));
    wait(1);
    const first = cursor();
    expect(first).toBeGreaterThan(before);
    // The next step waits its turn: the first stays on screen for a whole step.
    wait(STEP_MS - 50);
    expect(cursor()).toBe(first);
    wait(50);
    expect(cursor()).toBeGreaterThan(first);
  });
});
