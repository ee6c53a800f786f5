// @vitest-environment jsdom
import { act } from './testing/act';
import { afterEach, describe, expect, it } from 'vitest';
import { useAnnouncementStore } from '../store/announcementStore';
import { LiveRegion } from './LiveRegion';
import { renderInDom, type Rendered } from './testing/renderInDom';

describe('LiveRegion', () => {
  let rendered: Rendered | undefined;
  afterEach(() => rendered?.unmount());

  it('is a polite status region that is present before anything is announced', () => {
    rendered = renderInDom(<LiveRegion />);
    const region = rendered.container.querySelector('[role="status"]');
    expect(region?.getAttribute('aria-live')).toBe('polite');
    expect(region?.textContent).toBe('');
  });

  it('puts a repeated message in a new node, so it is read again', () => {
    rendered = renderInDom(<LiveRegion />);
    const region = rendered.container.querySelector('[role="status"]');
    act(() => useAnnouncementStore.getState().announce('Theme: Dark'));
    const first = region?.firstElementChild;
    act(() => useAnnouncementStore.getState().announce('Theme: Dark'));
    expect(region?.textContent).toBe('Theme: Dark');
    expect(region?.firstElementChild).not.toBe(first);
  });
});
