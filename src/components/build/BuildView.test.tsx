// @vitest-environment jsdom
/**
 * The Build view on a live session: the context's files as tabs, typing written to the host
 * once it pauses, a broken Dockerfile's error listed at its line with Build refused, and Build
 * typed into the terminal like any command.
 */
import { EditorView } from '@codemirror/view';
import { act } from '../testing/act';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { newSimulation, useSessionStore } from '../../store/sessionStore';
import { initialUiState, useUiStore } from '../../store/uiStore';
import { renderInDom, type Rendered } from '../testing/renderInDom';
import BuildView from './BuildView';

let rendered: Rendered | undefined;

// jsdom lays nothing out; CodeMirror measures text ranges, so give them an empty box.
Range.prototype.getClientRects = () => [] as unknown as DOMRectList;
Range.prototype.getBoundingClientRect = () => new DOMRect();

function render() {
  rendered = renderInDom(<BuildView />);
  return rendered.container;
}

function buttonNamed(name: string): HTMLButtonElement {
  const found = [...(rendered?.container.querySelectorAll('button') ?? [])].find(
    (b) => b.textContent === name,
  );
  if (!found) throw new Error(`no button ${name}`);
  return found;
}

function writeHost(path: string, content: string) {
  act(() => {
    useSessionStore.getState().run({ kind: 'writeFile', path, content });
  });
}

const typedLines = () =>
  useSessionStore
    .getState()
    .sim.log.flatMap(({ input }) => (input.kind === 'typed' ? [input.line] : []));

beforeEach(() => {
  useUiStore.setState(initialUiState());
  // The simulation changes in place: every test gets a host of its own.
  useSessionStore.setState({ sim: newSimulation(), cursor: -1, revision: 0, playing: true });
});
afterEach(() => {
  rendered?.unmount();
  rendered = undefined;
  vi.useRealTimers();
});

describe('BuildView', () => {
  it('shows the build context as tabs, the Dockerfile open in the editor', () => {
    const view = render();
    const tabs = [...view.querySelectorAll('[role="tab"]')];
    expect(tabs.map((t) => t.textContent)).toEqual([
      'Dockerfile',
      '.dockerignore',
      'app.js',
      'index.html',
      'package.json',
    ]);
    expect(tabs[0]?.getAttribute('aria-selected')).toBe('true');
    const content = view.querySelector('.cm-content');
    expect(content?.getAttribute('aria-label')).toBe('Contents of Dockerfile');
    expect(content?.textContent).toContain('FROM node');
    expect(view.textContent).toContain('No problems in the Dockerfile.');
  });

  it('writes typing to the host once it pauses, as one input', () => {
    vi.useFakeTimers();
    const view = render();
    act(() => (view.querySelectorAll<HTMLElement>('[role="tab"]')[2] as HTMLElement).click());
    const editor = EditorView.findFromDOM(view.querySelector('.cm-editor') as HTMLElement);
    const before = useSessionStore.getState().sim.log.length;
    act(() => {
      editor?.dispatch({ changes: { from: 0, insert: '// a' } });
      editor?.dispatch({ changes: { from: 4, insert: 'b' } });
    });
    expect(useSessionStore.getState().sim.log.length).toBe(before);
    act(() => void vi.advanceTimersByTime(400));
    const log = useSessionStore.getState().sim.log.slice(before);
    expect(log.map(({ input }) => input.kind)).toEqual(['writeFile']);
    expect(useSessionStore.getState().sim.world.files['/root/app/app.js']).toMatch(/^\/\/ ab/);
  });

  it('lists a broken Dockerfile’s error at its line and refuses to build', () => {
    writeHost('/root/app/Dockerfile', 'FROM node:20-alpine\nRUNN npm install\n');
    render();
    expect(rendered?.container.textContent).toContain('Line 2: unknown instruction: RUNN');
    const build = buttonNamed('Build');
    expect(build.disabled).toBe(true);
    expect(document.getElementById(build.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Fix the errors in the Dockerfile first: the builder would refuse it.',
    );
  });

  it('opens the Dockerfile at a problem’s line when the problem is clicked, from another file', () => {
    writeHost('/root/app/Dockerfile', 'FROM node:20-alpine\nWORKDIR /app\nRUNN npm install\n');
    const view = render();
    const editorLabel = () => view.querySelector('.cm-content')?.getAttribute('aria-label');
    const appJs = [...view.querySelectorAll<HTMLElement>('[role="tab"]')].find(
      (tab) => tab.textContent === 'app.js',
    );
    act(() => appJs?.click());
    expect(editorLabel()).toBe('Contents of app.js');
    const problem = [...view.querySelectorAll('button')].find((b) =>
      b.textContent?.includes('Line 3: unknown instruction: RUNN'),
    );
    act(() => problem?.click());
    expect(editorLabel()).toBe('Contents of Dockerfile');
    const editor = EditorView.findFromDOM(view.querySelector<HTMLElement>('.cm-editor')!);
    const { state } = editor!;
    expect(state.doc.lineAt(state.selection.main.head).number).toBe(3);
  });

  it('types docker build into the terminal and opens it', () => {
    useUiStore.getState().setPanelCollapsed('terminal', true);
    render();
    act(() => buttonNamed('Build').click());
    expect(typedLines().at(-1)).toBe('docker build -t app /root/app');
    expect(useUiStore.getState().collapsedPanels.terminal).toBe(false);
    const images = Object.values(useSessionStore.getState().sim.world.images);
    expect(images.some((image) => image.repoTags.includes('app:latest'))).toBe(true);
  });

  it('moves between files with the arrow keys, Home and End', () => {
    const view = render();
    const tabs = () => [...view.querySelectorAll<HTMLElement>('[role="tab"]')];
    const press = (key: string) =>
      act(() => {
        document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      });
    act(() => tabs()[0]?.focus());
    press('ArrowRight');
    expect(document.activeElement?.textContent).toBe('.dockerignore');
    expect(tabs()[1]?.getAttribute('aria-selected')).toBe('true');
    expect(view.querySelector('.cm-content')?.getAttribute('aria-label')).toBe(
      'Contents of .dockerignore',
    );
    press('End');
    expect(document.activeElement?.textContent).toBe('package.json');
    press('ArrowRight');
    expect(document.activeElement?.textContent).toBe('Dockerfile');
    expect(tabs().map((t) => t.tabIndex)).toEqual([0, -1, -1, -1, -1]);
  });

  it('adds a file under /root/app, and refuses a name that leaves it', () => {
    const view = render();
    act(() => buttonNamed('New file').click());
    const input = view.querySelector<HTMLInputElement>('form input');
    // A file name is not prose: no red underlines (spellCheck must reach the DOM as "false").
    expect(input?.getAttribute('spellcheck')).toBe('false');
    // Typing and submitting are two events, with a render between them, as for a user.
    const submit = (name: string) => {
      act(() => {
        const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
        setValue?.call(input, name);
        input?.dispatchEvent(new Event('input', { bubbles: true }));
      });
      act(() => input?.form?.requestSubmit());
    };
    submit('../etc/passwd');
    expect(view.querySelector('[role="alert"]')?.textContent).toContain('inside the build context');
    expect(Object.keys(useSessionStore.getState().sim.world.files)).not.toContain(
      '/root/etc/passwd',
    );
    submit('server.js');
    expect(useSessionStore.getState().sim.world.files['/root/app/server.js']).toBe('');
    expect(view.querySelector('[role="tab"][aria-selected="true"]')?.textContent).toBe('server.js');
    expect(view.querySelector('form')).toBeNull();
  });
});
