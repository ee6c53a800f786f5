/**
 * A Dockerfile as the builder reads it: instructions with their lines, flags and arguments
 * (exec form decoded from JSON), and the builder's own errors for what it rejects, worded as
 * moby/buildkit words them (`unknown instruction: FOO`, `COPY requires at least two
 * arguments, but only one was provided. Destination could not be determined`).
 *
 * Parsing is dockerfile-ast's; two of its known gaps are closed here (TOOLCHAIN.md): a line
 * ending in an escaped escape (`\\`) is not a continuation, and exec-form JSON is read from the
 * argument text itself, spaces inside strings kept. Pure and deterministic.
 */
import { parseAst } from './dockerfileParser';
import { scanHeredocs } from './heredoc';

export interface DockerfileFlag {
  readonly name: string;
  /** null for a flag given without `=value`. */
  readonly value: string | null;
}

export interface DockerfileInstruction {
  /** Upper case: `RUN`, `COPY`. */
  readonly keyword: string;
  /** As written (`run`), for messages about unknown instructions. */
  readonly written: string;
  /** First and last line, 1-based, as the builder reports them. */
  readonly line: number;
  readonly endLine: number;
  readonly flags: readonly DockerfileFlag[];
  /** The text after the keyword and flags (heredoc bodies included). */
  readonly text: string;
  /** Whitespace-separated words of `text`, quotes kept as written. */
  readonly words: readonly string[];
  /** The exec form (`["nginx", "-g", "daemon off;"]`), or null for the shell form. */
  readonly json: readonly string[] | null;
}

export interface DockerfileError {
  readonly line: number;
  readonly endLine: number;
  readonly message: string;
}

export interface ParsedDockerfile {
  readonly instructions: readonly DockerfileInstruction[];
  /** What the builder refuses; a build does not start while there is any. */
  readonly errors: readonly DockerfileError[];
  readonly escape: string;
}

/** Private-use stand-ins for an escaped escape at a line end (see below). */
const KEPT = '\uE000\uE001';

export const KNOWN_INSTRUCTIONS = [
  'ADD',
  'ARG',
  'CMD',
  'COPY',
  'ENTRYPOINT',
  'ENV',
  'EXPOSE',
  'FROM',
  'HEALTHCHECK',
  'LABEL',
  'MAINTAINER',
  'ONBUILD',
  'RUN',
  'SHELL',
  'STOPSIGNAL',
  'USER',
  'VOLUME',
  'WORKDIR',
] as const;

/** The flags each instruction takes (Dockerfile reference, current syntax). */
const FLAGS: Readonly<Record<string, readonly string[]>> = {
  FROM: ['platform'],
  RUN: ['mount', 'network', 'security'],
  COPY: ['from', 'chown', 'chmod', 'link', 'parents', 'exclude'],
  ADD: ['chown', 'chmod', 'link', 'checksum', 'keep-git-dir', 'exclude', 'unpack'],
  HEALTHCHECK: ['interval', 'timeout', 'start-period', 'start-interval', 'retries'],
};

const AT_LEAST_ONE = new Set(['ENV', 'EXPOSE', 'HEALTHCHECK', 'LABEL', 'ONBUILD', 'VOLUME', 'ARG']);
const EXACTLY_ONE = new Set(['MAINTAINER', 'STOPSIGNAL', 'USER', 'WORKDIR']);

/**
 * buildkit continues a line that ends in the escape character, unless that escape is itself
 * escaped (`C:\\` at a line end, docker/for-win#5254); dockerfile-ast continues both. Hide
 * such pairs from it, and give them back in the instruction text.
 */
function protectEscapedEscapes(text: string, escape: string): string {
  const e = escape.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
  return text.replace(new RegExp(`${e}${e}([ \\t]*)$`, 'gm'), `${KEPT}$1`);
}

function restore(text: string, escape: string): string {
  return text.split(KEPT).join(escape + escape);
}

/** The escape directive (`# escape=`` ` ``) before any instruction, as the builder reads it. */
function escapeOf(text: string): string {
  for (const line of text.split('\n')) {
    const m = /^\s*#\s*([a-zA-Z]+)\s*=\s*(\S+)\s*$/.exec(line);
    if (!m) break;
    if (m[1]?.toLowerCase() === 'escape' && (m[2] === '`' || m[2] === '\\')) return m[2];
  }
  return '\\';
}

/** Exec form: a JSON array of strings; anything else that looks like one is shell form. */
function execForm(text: string): { json: string[] | null; error?: string } {
  const trimmed = text.trim();
  if (!trimmed.startsWith('[')) return { json: null };
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    return { json: null };
  }
  if (!Array.isArray(value)) return { json: null };
  if (!value.every((v) => typeof v === 'string'))
    return {
      json: null,
      error: 'when using JSON array syntax, arrays must be comprised of strings only',
    };
  return { json: value as string[] };
}

