// @vitest-environment jsdom
import { act } from '../testing/act';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Group } from 'react-resizable-panels';
import { useUiStore } from '../../store/uiStore';
import { renderInDom, type Rendered } from '../testing/renderInDom';
import { CollapsiblePanel } from './CollapsiblePanel';

/**
 * jsdom has no ResizeObserver, and no layout. This one reports each element once, soon after
 * it is first observed, as a browser does after the first layout (a panel first draws its content
 * then, once the layout says it is open).
 */
const reported = new WeakSet<Element>();
class FirstLayoutObserver {
  constructor(private readonly callback: ResizeObserverCallback) {}
  observe(target: Element) {
    if (reported.has(target)) return;
    reported.add(target);
    queueMicrotask(() =>
      this.callback(
        [
          {
            target,
            borderBoxSize: [{ inlineSize: 0, blockSize: 0 }],
          } as unknown as ResizeObserverEntry,
        ],
        this as unknown as ResizeObserver,
      ),
    );
  }
  unobserve() {}
  disconnect() {}
}

function panelButton(container: HTMLElement): HTMLButtonElement {
  const button = container.querySelector<HTMLButtonElement>('h2 button');
  if (!button) throw new Error('no title button');
  return button;
}

describe('CollapsiblePanel', () => {
  let rendered: Rendered | undefined;
  const initial = useUiStore.getState();
  beforeEach(() => {
    globalThis.ResizeObserver = FirstLayoutObserver as unknown as typeof ResizeObserver;
  });
  afterEach(() => {
    rendered?.unmount();
    useUiStore.setState(initial, true);
  });

  /** Lets the panel library's deferred work (a resize it reports later) settle inside act. */
  const settle = () => act(async () => {});

  function renderEvents() {
    return renderInDom(
      <Group orientation="vertical">
        <CollapsiblePanel id="events" defaultSize="50%" lead={false} accordion={false}>
          <p>the event list</p>
        </CollapsiblePanel>
      </Group>,
    );
  }

  it('draws nothing of a panel that starts collapsed until it is first opened, then keeps it', async () => {
    useUiStore.getState().setPanelCollapsed('events', true);
    rendered = renderEvents();
    await settle();
    const { container, click } = rendered;
    expect(panelButton(container).getAttribute('aria-expanded')).toBe('false');
    expect(container.textContent).not.toContain('the event list');

    click(panelButton(container));
    await settle();
    expect(panelButton(container).getAttribute('aria-expanded')).toBe('true');
    expect(container.textContent).toContain('the event list');

    // Collapsed again: hidden, but kept (a terminal keeps its screen, a list its scroll).
    click(panelButton(container));
    await settle();
    expect(panelButton(container).getAttribute('aria-expanded')).toBe('false');
    const content = container.querySelector('#events-panel-content');
    expect(content?.hasAttribute('hidden')).toBe(true);
    expect(content?.textContent).toContain('the event list');
  });

  it('draws the lead panel with the first render, before any layout', () => {
    rendered = renderInDom(
      <Group orientation="vertical">
        <CollapsiblePanel id="narration" defaultSize={undefined} lead accordion={false}>
          <p>what you are looking at</p>
        </CollapsiblePanel>
      </Group>,
    );
    expect(rendered.container.textContent).toContain('what you are looking at');
  });

  it('draws an open panel at once', async () => {
    rendered = renderEvents();
    await settle();
    expect(rendered.container.textContent).toContain('the event list');
  });
});
