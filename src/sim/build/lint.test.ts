/**
 * The editor's diagnostics: the builder's refusals as errors at the right line and word, the
 * linter's advice as warnings, and never a crash on any input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintDockerfile } from './lint';

describe('lintDockerfile', () => {
  it('a clean Dockerfile has nothing to say', () => {
    expect(
      lintDockerfile('FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nCMD ["node", "app.js"]\n'),
    ).toEqual([]);
  });

  it("an unknown instruction is the builder's error, underlined on the keyword", () => {
    expect(lintDockerfile('FROM alpine\nRUNN echo hi\n')).toEqual([
      {
        line: 2,
        endLine: 2,
        startColumn: 0,
        endColumn: 4,
        severity: 'error',
        message: 'unknown instruction: RUNN',
        source: 'builder',
      },
    ]);
  });

  it('a missing FROM and a never-ending heredoc are errors at their lines', () => {
    const missing = lintDockerfile('RUN echo hi\n');
    expect(missing.map((d) => [d.line, d.severity, d.message])).toContainEqual([
      1,
      'error',
      'no build stage in current context',
    ]);
    const heredoc = lintDockerfile('FROM alpine\nRUN <<EOF\necho hi\n');
    expect(heredoc.filter((d) => d.severity === 'error').map((d) => [d.line, d.message])).toEqual([
      [2, 'unterminated heredoc'],
    ]);
  });

  it("the linter's advice is a warning and does not block the build", () => {
    const found = lintDockerfile('FROM alpine\nMAINTAINER me\nCMD a\nCMD b\n');
    expect(found.every((d) => d.severity === 'warning')).toBe(true);
    expect(found.map((d) => d.message)).toContain('MAINTAINER has been deprecated');
  });

  it('COPY --from naming no earlier stage is flagged with what the builder will do instead', () => {
    const found = lintDockerfile(
      'FROM node:20-alpine AS build\nRUN true\nFROM nginx\nCOPY --from=biuld /app /usr/share/nginx/html\nCOPY --from=build /app /x\n',
    );
    expect(found.map((d) => [d.line, d.message])).toEqual([
      [
        4,
        'COPY --from=biuld: no stage named "biuld" before this line, so the builder will look for an image called "biuld"',
      ],
    ]);
  });

  it('counts lines as the editor does: a lone CR ends a line too', () => {
    const found = lintDockerfile('FROM alpine\rRUN <<EOF\r\necho hi\r');
    expect(found.map((d) => [d.line, d.endLine, d.message])).toContainEqual([
      2,
      3,
      'unterminated heredoc',
    ]);
  });

  it("keeps the linter's spans inside the file (an empty continuation at the very end)", () => {
    for (const d of lintDockerfile('FROM \\\n')) expect(d.endLine).toBeLessThanOrEqual(2);
  });

  it('never throws, and every diagnostic points inside the file', () => {
    const word = fc.constantFrom('FROM', 'RUN', 'COPY', 'CMD', 'ENV', 'EXPOSE', '<<EOF', 'EOF');
    const line = fc.oneof(
      fc.tuple(word, fc.string({ maxLength: 20 })).map(([k, a]) => `${k} ${a}`),
      fc.string({ maxLength: 30 }),
      fc.constantFrom('\r', 'RUN <<EOF\rx\r', 'FROM a\r\nRUNN b'),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 25 }), (lines) => {
        const source = lines.join('\n');
        // Lines as the editor counts them: \n, \r\n and a lone \r each end one.
        const count = source.split(/\r\n|\r|\n/).length;
        for (const d of lintDockerfile(source)) {
          expect(d.line).toBeGreaterThanOrEqual(1);
          expect(d.endLine).toBeLessThanOrEqual(Math.max(count, 1));
          expect(d.message).not.toBe('');
        }
      }),
      { numRuns: 300 },
    );
  });
});
