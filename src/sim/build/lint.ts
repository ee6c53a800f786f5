/**
 * What the editor underlines as you type: the builder's own refusals (errors: the build does not
 * start while there is one) and the advice of dockerfile-utils, the VS Code Docker language
 * server's validator (warnings: the builder decides, the linter only advises). One diagnostic
 * per problem, with 1-based lines and 0-based columns; a linter failure never breaks the editor.
 * Pure.
 */
import { validate } from 'dockerfile-utils';
import './dockerfileAst';
import { normalizeLineBreaks, parseDockerfile, type DockerfileInstruction } from './dockerfile';

export interface DockerfileDiagnostic {
  /** 1-based first and last line. */
  readonly line: number;
  readonly endLine: number;
  /** 0-based columns on `line` and `endLine`. */
  readonly startColumn: number;
  readonly endColumn: number;
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly source: 'builder' | 'dockerfile-utils';
}

interface Span {
  readonly line: number;
  readonly endLine: number;
  readonly startColumn: number;
  readonly endColumn: number;
}

/** dockerfile-utils' findings, or none if it throws on an odd input. */
function linterFindings(source: string): (Span & { message: string })[] {
  try {
    return validate(source).map((d) => ({
      line: d.range.start.line + 1,
      endLine: d.range.end.line + 1,
      startColumn: d.range.start.character,
      endColumn: d.range.end.character,
      message: typeof d.message === 'string' ? d.message : d.message.value,
    }));
  } catch {
    return [];
  }
}

/** A whole line's text, less leading blanks: where a builder error without a column goes. */
function lineSpan(lines: readonly string[], line: number, endLine: number): Span {
  const first = lines[line - 1] ?? '';
  const last = lines[endLine - 1] ?? '';
  return {
    line,
    endLine,
    startColumn: first.length - first.trimStart().length,
    endColumn: Math.max(last.trimEnd().length, 0),
  };
}

/** COPY --from naming no earlier stage: the builder would go looking for an image instead. */
function stageWarnings(instructions: readonly DockerfileInstruction[]): DockerfileDiagnostic[] {
  const stages: string[] = [];
  const found: DockerfileDiagnostic[] = [];
  for (const i of instructions) {
    if (i.keyword === 'FROM') {
      stages.push((i.words[2] ?? String(stages.length)).toLowerCase());
      continue;
    }
    if (i.keyword !== 'COPY') continue;
    const from = i.flags.find((f) => f.name === 'from')?.value;
    if (!from || stages.includes(from.toLowerCase()) || /[/:.@]/.test(from)) continue;
    const index = /^\d+$/.test(from) ? Number(from) : null;
    if (index !== null && index < stages.length - 1) continue;
    found.push({
      line: i.line,
      endLine: i.line,
      startColumn: 0,
      endColumn: 0,
      severity: 'warning',
      message:
        index !== null
          ? `COPY --from=${from}: there is no stage ${from} before this line`
          : `COPY --from=${from}: no stage named "${from}" before this line, so the builder will look for an image called "${from}"`,
      source: 'builder',
    });
  }
  return found;
}

export function lintDockerfile(text: string): DockerfileDiagnostic[] {
  const source = normalizeLineBreaks(text);
  const lines = source.split('\n');
  const parsed = parseDockerfile(source);
  // The linter may end a range just past the last line (LSP's end-of-document position):
  // keep every span inside the file.
  const linter = linterFindings(source).map((d) =>
    d.endLine > lines.length
      ? { ...d, endLine: lines.length, endColumn: (lines.at(-1) ?? '').length }
      : d,
  );
  const errorLines = new Set<number>();
  const errors = parsed.errors.map((e): DockerfileDiagnostic => {
    errorLines.add(e.line);
    // The linter often knows the exact word (the unknown keyword, the bad port): use its span.
    const precise = linter.find((d) => d.line === e.line);
    return {
      ...(precise ?? lineSpan(lines, e.line, e.endLine)),
      severity: 'error',
      message: e.message,
      source: 'builder',
    };
  });
  const advice = linter
    .filter((d) => !errorLines.has(d.line))
    .map((d): DockerfileDiagnostic => ({ ...d, severity: 'warning', source: 'dockerfile-utils' }));
  const stageAdvice = stageWarnings(parsed.instructions).map((d) => ({
    ...d,
    ...lineSpan(lines, d.line, d.endLine),
  }));
  return [...errors, ...advice, ...stageAdvice].sort(
    (a, b) => a.line - b.line || a.startColumn - b.startColumn,
  );
}
