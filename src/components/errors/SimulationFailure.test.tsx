// @vitest-environment jsdom
/**
 * The failure dialog over a real failure of the session (a spy standing in for the bug): what
 * it says, the report it shows and copies, where focus goes, that Escape does not dismiss it,
 * and what its two buttons do to the session.
 */
import axe from 'axe-core';
import { act } from '../testing/act';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Input } from '../../sim/inputs';
import { Simulation } from '../../sim/simulation';
import { newSimulation, useSessionStore } from '../../store/sessionStore';
import { useSimFailureStore } from '../../store/simFailure';
import { renderInDom, type Rendered } from '../testing/renderInDom';
import { SimulationFailure } from './SimulationFailure';

let rendered: Rendered | undefined;
const initialSession = useSessionStore.getState();
const session = () => useSessionStore.getState();

// jsdom has <dialog> without its modal methods: open and close it as a browser would.
beforeAll(() => {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
});

/** The session meets a bug on the line `boom`, after logging it; the dialog's code loads. */
async function failOnBoom() {
  const apply = Simulation.prototype.apply;
  vi.spyOn(Simulation.prototype, 'apply').mockImplementation(function (
    this: Simulation,
    input: Input,
    at?: number,
  ) {
    const result = apply.call(this, input, at);
    if (input.kind === 'typed' && input.line === 'boom') throw new Error('boom: a bug');
    return result;
  });
  act(() => {
    session().run({ kind: 'typed', line: 'boom' });
  });
  await act(async () => {
    await import('./FailureDialog');
  });
  await vi.waitFor(() => expect(dialog()?.open).toBe(true));
}

const dialog = () => rendered?.container.querySelector('dialog') ?? null;
const shownDialog = (): HTMLDialogElement => {
  const found = dialog();
  if (!found) throw new Error('no dialog');
  return found;
};
const button = (name: string) => {
  const found = [...shownDialog().querySelectorAll('button')].find((b) => b.textContent === name);
  if (!found) throw new Error(`no button "${name}"`);
  return found;
};
const report = () => shownDialog().querySelector('textarea') as HTMLTextAreaElement;
const status = () => shownDialog().querySelector('[role="status"]')?.textContent;

beforeEach(() => {
  useSimFailureStore.setState({ failures: [] });
  useSessionStore.setState(initialSession);
  const sim = newSimulation();
  sim.apply({ kind: 'typed', line: 'docker ps' });
  sim.request({ method: 'GET', path: '/v1.51/containers/json' });
  session().load(sim);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  rendered = renderInDom(<SimulationFailure />);
});
afterEach(() => {
  rendered?.unmount();
  rendered = undefined;
  vi.restoreAllMocks();
  useSimFailureStore.setState({ failures: [] });
});

describe('SimulationFailure', () => {
  it('stays away while the simulation works: not even its code is loaded', () => {
    expect(dialog()).toBeNull();
    expect(rendered?.container.textContent).toBe('');
  });

  it('says plainly what happened, shows the error and the input, and focuses Restore', async () => {
    await failOnBoom();
    const shown = shownDialog();
    expect(shown.open).toBe(true);
    expect(shown.getAttribute('role')).toBe('alertdialog');
    const title = document.getElementById(shown.getAttribute('aria-labelledby') ?? '');
    expect(title?.textContent).toBe('The simulation hit a bug');
    const text = document.getElementById(shown.getAttribute('aria-describedby') ?? '');
    expect(text?.textContent).toContain('This is not something you did wrong');
    expect(text?.textContent).toContain('your Docker host');
    expect(shown.textContent).toContain('Error: boom: a bug');
    expect(shown.textContent).toContain('It failed on input 3 of 3: $ boom');
    expect(document.activeElement).toBe(button('Restore the session from the log'));
  });

  it('shows a report to select: error, link that replays it, and the command log', async () => {
    await failOnBoom();
    const field = report();
    expect(field.readOnly).toBe(true);
    expect(field.labels?.[0]?.textContent).toContain('Report for the developers');
    expect(field.value).toContain('Error: boom: a bug');
    expect(field.value).toMatch(
      /replays the log, the failing input included: http:\/\/\S+#session=/,
    );
    const log = field.value.split('\n').filter((line) => /^[! ] \d+\t/.test(line));
    expect(log).toEqual([
      '  1\t$ docker ps\t{"at":0,"input":{"kind":"typed","line":"docker ps"}}',
      expect.stringMatching(/^ {2}2\tGET \/v1\.51\/containers\/json\t/),
      expect.stringMatching(
        /^! 3\t\$ boom\t\{"at":\d+,"input":\{"kind":"typed","line":"boom"\}\}$/,
      ),
    ]);
  });

  it('copies the report, and says so; where copying is refused it selects the report', async () => {
    await failOnBoom();
    const writeText = vi.fn<(text: string) => Promise<void>>().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await act(async () => rendered?.click(button('Copy report')));
    expect(writeText).toHaveBeenCalledWith(report().value);
    expect(status()).toBe('Report copied.');

    writeText.mockRejectedValue(new Error('denied'));
    await act(async () => rendered?.click(button('Copy report')));
    expect(status()).toBe(
      'Copying was not allowed here: the report is selected, copy it yourself.',
    );
    expect(document.activeElement).toBe(report());
  });

  it('is not dismissed by Escape: the session stays stopped until a choice is made', async () => {
    await failOnBoom();
    const cancel = new Event('cancel', { cancelable: true });
    act(() => {
      shownDialog().dispatchEvent(cancel);
    });
    expect(cancel.defaultPrevented).toBe(true);
    // Closed by the browser anyway, it comes back.
    act(() => shownDialog().close());
    expect(shownDialog().open).toBe(true);
  });

  it('restores the session from the log, to just before the failing input', async () => {
    const before = session().sim.trace.length;
    await failOnBoom();
    rendered?.click(button('Restore the session from the log'));
    expect(shownDialog().open).toBe(false);
    expect(session().sim.trace).toHaveLength(before);
    expect(session().sim.log.map((entry) => entry.input.kind)).toEqual(['typed', 'api']);
  });

  it('starts a clean session', async () => {
    await failOnBoom();
    rendered?.click(button('Start a clean session'));
    expect(shownDialog().open).toBe(false);
    expect(session().sim.log).toEqual([]);
  });

  it('has no axe violations while open', async () => {
    await failOnBoom();
    const results = await axe.run(rendered?.container as HTMLElement, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    expect(results.passes.length).toBeGreaterThan(0);
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });
});
