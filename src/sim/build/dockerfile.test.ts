/**
 * Conformance with Docker's own builder (moby/buildkit's parser test files, Apache-2.0, kept
 * unchanged in conformance/buildkit with their LICENSE; see conformance/README.md): every positive file parses into buildkit's instruction
 * sequence and line spans; every negative one is refused, with buildkit's message where its
 * tests give one. Then random and mutated Dockerfiles: never a crash, always instructions or
 * errors.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDockerfile } from './dockerfile';

const ROOT = path.resolve(__dirname, '../../../conformance/buildkit');
const read = (...parts: string[]) => readFileSync(path.join(ROOT, ...parts), 'utf8');
const cases = (dir: string) => readdirSync(path.join(ROOT, dir)).sort();

/** The keyword of each line of buildkit's `result` dump: `(copy ["--from=x"] "a" "b")` -> COPY. */
function resultKeywords(result: string): string[] {
  return result
    .split('\n')
    .filter((l) => l.startsWith('('))
    .map((l) => (/^\((\w+)/.exec(l)?.[1] ?? '').toUpperCase());
}

describe('buildkit testfiles: accepted, same instructions', () => {
  for (const name of cases('testfiles')) {
    it(name, () => {
      const parsed = parseDockerfile(read('testfiles', name, 'Dockerfile'));
      expect(parsed.instructions.map((i) => i.keyword)).toEqual(
        resultKeywords(read('testfiles', name, 'result')),
      );
      const lines = path.join(ROOT, 'extras', 'testfiles-lines', `${name}.lines`);
      if (existsSync(lines)) {
        const expected = readFileSync(lines, 'utf8')
          .trim()
          .split('\n')
          .map((l) => l.split(' ').slice(0, 2).map(Number));
        expect(parsed.instructions.map((i) => [i.line, i.endLine])).toEqual(expected);
      }
    });
  }
});

// dockerfile-ast alone misses `RUN 3<<EOF` and quoted delimiters (TOOLCHAIN.md); heredoc.ts
// closes that gap.
describe("buildkit's heredoc cases: the same instruction sequence", () => {
  for (const name of ['heredoc-parser-test', 'heredoc-json-not-heredoc']) {
    it(name, () => {
      const expected = read('extras', name, 'expected-keywords').trim().split('\n');
      const parsed = parseDockerfile(read('extras', name, 'Dockerfile'));
      expect(parsed.instructions.map((i) => i.keyword.toLowerCase())).toEqual(expected);
    });
  }
});

describe('buildkit testfiles-negative: refused', () => {
  for (const name of cases('testfiles-negative')) {
    it(name, () => {
      expect(parseDockerfile(read('testfiles-negative', name, 'Dockerfile')).errors).not.toEqual(
        [],
      );
    });
  }
});

describe("buildkit's instruction errors, in buildkit's words", () => {
  for (const name of cases(path.join('extras', 'instructions-negative'))) {
    it(name, () => {
      const dir = path.join('extras', 'instructions-negative', name);
      const { errors } = parseDockerfile(`FROM scratch\n${read(dir, 'Dockerfile')}`);
      expect(errors[0]?.message).toBe(read(dir, 'expected-error').trim());
      expect(errors[0]?.line).toBe(2);
    });
  }
});

describe('exec form and the builder rules that matter to students', () => {
  it('keeps spaces inside JSON strings', () => {
    const [, cmd] = parseDockerfile(
      'FROM nginx\nCMD ["nginx", "-g", "daemon off;"]\n',
    ).instructions;
    expect(cmd?.json).toEqual(['nginx', '-g', 'daemon off;']);
  });

  it('an instruction before FROM (other than ARG) has no stage to go to', () => {
    expect(parseDockerfile('ARG V=1\nFROM alpine:$V\nRUN true\n').errors).toEqual([]);
    expect(parseDockerfile('RUN true\nFROM alpine\n').errors).toEqual([
      { line: 1, endLine: 1, message: 'no build stage in current context' },
    ]);
  });

  it('a heredoc that never ends is refused at its instruction, as buildkit does', () => {
    const parsed = parseDockerfile('FROM alpine\nRUN <<EOF\necho hi\n');
    expect(parsed.errors).toEqual([{ line: 2, endLine: 3, message: 'unterminated heredoc' }]);
  });

  it('heredoc bodies and quoted delimiters come back as written', () => {
    const [, run, copy] = parseDockerfile(
      "FROM alpine\nRUN 3<<'one two'\necho $HOME\none two\nCOPY <<-EOF /greeting\n\thello\n\tEOF\n",
    ).instructions;
    expect(run?.text).toBe("3<<'one two'\necho $HOME\none two");
    expect([run?.line, run?.endLine]).toEqual([2, 4]);
    expect(copy?.text).toBe('<<-EOF /greeting\n\thello\n\tEOF');
  });

  it("a heredoc word with an open quote is refused in the shell lexer's words", () => {
    expect(parseDockerfile("FROM alpine\nRUN <<'EOF\nEOF\n").errors[0]?.message).toBe(
      'unexpected end of statement while looking for matching single-quote',
    );
  });

  it('flags: known ones pass, unknown ones are named', () => {
    const ok = parseDockerfile('FROM alpine AS build\nFROM nginx\nCOPY --from=build /a /b\n');
    expect(ok.errors).toEqual([]);
    expect(ok.instructions[2]?.flags).toEqual([{ name: 'from', value: 'build' }]);
    expect(parseDockerfile('FROM alpine\nCOPY --bogus=1 a b\n').errors[0]?.message).toBe(
      'unknown flag: --bogus',
    );
  });
});

const INSTRUCTIONS = [
  'FROM',
  'RUN',
  'COPY',
  'ADD',
  'CMD',
  'ENV',
  'ARG',
  'WORKDIR',
  'EXPOSE',
  'LABEL',
  'USER',
  'ONBUILD',
  'HEALTHCHECK',
  'FOO',
  'run',
];
const line = fc.oneof(
  fc
    .tuple(fc.constantFrom(...INSTRUCTIONS), fc.string({ maxLength: 30 }))
    .map(([k, a]) => `${k} ${a}`),
  fc.string({ maxLength: 40 }),
  fc.constantFrom('\\', '# escape=`', '["a", "b"]', '<<EOF', 'EOF', '--from=x', '# comment', ''),
);

describe('random and mutated Dockerfiles', () => {
  it('never crash; each gives instructions without errors, or errors with a line', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), (lines) => {
        const parsed = parseDockerfile(lines.join('\n'));
        for (const e of parsed.errors) {
          expect(e.line).toBeGreaterThanOrEqual(1);
          expect(e.message).not.toBe('');
        }
        if (parsed.errors.length === 0) expect(parsed.instructions.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it('a very large Dockerfile parses', () => {
    const big = `FROM alpine\n${'RUN echo layer\n'.repeat(20_000)}`;
    const parsed = parseDockerfile(big);
    expect(parsed.instructions).toHaveLength(20_001);
    expect(parsed.errors).toEqual([]);
  });
});
