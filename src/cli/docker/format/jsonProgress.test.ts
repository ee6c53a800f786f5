/**
 * The progress display prints what moby's jsonmessage printer prints: on a terminal each ID
 * keeps its line and is redrawn in place (bars only wider than 110 columns); into a pipe, bars
 * are dropped and every other message is a line of its own.
 */
import { describe, expect, it } from 'vitest';
import { ProgressDisplay, progressBar, renderScreen } from './jsonProgress';

function collect(terminal: boolean, columns: number) {
  let text = '';
  const display = new ProgressDisplay((t) => (text += t), terminal, columns);
  return { display, text: () => text };
}

describe('progressBar', () => {
  it('is 50 wide, full for running (9 of 9), and absent on terminals up to 110 columns', () => {
    expect(progressBar(9, 9, 120)).toBe(`[${'='.repeat(50)}>] `);
    expect(progressBar(6, 9, 120)).toBe(`[${'='.repeat(33)}>${' '.repeat(17)}] `);
    expect(progressBar(9, 9, 110)).toBe('');
  });
});

describe('ProgressDisplay on a terminal', () => {
  it('redraws each ID on its own line: the screen shows the latest state of every line', () => {
    const { display, text } = collect(true, 120);
    display.write({ id: 'overall progress', text: '0 out of 2 tasks', progress: true });
    display.write({ id: '1/2', text: ' ', progress: true });
    display.write({ id: '2/2', text: ' ', progress: true });
    display.write({ id: '1/2', text: 'running  ', progress: true, current: 9, total: 9 });
    display.write({ id: '2/2', text: 'preparing', progress: true, current: 6, total: 9 });
    display.write({ id: 'overall progress', text: '1 out of 2 tasks', progress: true });
    expect(renderScreen(text())).toEqual([
      'overall progress: 1 out of 2 tasks',
      `1/2: running   [${'='.repeat(50)}>]`,
      `2/2: preparing [${'='.repeat(33)}>${' '.repeat(17)}]`,
    ]);
    // The cursor is left on a fresh line below the block, where the prompt comes back.
    expect(text().endsWith('\r\x1b[3B')).toBe(true);
  });

  it('a plain message (Ctrl-C) ends the block and is printed below it', () => {
    const { display, text } = collect(true, 80);
    display.write({ id: 'overall progress', text: '0 out of 1 tasks', progress: true });
    display.write({ id: '', text: 'Operation continuing in background.', progress: false });
    expect(renderScreen(text())).toEqual([
      'overall progress: 0 out of 1 tasks',
      'Operation continuing in background.',
    ]);
  });
});

describe('ProgressDisplay into a pipe', () => {
  it('prints messages without a bar as lines and drops the bars', () => {
    const { display, text } = collect(false, 200);
    display.write({ id: 'overall progress', text: '0 out of 1 tasks', progress: true });
    display.write({ id: '1/1', text: ' ', progress: true });
    display.write({ id: '1/1', text: 'running  ', progress: true, current: 9, total: 9 });
    display.write({ id: 'overall progress', text: '1 out of 1 tasks', progress: true });
    expect(text()).toBe(
      'overall progress: 0 out of 1 tasks\n1/1:  \noverall progress: 1 out of 1 tasks\n',
    );
  });
});
