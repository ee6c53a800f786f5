/**
 * How the docker CLI shows a stream of progress messages (moby's jsonmessage display), for the
 * Swarm convergence progress (`overall progress: 3 out of 3 tasks`, `1/3: running [===>]`).
 *
 * Contract: `write` takes the messages in the order the CLI produces them and prints exactly
 * what the real CLI prints for them. On a terminal each message ID owns one line: a new ID
 * opens a line, and a later message for it moves the cursor up to that line, clears it,
 * rewrites it and moves back down (ANSI `ESC[nA`, `ESC[2K`, `ESC[nB`), so the block redraws
 * in place. Into a pipe nothing moves: a message with a progress bar is dropped and the others
 * are printed one per line, which is why a piped `docker service create` repeats
 * `overall progress: ...` lines.
 */

export interface ProgressMessage {
  /** The line's key: `overall progress`, `1/3`, `verify`; empty for a plain message. */
  readonly id: string;
  /** The text shown after `id: ` (the Go `Action`, or `Message` for a plain line). */
  readonly text: string;
  /** True for progress updates (Go `WriteProgress`); false for a plain message. */
  readonly progress: boolean;
  readonly current?: number;
  readonly total?: number;
}

const CSI = '\x1b[';

/** jsonmessage's progress bar: only when the terminal is wider than 110 columns. */
export function progressBar(current: number, total: number, width: number): string {
  if (current <= 0 && total <= 0) return '';
  if (total <= 0) return '';
  const percentage = Math.min(50, Math.trunc(Math.trunc((current / total) * 100) / 2));
  if (width <= 110) return '';
  return `[${'='.repeat(percentage)}>${' '.repeat(Math.max(0, 50 - percentage))}] `;
}

export class ProgressDisplay {
  /** Line of each message ID since the last plain message (a plain message resets them). */
  private ids = new Map<string, number>();

  constructor(
    private readonly out: (text: string) => void,
    /** True when stdout is the terminal (not a pipe). */
    private readonly terminal: boolean,
    /** The terminal's width; the real CLI asks the tty, a pipe counts as 200. */
    private readonly columns: number,
  ) {}

  write(message: ProgressMessage): void {
    let text = '';
    let diff = 0;
    if (message.id !== '' && message.progress) {
      let line = this.ids.get(message.id);
      if (line === undefined) {
        line = this.ids.size;
        this.ids.set(message.id, line);
        if (this.terminal) text += '\n';
      }
      diff = this.ids.size - line;
      if (this.terminal) text += `${CSI}${diff}A`;
    } else {
      this.ids = new Map();
    }
    const bar = message.progress
      ? progressBar(message.current ?? 0, message.total ?? 0, this.terminal ? this.columns : 200)
      : '';
    let endl = '';
    if (this.terminal && message.progress) {
      endl = '\r';
      text += `${CSI}2K${endl}`;
    } else if (message.progress && bar !== '') {
      // jsonmessage: "disable progressbar in non-terminal".
      return;
    }
    if (message.id !== '') text += `${message.id}: `;
    if (message.progress && this.terminal) text += `${message.text} ${bar}${endl}`;
    else text += `${message.text}${endl}\n`;
    if (message.id !== '' && this.terminal && diff > 0) text += `${CSI}${diff}B`;
    this.out(text);
  }
}

/**
 * What a terminal shows after `text` with the cursor movements above: for tests and for
 * reading the screen (lines, trailing spaces trimmed, without the final empty line).
 */
export function renderScreen(text: string): string[] {
  const lines: string[] = [''];
  let row = 0;
  let col = 0;
  const put = (char: string): void => {
    const line = lines[row] ?? '';
    lines[row] = line.padEnd(col, ' ').slice(0, col) + char + line.slice(col + 1);
    col++;
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i] ?? '';
    if (text.startsWith(CSI, i)) {
      const m = /^(\d*)([ABK])/.exec(text.slice(i + CSI.length));
      if (m) {
        const n = Number(m[1] || '1');
        if (m[2] === 'A') row = Math.max(0, row - n);
        else if (m[2] === 'B') row += n;
        else lines[row] = '';
        while (lines.length <= row) lines.push('');
        i += CSI.length + m[0].length - 1;
        continue;
      }
    }
    if (char === '\n') {
      row++;
      col = 0;
      while (lines.length <= row) lines.push('');
    } else if (char === '\r') col = 0;
    else put(char);
  }
  const trimmed = lines.map((l) => l.replace(/ +$/, ''));
  if (trimmed.at(-1) === '') trimmed.pop();
  return trimmed;
}
