// @vitest-environment jsdom
/**
 * The three live panels rendered against real sessions: what a student sees in the process
 * tree, the event log and the inspector, and what the keyboard and a click do there.
 */
import { act } from '../testing/act';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Simulation } from '../../sim/simulation';
import { useSessionStore } from '../../store/sessionStore';
import { initialUiState, useUiStore } from '../../store/uiStore';
import { renderInDom, type Rendered } from '../testing/renderInDom';
import { EventLogPanel } from './EventLogPanel';
import { InspectorPanel } from './InspectorPanel';
import { ProcessTreePanel } from './ProcessTreePanel';

let rendered: Rendered | undefined;
const initialSession = useSessionStore.getState();

function useSession(sim: Simulation, cursor = sim.trace.length - 1) {
  useSessionStore.setState({ sim, cursor, revision: 1, playing: false });
}

function all(selector: string): HTMLElement[] {
  return [...(rendered?.container.querySelectorAll<HTMLElement>(selector) ?? [])];
}

function press(element: Element, key: string) {
  act(() => {
    element.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
  });
}

/**
 * `docker run -d --name web nginx` as the CLI sends it (pull, create, start). Component tests
 * speak the Engine API directly: the simulation's test driver is kept to `.test.ts` files.
 */
function runContainer(sim: Simulation, name?: string): void {
  const api = (path: string, body?: unknown) =>
    sim.request({ method: 'POST', path: `/v1.51${path}`, ...(body ? { body } : {}) });
  api('/images/create?fromImage=docker.io%2Flibrary%2Fnginx&tag=latest');
  const created = api(`/containers/create${name ? `?name=${name}` : ''}`, { Image: 'nginx' });
  api(`/containers/${(created.body as { Id: string }).Id}/start`);
}

function webSession(): Simulation {
  const sim = new Simulation({ seed: 'demo' });
  runContainer(sim, 'web');
  return sim;
}

beforeEach(() => useUiStore.setState(initialUiState()));
afterEach(() => {
  rendered?.unmount();
  rendered = undefined;
  useSessionStore.setState(initialSession);
});

describe('ProcessTreePanel', () => {
  it('shows the fresh host: systemd(1) with containerd and dockerd, one tab stop', () => {
    rendered = renderInDom(<ProcessTreePanel />);
    const items = all('[role="treeitem"]');
    expect(items.map((i) => i.getAttribute('aria-label'))).toEqual([
      'systemd, PID 1',
      'containerd, PID 812',
      'dockerd, PID 845',
    ]);
    expect(items.map((i) => i.getAttribute('aria-level'))).toEqual(['1', '2', '2']);
    expect(items.map((i) => i.tabIndex)).toEqual([0, -1, -1]);
    expect(items[0]?.getAttribute('aria-expanded')).toBe('true');
    expect(items[1]?.hasAttribute('aria-expanded')).toBe(false);
  });

  it('names container processes by container and in-namespace PID; the keyboard walks and inspects', () => {
    useSession(webSession());
    rendered = renderInDom(<ProcessTreePanel />);
    const labels = all('[role="treeitem"]').map((i) => i.getAttribute('aria-label'));
    expect(labels).toContain('containerd-shim-runc-v2, PID 1204, shim of web');
    expect(labels).toContain('nginx, PID 1210, PID 1 in container web');
    const first = all('[role="treeitem"]')[0] as HTMLElement;
    act(() => first.focus());
    press(first, 'End');
    expect(document.activeElement?.getAttribute('aria-label')).toBe(
      'nginx, PID 1215, PID 3 in container web',
    );
    press(document.activeElement as Element, 'ArrowLeft');
    press(document.activeElement as Element, 'Enter');
    expect(useUiStore.getState().selectedPart).toMatch(/^container:[0-9a-f]{64}$/);
    const selected = all('[aria-selected="true"]').map((i) => i.getAttribute('aria-label'));
    expect(selected).toEqual(['nginx, PID 1210, PID 1 in container web']);
  });

  it('marks runc and runc init while the container is being created', () => {
    const sim = webSession();
    useSession(
      sim,
      sim.trace.findIndex((e) => e.label === 'runc init waits on exec.fifo'),
    );
    rendered = renderInDom(<ProcessTreePanel />);
    const labels = all('[role="treeitem"]').map((i) => i.getAttribute('aria-label'));
    expect(labels).toContain('runc, PID 1207, runc create: exits when done');
    expect(labels).toContain(
      'runc:[2:INIT], PID 1210, runc init: waits for runc start, PID 1 in container web',
    );
  });
});

