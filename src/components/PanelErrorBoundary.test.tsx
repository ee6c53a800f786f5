// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PanelErrorBoundary } from './PanelErrorBoundary';
import { renderInDom, type Rendered } from './testing/renderInDom';

let broken = false;

function Fragile() {
  if (broken) throw new Error('render failed');
  return <p>panel content</p>;
}

function buttonNamed(container: HTMLElement, name: string): HTMLButtonElement {
  const button = [...container.querySelectorAll('button')].find((b) => b.textContent === name);
  if (!button) throw new Error(`no button "${name}"`);
  return button;
}

describe('PanelErrorBoundary', () => {
  let rendered: Rendered | undefined;
  afterEach(() => {
    rendered?.unmount();
    broken = false;
  });

  it('renders its children while they work', () => {
    rendered = renderInDom(
      <PanelErrorBoundary name="Inspector">
        <Fragile />
      </PanelErrorBoundary>,
    );
    expect(rendered.container.textContent).toBe('panel content');
  });

  it('replaces only the failing panel with a message and a reset button', () => {
    broken = true;
    rendered = renderInDom(
      <>
        <PanelErrorBoundary name="Inspector">
          <Fragile />
        </PanelErrorBoundary>
        <PanelErrorBoundary name="Narration">
          <p>still here</p>
        </PanelErrorBoundary>
      </>,
    );
    const alert = rendered.container.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('Something went wrong in Inspector.');
    expect(buttonNamed(rendered.container, 'Reset this panel')).toBeTruthy();
    expect(rendered.container.textContent).toContain('still here');
    expect(rendered.caughtErrors).toHaveLength(1);
  });

  it('remounts the children on reset and tells its owner', () => {
    broken = true;
    const onReset = vi.fn();
    rendered = renderInDom(
      <PanelErrorBoundary name="Terminal" onReset={onReset}>
        <Fragile />
      </PanelErrorBoundary>,
    );
    broken = false;
    rendered.click(buttonNamed(rendered.container, 'Reset this panel'));
    expect(rendered.container.textContent).toBe('panel content');
    expect(onReset).toHaveBeenCalledOnce();
  });
});
