// @vitest-environment jsdom
/**
 * The image anatomy view against real sessions (the demo app built from the host's shell):
 * what a student sees and hears, and what the keyboard and the picker do.
 */
import { act } from '../../testing/act';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ShellHarness } from '../../../cli/shell/testing';
import { useAnnouncementStore } from '../../../store/announcementStore';
import { useSessionStore } from '../../../store/sessionStore';
import { initialUiState, useUiStore } from '../../../store/uiStore';
import { renderInDom, type Rendered } from '../../testing/renderInDom';
import { humanSize } from '../../../sim/api/humanize';
import { ImageAnatomy } from './ImageAnatomy';
import { BUILD, EDIT, seqOf, session, tagged } from './testing';

let rendered: Rendered | undefined;
const initialSession = useSessionStore.getState();

function show(h: ShellHarness, cursor = h.sim.trace.length - 1) {
  useSessionStore.setState({ sim: h.sim, cursor, revision: 1, playing: false });
  rendered = renderInDom(<ImageAnatomy />);
}

function all(selector: string): HTMLElement[] {
  return [...(rendered?.container.querySelectorAll<HTMLElement>(selector) ?? [])];
}

function text(): string {
  return rendered?.container.textContent ?? '';
}

/** The names of the layer buttons, top (newest) first. */
function layerNames(): (string | null)[] {
  return all('button[aria-expanded]').map((b) => b.getAttribute('aria-label'));
}

beforeEach(() => {
  useUiStore.setState(initialUiState());
  useAnnouncementStore.setState({ current: null });
});
afterEach(() => {
  rendered?.unmount();
  rendered = undefined;
  useSessionStore.setState(initialSession);
});