describe('EventLogPanel', () => {
  it('says honestly that nothing has happened yet', () => {
    rendered = renderInDom(<EventLogPanel />);
    expect(rendered.container.textContent).toContain('Nothing has happened yet.');
    expect(all('ol')).toHaveLength(0);
  });

  it('lists steps with time and names, marks the cursor, and seeks on a click', () => {
    useSession(webSession(), 2);
    rendered = renderInDom(<EventLogPanel />);
    const current = all('[aria-current="step"]');
    expect(current).toHaveLength(1);
    expect(current[0]?.getAttribute('aria-label')).toBe(
      '0.001 seconds, api to dockerd: POST /v1.51/images/create?fromImage=docker.io%2Flibrary%2Fnginx&tag=latest',
    );
    const later = all('button[aria-label*="not played yet"]')[1] as HTMLElement;
    expect(later.getAttribute('aria-label')).toBe(
      '0.071 seconds, registry to dockerd: 200 manifest (not played yet)',
    );
    rendered.click(later);
    expect(useSessionStore.getState().cursor).toBe(4);
    expect(all('[aria-current="step"]')[0]).toBe(later);
  });

  it('filters by kind and renders only a window of a long trace', () => {
    const sim = webSession();
    for (let i = 0; i < 30; i++) runContainer(sim);
    useSession(sim);
    rendered = renderInDom(<EventLogPanel />);
    expect(sim.trace.length).toBeGreaterThan(2000);
    expect(all('li').length).toBeLessThan(40);
    const select = all('select')[0] as HTMLSelectElement;
    act(() => {
      select.value = 'signals';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    const labels = all('li button').map((b) => b.getAttribute('aria-label') ?? '');
    expect(labels.length).toBeGreaterThan(0);
    expect(labels.every((label) => /: exit \d+/.test(label))).toBe(true);
  });
});

describe('InspectorPanel', () => {
  /** The charts are fetched the first time one is shown: lets them arrive and render. */
  const chartsShown = () =>
    act(async () => {
      await import('../inspector/StatechartView');
      await new Promise((resolve) => setTimeout(resolve, 0));
    });

  it('keeps an honest empty state', () => {
    rendered = renderInDom(<InspectorPanel />);
    expect(rendered.container.textContent).toBe('Select a component in the diagram to inspect it.');
  });

  it('shows dockerd with its PID and its statechart lit at up', async () => {
    useUiStore.getState().selectPart('dockerd');
    rendered = renderInDom(<InspectorPanel />);
    await chartsShown();
    expect(all('h3').map((h) => h.textContent)).toEqual(['dockerd']);
    expect(rendered.container.textContent).toContain('845');
    const current = all('[aria-current="true"]');
    expect(current.map((b) => b.textContent)).toEqual(['upcurrent state']);
    const description = document.getElementById(current[0]?.getAttribute('aria-describedby') ?? '');
    expect(description?.textContent).toContain('Serving the Engine API.');
    expect(description?.textContent).toContain('KILLED leads to down');
    expect(rendered.container.textContent).toContain(
      'Its containers keep running under their shims.',
    );
  });

  it('shows a container with both its charts and its recent messages', async () => {
    const sim = webSession();
    useSession(sim);
    const id = Object.keys(sim.world.containers)[0];
    useUiStore.getState().selectPart(`container:${id}`);
    rendered = renderInDom(<InspectorPanel />);
    await chartsShown();
    expect(all('h3').map((h) => h.textContent)).toEqual(['web']);
    expect(all('figure')).toHaveLength(2);
    expect(all('[aria-current="true"]').map((b) => b.textContent)).toEqual([
      'runningcurrent state',
      'runningcurrent state',
    ]);
    expect(rendered.container.textContent).toContain('143 for SIGTERM');
    expect(all('ol li').some((li) => li.textContent?.includes('open exec.fifo'))).toBe(true);
  });

  it('shows a part with no instance by its role, with nothing lit', async () => {
    useUiStore.getState().selectPart('shim');
    rendered = renderInDom(<InspectorPanel />);
    await chartsShown();
    expect(all('figure')).toHaveLength(1);
    expect(all('h3').map((h) => h.textContent)).toEqual(['containerd-shim-runc-v2']);
    expect(rendered.container.textContent).toContain('Not on the host at this moment');
    expect(all('[aria-current="true"]')).toHaveLength(0);
    expect(rendered.container.textContent).toContain('One shim per container');
  });
});
