// @vitest-environment jsdom
/**
 * The session between a controller and a real xterm.js screen: prompt, echo, output, jobs
 * that hold the prompt, Ctrl-C, typeahead from a paste, output arriving while a line is
 * edited, clearing, completion, history and resizing. The controller is a small fake.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { TerminalController, TerminalEvent } from '../../cli/shell/types';
import { cellAt } from './screenLayout';
import { TerminalSession, toTerminalText } from './terminalSession';
import { createHeadlessTerminal, type HeadlessTerminal } from './testing/headlessTerminal';

/**
 * `echo x` prints x, `printf x` prints without a line end, `clear` clears, `sleep` starts a
 * job that holds the prompt until `finishJob()` or Ctrl-C; anything else is not found.
 */
function fakeController(options: { busyAtStart?: boolean } = {}) {
  const listeners = new Set<(event: TerminalEvent) => void>();
  const history: string[] = [];
  const emit = (event: TerminalEvent) => listeners.forEach((listener) => listener(event));
  const out = (text: string) => emit({ type: 'output', chunk: { stream: 'stdout', text } });
  let busy = options.busyAtStart ?? false;
  const state = { executed: [] as string[], interrupts: 0 };
  const controller: TerminalController = {
    prompt: () => '$ ',
    execute(line) {
      state.executed.push(line);
      history.push(line);
      const [name, ...args] = line.trim().split(/\s+/);
      if (name === 'sleep') {
        busy = true;
        return;
      }
      if (name === 'echo') out(`${args.join(' ')}\n`);
      else if (name === 'printf') out(args.join(' '));
      else if (name === 'clear') emit({ type: 'clear' });
      else out(`${name}: command not found\n`);
      emit({ type: 'ready' });
    },
    submit(line) {
      emit({ type: 'submitted', line });
      controller.execute(line);
    },
    interrupt() {
      state.interrupts += 1;
      if (!busy) return;
      busy = false;
      emit({ type: 'ready' });
    },
    busy: () => busy,
    history: () => history,
    complete: (line, cursor) => {
      const from = line.slice(0, cursor).search(/\S*$/);
      const word = line.slice(from, cursor);
      const words = ['docker', 'dockerd', 'echo'];
      return { from, candidates: words.filter((candidate) => candidate.startsWith(word)) };
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
  const finishJob = () => {
    busy = false;
    out('job done\n');
    emit({ type: 'ready' });
  };
  return { controller, state, out, emit, finishJob };
}

const opened: HeadlessTerminal[] = [];
afterEach(() => opened.splice(0).forEach((terminal) => terminal.dispose()));

async function setUp(columns = 40, options: { busyAtStart?: boolean } = {}) {
  const screen = await createHeadlessTerminal(columns, 30);
  opened.push(screen);
  const fake = fakeController(options);
  const session = new TerminalSession(fake.controller, screen);
  const stop = session.start();
  /** Each argument is one onData chunk: a key, or a paste. */
  const input = async (...chunks: string[]) => {
    for (const chunk of chunks) session.input(chunk);
    await screen.flush();
  };
  const rows = async () => {
    await screen.flush();
    return screen.rows();
  };
  return { screen, session, fake, input, rows, stop };
}

const typed = (text: string) => [...text];

describe('terminal session', () => {
  it('shows a prompt, echoes typing, runs the line and prompts again', async () => {
    const { input, rows, fake } = await setUp();
    expect(await rows()).toEqual(['$']);
    await input(...typed('echo hi'), '\r');
    expect(fake.state.executed).toEqual(['echo hi']);
    expect(await rows()).toEqual(['$ echo hi', 'hi', '$']);
  });

  it('shows a line run from outside (a Build button) at the prompt, keeping what was typed', async () => {
    const { input, rows, fake } = await setUp();
    await input(...typed('ec'));
    fake.controller.submit('echo built');
    expect(fake.state.executed).toEqual(['echo built']);
    expect(await rows()).toEqual(['$ echo built', 'built', '$ ec']);
    await input(...typed('ho again'), '\r');
    expect(fake.state.executed).toEqual(['echo built', 'echo again']);
  });

  it('puts the prompt on a row of its own after output with no line end', async () => {
    const { input, rows } = await setUp();
    await input('printf x\r');
    expect(await rows()).toEqual(['$ printf x', 'x', '$']);
  });

  it('has something for Tab to complete only while a line is typed at the prompt', async () => {
    const { input, session } = await setUp();
    expect(session.canComplete()).toBe(false);
    await input('do');
    expect(session.canComplete()).toBe(true);
    await input('\x15', ' ');
    expect(session.canComplete()).toBe(false);
    await input('\x15', 'sleep\r', 'x');
    expect(session.canComplete()).toBe(false);
  });

  it('ignores typing while a job holds the prompt; Ctrl-C echoes ^C and interrupts it', async () => {
    const { input, rows, fake } = await setUp();
    await input('sleep\r');
    await input(...typed('ls'), '\r');
    expect(fake.state.executed).toEqual(['sleep']);
    await input('\x03');
    expect(fake.state.interrupts).toBe(1);
    expect(await rows()).toEqual(['$ sleep', '^C', '$']);
  });

  it('runs a pasted script line by line, holding the rest while a job runs', async () => {
    const { input, rows, fake } = await setUp();
    await input('echo one\nsleep\necho two\n');
    expect(fake.state.executed).toEqual(['echo one', 'sleep']);
    fake.finishJob();
    expect(fake.state.executed).toEqual(['echo one', 'sleep', 'echo two']);
    expect(await rows()).toEqual([
      '$ echo one',
      'one',
      '$ sleep',
      'job done',
      '$ echo two',
      'two',
      '$',
    ]);
  });

  it('drops the held lines when the job is interrupted, as a tty flushes its input', async () => {
    const { input, fake } = await setUp();
    await input('sleep\necho never\n');
    await input('\x03');
    expect(fake.state.executed).toEqual(['sleep']);
  });

  it('prints output that arrives while a line is edited above it, and redraws the line', async () => {
    const { input, rows, fake, screen } = await setUp();
    await input(...typed('docker ps'), '\x1b[D');
    fake.out('container started\n');
    expect(await rows()).toEqual(['container started', '$ docker ps']);
    expect(screen.cursor()).toEqual({ row: 1, col: 10 });
  });

  it('clears on the clear event and on Ctrl-L', async () => {
    const { input, rows } = await setUp();
    await input('echo a\r', 'clear\r');
    expect(await rows()).toEqual(['$']);
    await input('echo b\r', 'ls', '\x0c');
    expect(await rows()).toEqual(['$ ls']);
  });

  it('completes through the controller and recalls its history', async () => {
    const { input, rows } = await setUp();
    await input('ec', '\t');
    expect(await rows()).toEqual(['$ echo']);
    await input('x\r', 'do', '\t', '\t');
    expect(await rows()).toEqual(['$ echo x', 'x', '$ docker', 'docker   dockerd', '$ docker']);
    await input('\x15', '\x1b[A');
    expect((await rows()).at(-1)).toBe('$ echo x');
  });

  it('waits for ready before the first prompt when a job holds it at start', async () => {
    const { rows, fake } = await setUp(40, { busyAtStart: true });
    expect(await rows()).toEqual([]);
    fake.finishJob();
    expect(await rows()).toEqual(['job done', '$']);
    fake.emit({ type: 'ready' });
    expect(await rows()).toEqual(['job done', '$']);
  });

  it('redraws a wrapped line after the screen changes width', async () => {
    const { input, rows, screen, session } = await setUp(10);
    await input('abcdefghijklmnopqrstuvwxyz', '\x1b[D', '\x1b[D');
    screen.terminal.resize(7, 30);
    session.resized(10);
    expect(await rows()).toEqual(['$ abcde', 'fghijkl', 'mnopqrs', 'tuvwxyz']);
    expect(screen.cursor()).toEqual(cellAt('$ ', 'abcdefghijklmnopqrstuvwxyz', 24, 7));
  });

  it('stops listening when stopped', async () => {
    const { rows, fake, stop } = await setUp();
    stop();
    fake.out('late\n');
    expect(await rows()).toEqual(['$']);
  });

  it('turns the controller line ends into CR LF', () => {
    expect(toTerminalText('a\nb\r\nc')).toBe('a\r\nb\r\nc');
  });
});
