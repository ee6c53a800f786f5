/**
 * Linter findings on a CodeMirror document: at the right line and columns, and always inside
 * the document, whatever line or column a finding names.
 */
import { Text } from '@codemirror/state';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintDockerfile, type DockerfileDiagnostic } from '../../../sim/build/lint';
import { hasErrors, placeDiagnostics } from './diagnostics';

const doc = Text.of(['FROM alpine', 'RUNN echo hi', '', '  CMD x  ']);

function finding(over: Partial<DockerfileDiagnostic>): DockerfileDiagnostic {
  return {
    line: 2,
    endLine: 2,
    startColumn: 0,
    endColumn: 4,
    severity: 'error',
    message: 'unknown instruction: RUNN',
    source: 'builder',
    ...over,
  };
}

const span = (d: { from: number; to: number }) => doc.sliceString(d.from, d.to);

describe('placeDiagnostics', () => {
  it('underlines the columns the finding names, on its line', () => {
    const [placed] = placeDiagnostics(doc, [finding({})]);
    expect(placed).toMatchObject({ line: 2, severity: 'error', source: 'builder' });
    expect(span(placed!)).toBe('RUNN');
    expect(placed?.message).toBe('unknown instruction: RUNN');
  });

  it('spans several lines', () => {
    const [placed] = placeDiagnostics(doc, [finding({ line: 1, endLine: 2, startColumn: 5 })]);
    expect(span(placed!)).toBe('alpine\nRUNN');
  });

  it('widens a finding with no width to its line, without the blanks around it', () => {
    const [placed] = placeDiagnostics(doc, [finding({ line: 4, endLine: 4, endColumn: 0 })]);
    expect(span(placed!)).toBe('CMD x');
  });

  it('keeps an empty line empty', () => {
    const [placed] = placeDiagnostics(doc, [finding({ line: 3, endLine: 3, endColumn: 0 })]);
    expect(placed).toMatchObject({ line: 3, from: 25, to: 25 });
  });

  it('puts a line past the end on the last line, and line 0 or NaN on the first', () => {
    const placed = placeDiagnostics(doc, [
      finding({ line: 40, endLine: 41 }),
      finding({ line: 0, endLine: 0 }),
      finding({ line: Number.NaN, endLine: Number.NaN, startColumn: Number.NaN }),
    ]);
    expect(placed.map((d) => d.line)).toEqual([4, 1, 1]);
    for (const d of placed) {
      expect(d.from).toBeGreaterThanOrEqual(0);
      expect(d.to).toBeLessThanOrEqual(doc.length);
      expect(d.from).toBeLessThanOrEqual(d.to);
    }
  });

  it('stops columns at the end of their line, and an end before the start at the start', () => {
    const [wide, backwards] = placeDiagnostics(doc, [
      finding({ startColumn: 5, endColumn: 999 }),
      finding({ line: 2, endLine: 1, startColumn: 5, endColumn: 1 }),
    ]);
    expect(span(wide!)).toBe('echo hi');
    expect(backwards?.line).toBe(2);
    expect(backwards!.to).toBeGreaterThanOrEqual(backwards!.from);
  });

  it('works on an empty document', () => {
    const [placed] = placeDiagnostics(Text.empty, [finding({ line: 3 })]);
    expect(placed).toMatchObject({ from: 0, to: 0, line: 1 });
  });
});

describe('hasErrors', () => {
  it('is true only for errors, warnings do not block', () => {
    expect(hasErrors([{ severity: 'warning' }])).toBe(false);
    expect(hasErrors([{ severity: 'warning' }, { severity: 'error' }])).toBe(true);
  });
});

describe('the linter on whatever a student types, placed on the editor', () => {
  it('never throws, and every underline lies inside the document', () => {
    const word = fc.constantFrom(
      'FROM',
      'RUN',
      'COPY',
      'CMD',
      '<<EOF',
      'EOF',
      '\\',
      '["a"',
      '--from=x',
    );
    const line = fc.oneof(
      fc.tuple(word, fc.string({ maxLength: 20 })).map(([k, a]) => `${k} ${a}`),
      fc.string({ maxLength: 30 }),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
        const text = Text.of(lines.join('\n').split(/\r\n|\r|\n/));
        for (const d of placeDiagnostics(text, lintDockerfile(text.toString()))) {
          expect(d.from).toBeGreaterThanOrEqual(0);
          expect(d.to).toBeLessThanOrEqual(text.length);
          expect(d.from).toBeLessThanOrEqual(d.to);
        }
      }),
      { numRuns: 200 },
    );
  });
});