function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

/** The builder's checks on one instruction, in buildkit's words; null when it is fine. */
function check(i: DockerfileInstruction): string | null {
  if (!(KNOWN_INSTRUCTIONS as readonly string[]).includes(i.keyword))
    return `unknown instruction: ${i.written}`;
  const allowed = FLAGS[i.keyword] ?? [];
  for (const flag of i.flags)
    if (!allowed.includes(flag.name)) return `unknown flag: --${flag.name}`;
  const n = i.json ? i.json.length : i.words.length;
  if (AT_LEAST_ONE.has(i.keyword) && n === 0) return `${i.keyword} requires at least one argument`;
  if (EXACTLY_ONE.has(i.keyword) && n !== 1) return `${i.keyword} requires exactly one argument`;
  if (i.keyword === 'FROM' && n !== 1 && !(n === 3 && i.words[1]?.toUpperCase() === 'AS'))
    return 'FROM requires either one or three arguments';
  if (i.keyword === 'COPY' || i.keyword === 'ADD') {
    if (n === 1)
      return `${i.keyword} requires at least two arguments, but only one was provided. Destination could not be determined`;
    if (n === 0) return `${i.keyword} requires at least two arguments`;
  }
  if (i.keyword === 'ENV' && i.words.length === 1 && !i.words[0]?.includes('='))
    return 'ENV must have two arguments';
  if (i.keyword === 'ONBUILD') {
    const trigger = i.words[0]?.toUpperCase();
    if (trigger === 'ONBUILD') return "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed";
    if (trigger === 'FROM' || trigger === 'MAINTAINER')
      return `${trigger} isn't allowed as an ONBUILD trigger`;
  }
  return null;
}

export function parseDockerfile(text: string): ParsedDockerfile {
  const source = normalizeLineBreaks(text);
  const escape = escapeOf(source);
  const heredocs = scanHeredocs(protectEscapedEscapes(source, escape), escape);
  const ast = parseAst(heredocs.source);
  const sourceLines = source.split(/\r?\n/);
  const instructions: DockerfileInstruction[] = [];
  const errors: DockerfileError[] = [];
  for (const node of ast.getInstructions()) {
    const range = node.getRange();
    const withFlags = node as unknown as {
      getFlags?: () => { getName(): string; getValue(): string | null; toString(): string }[];
    };
    let text = restore(heredocs.restore(node.getArgumentsContent() ?? ''), escape);
    let flags: DockerfileFlag[];
    if (withFlags.getFlags) {
      flags = withFlags
        .getFlags()
        .filter((f) => f.toString() !== '--')
        .map((f) => ({ name: f.getName(), value: f.getValue() }));
    } else {
      // buildkit reads leading `--name[=value]` words as flags on every instruction.
      flags = [];
      let m: RegExpExecArray | null;
      while ((m = /^\s*--([a-zA-Z][\w-]*)(?:=(\S*))?(?:\s+|$)/.exec(text))) {
        flags.push({ name: m[1] ?? '', value: m[2] ?? null });
        text = text.slice(m[0].length);
      }
    }
    // A continuation into blank lines at the end of the file ends where the text does.
    let end = range.end.line;
    while (end > range.start.line && (sourceLines[end] ?? '').trim() === '') end--;
    const form = execForm(text);
    const instruction: DockerfileInstruction = {
      keyword: node.getKeyword().toUpperCase(),
      written: node.getInstruction(),
      line: range.start.line + 1,
      endLine: end + 1,
      flags,
      text,
      words: words(text),
      json: form.json,
    };
    instructions.push(instruction);
    const problem = form.error ?? check(instruction);
    if (problem)
      errors.push({ line: instruction.line, endLine: instruction.endLine, message: problem });
  }
  errors.push(...heredocs.errors);
  if (instructions.length === 0)
    errors.push({ line: 1, endLine: 1, message: 'file with no instructions' });
  else {
    const first = instructions.find((i) => i.keyword !== 'ARG');
    if (!first || first.keyword !== 'FROM') {
      const at = first ?? instructions[0];
      if (at && !errors.some((e) => e.line === at.line))
        errors.push({
          line: at.line,
          endLine: at.endLine,
          message: 'no build stage in current context',
        });
    }
  }
  errors.sort((a, b) => a.line - b.line);
  return { instructions, errors, escape };
}

/**
 * Line breaks as one `\n`. dockerfile-ast (and the editor) also break lines at a lone `\r`,
 * so counting lines any other way would put errors on the wrong line.
 */
export function normalizeLineBreaks(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** How `docker build` (the classic builder) reports the first error. */
export function parseErrorMessage(error: DockerfileError): string {
  return `dockerfile parse error on line ${error.line}: ${error.message}`;
}
