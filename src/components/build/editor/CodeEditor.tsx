/**
 * The CodeMirror view of one file of the build context, with the linter's findings underlined.
 * Contract: `files` (the host's text) is the truth and `path` the file shown; typing is reported
 * through `onEdit` (the caller writes it to the host, debounced, and answers `pending`), never
 * applied to the host here. `lint` holds the findings for the text they were computed on: they
 * are drawn only while the editor shows that very text (until the next write catches up,
 * CodeMirror carries the ones drawn through the edits). One EditorView lives as long as the
 * component; switching files swaps its state (see FileStates).
 */
import './editor.css';
import { setDiagnostics } from '@codemirror/lint';
import { EditorView } from '@codemirror/view';
import { useEffectEvent, useImperativeHandle, useLayoutEffect, useRef, type Ref } from 'react';
import type { DockerfileDiagnostic } from '../../../sim/build/lint';
import { placeDiagnostics } from './diagnostics';
import { fileState } from './editorSetup';
import { FileStates } from './fileStates';

export interface EditorLint {
  /** The text the findings were computed on. */
  readonly text: string;
  readonly found: readonly DockerfileDiagnostic[];
}

export interface CodeEditorHandle {
  /** Puts the cursor at the start of a 1-based line, scrolls to it and focuses the editor. */
  revealLine(line: number): void;
}

interface Props {
  readonly path: string;
  readonly files: Readonly<Record<string, string>>;
  /** The accessible name of a file's text. */
  readonly labelOf: (path: string) => string;
  /** Findings to draw on this file; null for a file that is not linted. */
  readonly lint: EditorLint | null;
  readonly pending: (path: string) => boolean;
  readonly onEdit: (path: string, text: string) => void;
  readonly ref?: Ref<CodeEditorHandle>;
}

export function CodeEditor({ path, files, labelOf, lint, pending, onEdit, ref }: Props) {
  const hostRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const statesRef = useRef<FileStates | null>(null);
  const shownRef = useRef(path);
  const label = useEffectEvent((file: string) => labelOf(file));
  const edited = useEffectEvent((file: string, text: string) => onEdit(file, text));

  // Layout effects, both: a parent that shows a file with flushSync and then calls revealLine
  // (a click on a Dockerfile problem) needs the file in the editor when flushSync returns, and
  // Preact runs only layout effects before then (passive ones wait for the next frame).
  useLayoutEffect(() => {
    const parent = hostRef.current;
    if (!parent) return;
    const states = new FileStates((file, content) => fileState(file, content, label(file)));
    const view = new EditorView({
      parent,
      dispatchTransactions(transactions, target) {
        target.update(transactions);
        states.keep(shownRef.current, target.state);
        if (transactions.some((tr) => tr.docChanged))
          edited(shownRef.current, target.state.doc.toString());
      },
    });
    viewRef.current = view;
    statesRef.current = states;
    return () => {
      view.destroy();
      viewRef.current = null;
      statesRef.current = null;
    };
  }, []);

  // Runs after the effect above on mount: show `path` in step with the host, then its findings.
  useLayoutEffect(() => {
    const view = viewRef.current;
    const states = statesRef.current;
    if (!view || !states) return;
    states.sync(files, path, pending);
    const next = states.open(path, files[path] ?? '');
    shownRef.current = path;
    if (view.state !== next) view.setState(next);
    if (lint && view.state.doc.toString() === lint.text)
      view.dispatch(setDiagnostics(view.state, placeDiagnostics(view.state.doc, lint.found)));
  }, [path, files, lint, pending]);

  useImperativeHandle(
    ref,
    () => ({
      revealLine(line) {
        const view = viewRef.current;
        if (!view) return;
        const { doc } = view.state;
        const at = doc.line(Math.min(Math.max(1, Math.trunc(line) || 1), doc.lines)).from;
        view.dispatch({ selection: { anchor: at }, scrollIntoView: true });
        view.focus();
      },
    }),
    [],
  );

  return <div ref={hostRef} className="build-editor h-full min-h-0 overflow-hidden" />;
}
