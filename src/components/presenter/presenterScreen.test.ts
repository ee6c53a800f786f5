// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useUiStore } from '../../store/uiStore';
import { enterPresenting, leavePresenting } from './presenterScreen';

/** A document whose full screen is granted when `grant()` is called, as a browser does later. */
function fakeFullscreen() {
  let element: Element | null = null;
  let grant = () => undefined as void;
  Object.defineProperty(document, 'fullscreenEnabled', { configurable: true, value: true });
  Object.defineProperty(document, 'fullscreenElement', { configurable: true, get: () => element });
  document.documentElement.requestFullscreen = () =>
    new Promise<void>((resolve) => {
      grant = () => {
        element = document.documentElement;
        resolve();
      };
    });
  const exit = vi.fn(() => {
    element = null;
    return Promise.resolve();
  });
  document.exitFullscreen = exit;
  return { grant: () => grant(), exit, inFullscreen: () => element !== null };
}

describe('presenter full screen', () => {
  afterEach(() => useUiStore.getState().setPresenting(false));

  it('stays in full screen while presenting', async () => {
    const screen = fakeFullscreen();
    enterPresenting();
    screen.grant();
    await Promise.resolve();
    expect(useUiStore.getState().presenting).toBe(true);
    expect(screen.inFullscreen()).toBe(true);
  });

  it('leaves full screen granted after presenter mode was left again', async () => {
    const screen = fakeFullscreen();
    enterPresenting();
    leavePresenting();
    screen.grant();
    await vi.waitFor(() => expect(screen.exit).toHaveBeenCalled());
    expect(screen.inFullscreen()).toBe(false);
    expect(useUiStore.getState().presenting).toBe(false);
  });
});
