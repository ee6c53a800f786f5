/**
 * The editor's drafts against the host's files: a draft keeps its undo history through the
 * echo of its own write, follows a change made elsewhere, and wins while it is not written yet.
 */
import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { FileStates } from './fileStates';

const A = '/root/app/a.js';
const B = '/root/app/b.js';
const none = () => false;

function setup() {
  const created: string[] = [];
  const states = new FileStates((path, content) => {
    created.push(path);
    return EditorState.create({ doc: content });
  });
  return { states, created };
}

function typed(state: EditorState, text: string): EditorState {
  return state.update({ changes: { from: state.doc.length, insert: text } }).state;
}

describe('FileStates', () => {
  it('keeps a draft, cursor and all, through the echo of its own write', () => {
    const { states, created } = setup();
    const draft = typed(states.open(A, 'x'), 'y');
    states.keep(A, draft);
    expect(states.sync({ [A]: 'xy' }, A, none)).toBeNull();
    expect(states.open(A, 'xy')).toBe(draft);
    expect(created).toEqual([A]);
  });

  it('follows a change made elsewhere to the file shown', () => {
    const { states } = setup();
    states.open(A, 'x');
    const replacement = states.sync({ [A]: 'from the terminal' }, A, none);
    expect(replacement?.doc.toString()).toBe('from the terminal');
    expect(states.open(A, 'from the terminal')).toBe(replacement);
  });

  it('lets typing not yet written win over the host', () => {
    const { states } = setup();
    const draft = typed(states.open(A, 'x'), 'y');
    states.keep(A, draft);
    expect(states.sync({ [A]: 'older' }, A, (path) => path === A)).toBeNull();
    expect(states.open(A, 'older')).toBe(draft);
  });

  it('drops a stale draft of a file not shown, and rebuilds it when opened', () => {
    const { states, created } = setup();
    states.open(B, 'b');
    states.open(A, 'a');
    expect(states.sync({ [A]: 'a', [B]: 'changed' }, A, none)).toBeNull();
    expect(states.open(B, 'changed').doc.toString()).toBe('changed');
    expect(created).toEqual([B, A, B]);
  });

  it('forgets a file that is gone', () => {
    const { states, created } = setup();
    states.open(A, 'a');
    states.sync({}, A, none);
    states.open(A, 'again');
    expect(created).toEqual([A, A]);
  });
});
