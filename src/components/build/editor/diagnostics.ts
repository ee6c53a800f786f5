/**
 * The linter's findings (1-based lines, 0-based columns) as CodeMirror diagnostics (document
 * offsets). Contract: every range lies inside the document it is mapped onto, whatever the
 * finding says (a line past the end lands on the last line, a column past a line's end at that
 * end), since CodeMirror refuses a decoration outside the document. A finding with no width is
 * widened to its line's text, so there is always something to underline. Pure.
 */
import type { Diagnostic } from '@codemirror/lint';
import type { Text } from '@codemirror/state';
import type { DockerfileDiagnostic } from '../../../sim/build/lint';

/** A finding placed on a document: CodeMirror's diagnostic plus the line it is shown at. */
export interface PlacedDiagnostic extends Diagnostic {
  readonly line: number;
}

/** A whole number within [low, high]; anything not a finite number counts as `low`. */
const clamp = (value: number, low: number, high: number) =>
  Number.isFinite(value) ? Math.min(Math.max(Math.trunc(value), low), high) : low;

export function placeDiagnostics(
  doc: Text,
  found: readonly DockerfileDiagnostic[],
): PlacedDiagnostic[] {
  return found.map((d) => {
    const first = doc.line(clamp(d.line, 1, doc.lines));
    const last = doc.line(clamp(d.endLine, first.number, doc.lines));
    let from = first.from + clamp(d.startColumn, 0, first.length);
    let to = Math.max(from, last.from + clamp(d.endColumn, 0, last.length));
    if (from === to) {
      const text = first.text;
      from = first.from + (text.length - text.trimStart().length);
      to = Math.max(from, first.from + text.trimEnd().length);
    }
    return {
      from,
      to,
      line: first.number,
      severity: d.severity,
      message: d.message,
      source: d.source,
    };
  });
}

export function hasErrors(found: readonly { severity: string }[]): boolean {
  return found.some((d) => d.severity === 'error');
}
