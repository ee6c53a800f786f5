/**
 * The editor's open files: one CodeMirror state per file (so each keeps its own undo history
 * and cursor across tab switches), and for each the host's text it was last in step with.
 *
 * Contract: the host's file is the truth, the editor a draft of it. When the host's text
 * changes under a file (written from the terminal, playback moved, the future forked, the era
 * reset), the draft follows it, unless the editor holds typing not yet written: that wins, and
 * is written shortly. A change that only echoes the editor's own write (host text equal to the
 * draft) leaves the state, history and cursor alone. No DOM.
 */
import type { EditorState } from '@codemirror/state';

export type CreateState = (path: string, content: string) => EditorState;

export class FileStates {
  private readonly states = new Map<string, EditorState>();
  /** The host's text each kept state was last in step with. */
  private readonly seen = new Map<string, string>();

  constructor(private readonly create: CreateState) {}

  /** The state to show for `path`: the kept one, or a fresh one of the host's text. */
  open(path: string, content: string): EditorState {
    const kept = this.states.get(path);
    if (kept) return kept;
    const state = this.create(path, content);
    this.states.set(path, state);
    this.seen.set(path, content);
    return state;
  }

  /** The newest state of `path` after the user acted in it. */
  keep(path: string, state: EditorState): void {
    if (this.states.has(path)) this.states.set(path, state);
  }

  /**
   * After the host's files changed: drops the drafts of other files that went stale (they are
   * rebuilt when opened) and returns the state `shown` must switch to, or null to keep it.
   */
  sync(
    files: Readonly<Record<string, string>>,
    shown: string,
    pending: (path: string) => boolean,
  ): EditorState | null {
    let replacement: EditorState | null = null;
    for (const [path, state] of [...this.states]) {
      const content = files[path];
      if (pending(path) || content === this.seen.get(path)) continue;
      this.seen.set(path, content ?? '');
      if (state.doc.toString() === content) continue;
      if (content === undefined || path !== shown) {
        this.states.delete(path);
        this.seen.delete(path);
        continue;
      }
      replacement = this.create(path, content);
      this.states.set(path, replacement);
    }
    return replacement;
  }
}
