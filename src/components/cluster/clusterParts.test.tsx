// @vitest-environment jsdom
/**
 * The cluster view's parts in a DOM, on hand-made worlds: node cards as buttons named with
 * their state, one tab stop with arrow keys between them, aggregated cards, the Raft panel,
 * service scaling and the selected machine's fault buttons.
 */
import { act } from '../testing/act';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderInDom, type Rendered } from '../testing/renderInDom';
import { AGGREGATE_OVER, nodeCards, serviceLines } from './clusterModel';
import { NodeDetail } from './NodeDetail';
import { NodeGrid } from './NodeGrid';
import { raftSummary } from './quorum';
import { RaftPanel } from './RaftPanel';
import { ServiceSummary } from './ServiceSummary';
import { node, service, swarm, task, withTasks } from './testWorld';

let rendered: Rendered | undefined;
afterEach(() => {
  rendered?.unmount();
  rendered = undefined;
});

const web = service('s1', 'web', { replicated: { replicas: 6 } });

function cardButtons(): HTMLButtonElement[] {
  return [...(rendered?.container.querySelectorAll<HTMLButtonElement>('button[data-node]') ?? [])];
}

function key(element: Element, name: string) {
  act(() => {
    element.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true }));
  });
}

describe('node grid', () => {
  it('draws each machine as a button named with its role, status and tasks', () => {
    const world = withTasks(
      swarm(3, 3),
      [web],
      [task('s1', 1, 'node-4'), task('s1', 2, 'node-5', { state: 'preparing' })],
    );
    const onSelect = vi.fn();
    rendered = renderInDom(
      <NodeGrid cards={nodeCards(world)} selected="node-4" onSelect={onSelect} />,
    );
    const buttons = cardButtons();
    expect(buttons.map((b) => b.getAttribute('aria-label'))).toEqual([
      'node-1, manager, leader, ready, no tasks',
      'node-2, manager, ready, no tasks',
      'node-3, manager, ready, no tasks',
      'node-4, worker, ready, 1 task: web.1 running',
      'node-5, worker, ready, 1 task: web.2 starting',
      'node-6, worker, ready, no tasks',
    ]);
    expect(buttons[3]?.getAttribute('aria-pressed')).toBe('true');
    expect(buttons[0]?.textContent).toContain('★ leader');
    rendered.click(buttons[1]!);
    expect(onSelect).toHaveBeenCalledWith('node-2');
  });

  it('is one tab stop; arrow keys, Home and End move between the cards', () => {
    rendered = renderInDom(
      <NodeGrid cards={nodeCards(swarm(1, 3))} selected={null} onSelect={() => {}} />,
    );
    const tabbable = () =>
      cardButtons()
        .filter((b) => b.tabIndex === 0)
        .map((b) => b.dataset['node']);
    expect(tabbable()).toEqual(['node-1']);
    const [first] = cardButtons();
    first?.focus();
    key(first!, 'ArrowRight');
    expect(document.activeElement?.getAttribute('data-node')).toBe('node-2');
    expect(tabbable()).toEqual(['node-2']);
    key(document.activeElement!, 'End');
    expect(document.activeElement?.getAttribute('data-node')).toBe('node-4');
    key(document.activeElement!, 'Home');
    expect(document.activeElement?.getAttribute('data-node')).toBe('node-1');
  });

  it('counts tasks per service on a crowded machine instead of a badge each', () => {
    const tasks = Array.from({ length: AGGREGATE_OVER + 1 }, (_, i) => task('s1', i + 1, 'node-1'));
    rendered = renderInDom(
      <NodeGrid
        cards={nodeCards(withTasks(swarm(1, 0), [web], tasks))}
        selected={null}
        onSelect={() => {}}
      />,
    );
    const card = cardButtons()[0]!;
    expect(card.querySelectorAll('[data-phase]')).toHaveLength(1);
    expect(card.textContent).toContain(`web●${AGGREGATE_OVER + 1}`);
  });
});

describe('summary panels', () => {
  it('shows the quorum and scales a service by one', () => {
    const world = withTasks(swarm(3, 0), [web], [task('s1', 1, 'node-1')]);
    world.nodes['node-3'] = node(3, 'manager', {
      state: 'down',
      managerStatus: { leader: false, reachability: 'unreachable', addr: '' },
    });
    const onScale = vi.fn();
    rendered = renderInDom(
      <>
        <RaftPanel raft={raftSummary(world)} headingId="raft" />
        <ServiceSummary services={serviceLines(world)} headingId="services" onScale={onScale} />
      </>,
    );
    const text = rendered.container.textContent ?? '';
    expect(text).toContain('2 of 3 managers reachable — quorum holds');
    expect(text).toContain('leader node-1');
    expect(text).toContain('1/6, converging');
    const up = rendered.container.querySelector('button[aria-label="Scale web up to 7"]');
    rendered.click(up!);
    expect(onScale).toHaveBeenCalledWith(expect.objectContaining({ name: 'web' }), 7);
  });
});

describe('node detail', () => {
  it('offers the faults that make sense for the machine now', () => {
    const world = swarm(1, 1);
    world.nodes['node-2'] = node(2, 'worker', {
      state: 'down',
      machine: 'powered-off',
      availability: 'drain',
    });
    const onAction = vi.fn();
    const onOpen = vi.fn();
    rendered = renderInDom(
      <NodeDetail card={nodeCards(world)[1]!} host={null} onAction={onAction} onOpen={onOpen} />,
    );
    const buttons = [...rendered.container.querySelectorAll('button')];
    const enabled = buttons.filter((b) => !b.disabled).map((b) => b.textContent);
    expect(enabled).toEqual(['Restore', 'Activate', 'Open node-2 in the host view']);
    rendered.click(buttons.find((b) => b.textContent === 'Open node-2 in the host view')!);
    expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ id: 'node-2' }));
    expect(rendered.container.textContent).toContain('The machine is powered off');
    rendered.click(buttons.find((b) => b.textContent === 'Restore')!);
    expect(onAction).toHaveBeenCalledWith(expect.objectContaining({ id: 'node-2' }), 'restore');
  });
});
