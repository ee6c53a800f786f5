/**
 * Binds a TerminalController to a screen through the line editor: typed and pasted input in,
 * prompt, echo and command output out. Contract: no DOM and no xterm (the screen is anything
 * that takes bytes and knows its width), so it runs in unit tests as it runs in the app.
 *
 * While a line runs (the controller is busy, or has not said `ready` yet) typed keys are
 * dropped, except Ctrl-C, which echoes `^C` and interrupts the job. Keys that arrived in the
 * same paste after a submitted line wait (typeahead) and are replayed at the next prompt, so a
 * pasted script runs line by line; an interrupt discards them, as a tty flushes its input.
 */
import type { TerminalController, TerminalEvent } from '../../cli/shell/types';
import { parseKeys, type Key } from './keys';
import {
  applyCompletion,
  drawLine,
  EMPTY_LINE,
  hideLine,
  press,
  type EditorEnv,
  type Effect,
  type LineState,
} from './lineEditor';

export interface Screen {
  write(data: string): void;
  /** Width in cells now (it changes as the panel resizes). */
  readonly columns: number;
}

/** Home, erase the screen and the scrollback: what `clear` does in a real terminal. */
export const CLEAR_ALL = '\x1b[H\x1b[2J\x1b[3J';
/** Ctrl-L keeps the scrollback, as bash does. */
export const CLEAR_SCREEN = '\x1b[H\x1b[2J';

/** Controller output uses `\n`; a terminal needs CR LF to return to column 0. */
export function toTerminalText(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

export class TerminalSession {
  private line: LineState = EMPTY_LINE;
  /** The prompt is on screen and the editor owns the cursor. */
  private atPrompt = false;
  /** The last thing written ended a line, so a prompt can start at column 0. */
  private atLineStart = true;
  private pending: Key[] = [];
  private draining = false;

  constructor(
    private readonly controller: TerminalController,
    private readonly screen: Screen,
  ) {}

  /** Subscribes to the controller and shows the prompt unless a job holds it. */
  start(): () => void {
    const unsubscribe = this.controller.subscribe((event) => this.onEvent(event));
    if (!this.controller.busy()) this.showPrompt();
    return unsubscribe;
  }

  /** A line is being typed at the prompt, so Tab has something to complete. */
  canComplete(): boolean {
    return this.atPrompt && !this.controller.busy() && this.line.buffer.trim() !== '';
  }

  /** Data from the terminal: one key's bytes, or a whole paste. */
  input(data: string): void {
    if (!this.atPrompt || this.controller.busy()) {
      if (data.includes('\x03')) this.interrupt();
      return;
    }
    this.pending.push(...parseKeys(data));
    this.drain();
  }

  /**
   * After the screen changed width. xterm.js reflows everything but the cursor's own line,
   * which it leaves for the program to redraw (as bash does on SIGWINCH): take the line off
   * with the width it was drawn at, and draw it again at the new one.
   */
  resized(previousColumns: number): void {
    this.controller.resize?.(this.screen.columns);
    if (!this.atPrompt || previousColumns === this.screen.columns) return;
    const env = this.env();
    this.screen.write(
      hideLine(this.line, { ...env, columns: previousColumns }) + drawLine(this.line, env),
    );
  }

  private interrupt() {
    this.pending = [];
    this.writeOutput('^C');
    this.controller.interrupt();
  }

  private env(): EditorEnv {
    return {
      prompt: this.controller.prompt(),
      columns: this.screen.columns,
      history: this.controller.history(),
    };
  }

  private drain() {
    // `ready` may arrive inside execute(); the loop that is already running picks up from there.
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.atPrompt && !this.controller.busy()) {
        const key = this.pending.shift();
        if (!key) break;
        this.perform(press(this.line, key, this.env()));
      }
    } finally {
      this.draining = false;
    }
  }

  private perform(step: { state: LineState; effects: readonly Effect[] }) {
    this.line = step.state;
    for (const effect of step.effects) {
      switch (effect.type) {
        case 'write':
          this.screen.write(effect.data);
          break;
        case 'clear':
          this.screen.write(CLEAR_SCREEN);
          break;
        case 'complete': {
          const completion = this.controller.complete(effect.line, effect.cursor);
          this.perform(applyCompletion(this.line, completion, this.env()));
          break;
        }
        case 'submit':
          this.atPrompt = false;
          this.atLineStart = true;
          this.controller.execute(effect.line);
          break;
      }
    }
  }

  private onEvent(event: TerminalEvent) {
    switch (event.type) {
      case 'output': {
        const text = toTerminalText(event.chunk.text);
        if (!this.atPrompt) {
          this.writeOutput(text);
          return;
        }
        // Output while the user edits (a background event): print it above the line.
        const env = this.env();
        this.screen.write(hideLine(this.line, env));
        this.writeOutput(text);
        this.showPrompt();
        return;
      }
      case 'clear':
        this.screen.write(CLEAR_ALL);
        this.atLineStart = true;
        if (this.atPrompt) this.screen.write(drawLine(this.line, this.env()));
        return;
      case 'submitted': {
        // Shown in place of whatever was being typed, which is kept for the next prompt.
        const typed = this.line;
        if (this.atPrompt) this.screen.write(hideLine(this.line, this.env()));
        else if (!this.atLineStart) this.screen.write('\r\n');
        this.screen.write(`${drawLine(EMPTY_LINE, this.env())}${event.line}\r\n`);
        this.line = typed;
        this.atPrompt = false;
        this.atLineStart = true;
        return;
      }
      case 'ready':
        if (this.atPrompt) return;
        this.showPrompt();
        this.drain();
        return;
    }
  }

  private writeOutput(text: string) {
    if (!text) return;
    this.screen.write(text);
    this.atLineStart = text.endsWith('\n');
  }

  /** The prompt (and whatever line is being edited) on a row of its own. */
  private showPrompt() {
    if (!this.atLineStart) this.screen.write('\r\n');
    this.screen.write(drawLine(this.line, this.env()));
    this.atPrompt = true;
    this.atLineStart = false;
  }
}