describe('ImageAnatomy', () => {
  it('says how to get an image on a fresh host', () => {
    show(session([]));
    expect(text()).toContain('No image yet');
  });

  it('shows the rebuilt app: newest layer on top, cache marked, config rows between', () => {
    const h = session([BUILD, EDIT, BUILD]);
    show(h);
    const world = h.sim.world;
    const app = tagged(world, 'app:latest');
    const size = (i: number) => humanSize(world.layers[app.layers.at(i) ?? '']?.size ?? 0);
    const total = app.layers.length;
    const select = all('select')[0] as HTMLSelectElement;
    expect(select.selectedOptions[0]?.textContent).toBe('app:latest');
    expect(layerNames().slice(0, 3)).toEqual([
      `Layer ${total} of ${total}: COPY app.js index.html ./, ${size(-1)}, new`,
      `Layer ${total - 1} of ${total}: RUN npm install, ${size(-2)}, cached`,
      `Layer ${total - 2} of ${total}: COPY package.json ., ${size(-3)}, cached`,
    ]);
    expect(layerNames()).toHaveLength(total);
    const stack = all('ul[aria-label="Layers of app:latest, newest on top"] > li');
    expect(stack[0]?.textContent).toBe('CMD ["node", "app.js"]no layer (config only)new');
    expect(stack.map((li) => li.textContent)).toContain('Below: the base image node:20-alpine');
    expect(text()).toContain('shared with node:20-alpine');
    expect(text()).toContain('Built app');
    expect(text()).toContain('Step 4/7RUN npm installfrom cache');
    expect(text()).toContain(`Step 5/7COPY app.js index.html ./new layer, ${size(-1)}`);
  });

  it('opens a layer with the keyboard-reachable button: full digest and its files', () => {
    const h = session([BUILD]);
    show(h);
    const top = all('button[aria-expanded]')[0] as HTMLButtonElement;
    rendered?.click(top);
    expect(top.getAttribute('aria-expanded')).toBe('true');
    const details = document.getElementById(top.getAttribute('aria-controls') ?? '');
    const app = tagged(h.sim.world, 'app:latest');
    expect(details?.textContent).toContain(app.layers.at(-1));
    expect(details?.textContent).toContain('/app/app.js');
    expect(details?.querySelector('button')?.getAttribute('aria-label')).toBe(
      `Copy digest of layer ${app.layers.length}`,
    );
  });

  it('shows the image config and the manifest, config and layers by digest', () => {
    const h = session([BUILD]);
    show(h);
    const app = tagged(h.sim.world, 'app:latest');
    expect(text()).toContain('Cmd["node","app.js"]');
    expect(text()).toContain('WorkingDir/app');
    expect(text()).toContain('ExposedPorts3000/tcp');
    expect(text()).toContain('Entrypoint["docker-entrypoint.sh"]');
    expect(text()).toContain(`sha256:${app.id.slice(7, 19)}… = the image ID`);
    expect(text()).toContain('None yet');
  });

  it('grows the stack step by step as playback moves through the build, and says each step once', () => {
    const h = session([BUILD]);
    show(
      h,
      seqOf(h, (label) => label === 'step 3 done'),
    );
    const before = layerNames().length;
    expect(text()).toContain('Building app');
    const next = seqOf(h, (label) => label === 'step 4 done');
    act(() => useSessionStore.setState({ cursor: next }));
    const world = h.sim.worldAt(next);
    const size = humanSize(world.layers[world.builds[0]?.steps[3]?.layer ?? '']?.size ?? 0);
    expect(layerNames()).toHaveLength(before + 1);
    expect(layerNames()[0]).toBe(
      `Layer ${before + 1} of ${before + 1}: RUN npm install, ${size}, new`,
    );
    // Only the layer that arrived slides in.
    const items = all('ul[aria-label^="Layers of"] > li');
    expect(items.filter((li) => li.className.includes('starting:opacity-0'))).toHaveLength(1);
    expect(useAnnouncementStore.getState().current?.message).toBe(
      `Step 4/7 RUN npm install: new layer, ${size}`,
    );
  });

  it('shows a failed build with its Dockerfile line', () => {
    show(
      session(
        [
          `echo 'FROM node:20-alpine' > /root/app/Dockerfile`,
          `echo 'COPY missing.txt .' >> /root/app/Dockerfile`,
          BUILD,
        ],
        true,
      ),
    );
    expect(text()).toContain('Build of app failed');
    expect(text()).toContain('Step 2/2COPYfailed');
    expect(text()).toContain('(Dockerfile line 2)');
  });

  it('switches image with the picker: the base image, as its history records it', () => {
    const h = session([BUILD]);
    show(h);
    const node = tagged(h.sim.world, 'node:20-alpine');
    const select = all('select')[0] as HTMLSelectElement;
    act(() => {
      select.value = node.id;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(layerNames()).toHaveLength(node.layers.length);
    expect(layerNames().at(-1)).toMatch(/^Layer 1 of \d+: ADD alpine-minirootfs/);
    expect(text()).toContain('node@sha256:');
    expect(text()).toContain('shared with app:latest');
  });

  it('shows a container of the image: its writable layer above the read-only ones', () => {
    const h = session([
      BUILD,
      'docker run -d --name web app',
      `docker exec web sh -c 'echo hi > /app/app.js'`,
    ]);
    const web = Object.values(h.sim.world.containers)[0];
    useUiStore.setState({ selectedPart: `container:${web?.id ?? ''}` });
    show(h);
    const stack = all('ul[aria-label="Layers of container web, top first"] > li');
    expect(stack).toHaveLength(1 + tagged(h.sim.world, 'app:latest').layers.length);
    expect(stack[0]?.textContent).toContain('Writable layer');
    expect(stack[1]?.textContent).toBe(
      `Layer ${stack.length - 1}, read-onlyCOPY app.js index.html ./`,
    );
    expect(text()).toContain('docker rm deletes this writable layer');
    // docker diff's letters, each with its word for screen readers, and where the file came from.
    const changes = all('ul[aria-label="Changes, as docker diff lists them"] > li');
    expect(changes.map((li) => li.textContent)).toEqual([
      'Cchanged/app',
      `Cchanged/app/app.js3Bcopied up from layer ${stack.length - 1} (COPY app.js index.html ./), which stays unchanged`,
    ]);
  });
});
