// @vitest-environment jsdom
/**
 * The Embed dialog sits inside its own error boundary: should it fail to render, the toolbar
 * keeps its Embed button and says what failed, with a way to reset it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderInDom, type Rendered } from '../testing/renderInDom';
import { EmbedButton } from './EmbedButton';

vi.mock('./EmbedDialog', () => ({
  EmbedDialog: () => {
    throw new Error('the preview broke');
  },
}));

let rendered: Rendered | undefined;
afterEach(() => rendered?.unmount());

describe('EmbedButton', () => {
  it('keeps the button when its dialog fails, and says so in its place', () => {
    rendered = renderInDom(<EmbedButton />);
    const buttons = [...rendered.container.querySelectorAll('button')].map((b) => b.textContent);
    expect(buttons).toEqual(['</>Embed', 'Reset this panel']);
    expect(rendered.container.querySelector('[role="alert"]')?.textContent).toContain(
      'Something went wrong in Embed this in a course page or a slide.',
    );
    expect(rendered.caughtErrors).toHaveLength(1);
  });
});
