/**
 * A typed line as bash would split it, for the commands this shell runs: words with quotes
 * and escapes (by shell-quote, a maintained parser), `;`, `&&` and `||` chains, `|` pipes,
 * `>` and `>>` to a file, `$VAR`, and `$(command)` substitution. What shell-quote lets through
 * silently but bash refuses (an unclosed quote, a dangling operator) is caught here, with
 * bash's own words.
 */
import { parse as shellParse, type ParseEntry } from 'shell-quote';

export type Word = string | { readonly substitute: Line };

export interface SimpleCommand {
  readonly words: readonly Word[];
  readonly redirect?: { readonly append: boolean; readonly path: string };
}

/** Commands joined by pipes. */
export type Pipeline = readonly SimpleCommand[];

export interface ChainLink {
  /** How this pipeline is joined to the one before it (`;` for the first). */
  readonly op: ';' | '&&' | '||';
  readonly pipeline: Pipeline;
}

export type Line = readonly ChainLink[];

export type Parsed = { ok: true; line: Line } | { ok: false; error: string };

/** bash's complaint about an unclosed quote, or null when quotes balance. */
export function unclosedQuote(text: string): string | null {
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote === "'") {
      if (c === "'") quote = null;
    } else if (c === '\\') i++;
    else if (quote === '"') {
      if (c === '"') quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1] ?? ''))) return null;
  }
  return quote ? `unexpected EOF while looking for matching \`${quote}'` : null;
}

type Token = ParseEntry;

function isOp(t: unknown, op?: string): t is { op: string } {
  return typeof t === 'object' && t !== null && 'op' in t && (op === undefined || t.op === op);
}

/** Environment lookups: `$(` must survive as an operator so substitution can be seen. */
function lookup(env: Readonly<Record<string, string>>) {
  // shell-quote asks for the empty name at a bare `$`; keeping the `$` lets `$(` be seen.
  return (key: string): string => (key === '' ? '$' : (env[key] ?? ''));
}

function syntaxError(near: string): Parsed {
  return { ok: false, error: `syntax error near unexpected token \`${near}'` };
}

export function parseLine(text: string, env: Readonly<Record<string, string>>): Parsed {
  const quote = unclosedQuote(text);
  if (quote) return { ok: false, error: quote };
  let tokens: Token[];
  try {
    tokens = shellParse(text, lookup(env));
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  const pos = { i: 0 };
  const line = readLine(tokens, pos, null);
  if (!line.ok) return line;
  if (pos.i < tokens.length) {
    const t = tokens[pos.i];
    return syntaxError(isOp(t) ? t.op : String(t));
  }
  return line;
}

function readLine(tokens: Token[], pos: { i: number }, until: string | null): Parsed {
  const links: ChainLink[] = [];
  let op: ChainLink['op'] = ';';
  let pipeline: SimpleCommand[] = [];
  let words: Word[] = [];
  let redirect: SimpleCommand['redirect'];
  const endCommand = (near: string): Parsed | null => {
    if (words.length === 0) return syntaxError(near);
    pipeline.push({ words, ...(redirect ? { redirect } : {}) });
    words = [];
    redirect = undefined;
    return null;
  };
  while (pos.i < tokens.length) {
    const t = tokens[pos.i];
    if (isOp(t, until ?? undefined) && until !== null) break;
    pos.i++;
    if (t === undefined) break;
    if (typeof t === 'string') {
      // `$` followed by `(`: command substitution, `$(pidof dockerd)`.
      if (t === '$' && isOp(tokens[pos.i], '(')) {
        pos.i++;
        const inner = readLine(tokens, pos, ')');
        if (!inner.ok) return inner;
        if (!isOp(tokens[pos.i], ')'))
          return { ok: false, error: "unexpected EOF while looking for matching `)'" };
        pos.i++;
        words.push({ substitute: inner.line });
        continue;
      }
      words.push(t);
      continue;
    }
    if ('comment' in t) break;
    if ('pattern' in t) {
      words.push(t.pattern);
      continue;
    }
    if (!isOp(t)) continue;
    switch (t.op) {
      case '>':
      case '>>': {
        const target = tokens[pos.i++];
        if (typeof target !== 'string') return syntaxError(isOp(target) ? t.op : 'newline');
        redirect = { append: t.op === '>>', path: target };
        break;
      }
      case '|': {
        const problem = endCommand('|');
        if (problem) return problem;
        break;
      }
      case ';':
      case '&&':
      case '||': {
        if (words.length === 0 && pipeline.length === 0) return syntaxError(t.op);
        const problem = endCommand(t.op);
        if (problem) return problem;
        links.push({ op, pipeline });
        pipeline = [];
        op = t.op;
        break;
      }
      default:
        return {
          ok: false,
          error: `\`${t.op}' is not supported by this simulated shell (it runs words, ;, &&, ||, |, > and $(...))`,
        };
    }
  }
  if (words.length > 0 || redirect) {
    const problem = endCommand('newline');
    if (problem) return problem;
  } else if (pipeline.length > 0) return syntaxError('newline');
  if (pipeline.length > 0) links.push({ op, pipeline });
  else if (op !== ';') return syntaxError('newline');
  return { ok: true, line: links };
}
