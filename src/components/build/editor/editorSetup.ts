/**
 * One file's CodeMirror state: line numbers, undo history, the standard keys, the lint gutter
 * and underlines, and highlighting for the file's language (legacy stream modes: Dockerfile,
 * JavaScript, JSON, HTML). Contract: every colour is a CSS variable or class that editor.css
 * sets for the light and the dark theme, so a state never depends on the theme; Tab is left to
 * the browser (no indentWithTab), so the keyboard can always leave the editor.
 */
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import {
  HighlightStyle,
  StreamLanguage,
  syntaxHighlighting,
  type StreamParser,
} from '@codemirror/language';
import { dockerFile } from '@codemirror/legacy-modes/mode/dockerfile';
import { javascript, json } from '@codemirror/legacy-modes/mode/javascript';
import { html } from '@codemirror/legacy-modes/mode/xml';
import { lintGutter, lintKeymap } from '@codemirror/lint';
import { EditorState, type Extension } from '@codemirror/state';
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { languageOf, type FileLanguage } from './contextFiles';

const MODES: Readonly<Record<Exclude<FileLanguage, 'plain'>, StreamParser<unknown>>> = {
  dockerfile: dockerFile,
  javascript,
  json,
  html,
};

const languages = new Map<FileLanguage, Extension>();
function languageSupport(language: FileLanguage): Extension {
  if (language === 'plain') return [];
  let support = languages.get(language);
  if (!support) {
    support = StreamLanguage.define(MODES[language]);
    languages.set(language, support);
  }
  return support;
}

/** Token classes; editor.css gives each a colour with AA contrast in the light and dark theme. */
const highlight = HighlightStyle.define([
  { tag: [tags.keyword, tags.controlKeyword, tags.definitionKeyword], class: 'tok-keyword' },
  { tag: [tags.string, tags.special(tags.string), tags.regexp], class: 'tok-string' },
  { tag: [tags.number, tags.bool, tags.null, tags.atom], class: 'tok-number' },
  { tag: [tags.comment, tags.meta], class: 'tok-comment' },
  { tag: [tags.tagName, tags.propertyName, tags.definition(tags.variableName)], class: 'tok-name' },
  { tag: tags.attributeName, class: 'tok-attribute' },
  { tag: tags.invalid, class: 'tok-invalid' },
]);

/** Layout and colours; a theme (not a stylesheet) so it outranks CodeMirror's base theme. */
const look = EditorView.theme({
  '&': {
    height: '100%',
    fontSize: '13px',
    color: 'var(--editor-fg)',
    backgroundColor: 'var(--editor-bg)',
  },
  '&.cm-focused': { outline: '2px solid var(--editor-focus)', outlineOffset: '-2px' },
  '.cm-scroller': { fontFamily: 'var(--editor-font)', lineHeight: '1.5' },
  '.cm-content': { caretColor: 'var(--editor-fg)' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--editor-fg)' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection':
    { backgroundColor: 'var(--editor-selection)' },
  '.cm-activeLine': { backgroundColor: 'var(--editor-active-line)' },
  '.cm-gutters': {
    color: 'var(--editor-gutter-fg)',
    backgroundColor: 'var(--editor-gutter-bg)',
    borderRight: '1px solid var(--editor-border)',
  },
  '.cm-activeLineGutter': {
    color: 'var(--editor-fg)',
    backgroundColor: 'var(--editor-active-line)',
  },
  '.cm-tooltip': {
    color: 'var(--editor-fg)',
    backgroundColor: 'var(--editor-bg)',
    border: '1px solid var(--editor-border)',
  },
});

const shared: Extension = [
  look,
  lineNumbers(),
  highlightActiveLineGutter(),
  highlightActiveLine(),
  drawSelection(),
  history(),
  lintGutter(),
  syntaxHighlighting(highlight),
  EditorState.tabSize.of(4),
  keymap.of([...defaultKeymap, ...historyKeymap, ...lintKeymap]),
];

/** A fresh state for `path`, its editable text named `label` for assistive technology. */
export function fileState(path: string, content: string, label: string): EditorState {
  return EditorState.create({
    doc: content,
    extensions: [
      shared,
      languageSupport(languageOf(path)),
      EditorView.contentAttributes.of({ 'aria-label': label }),
    ],
  });
}
