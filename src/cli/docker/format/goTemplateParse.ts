/**
 * Parsing for the Go text/template subset of ./goTemplate.ts: actions split from text,
 * tokenised into pipelines of commands, and nested into if/range/with blocks. Errors are
 * TemplateError with Go's wording, without the `template: :1: ` prefix the caller adds.
 */
import { FUNCS, TemplateError } from './goTemplateFuncs';

export type Node =
  | { kind: 'text'; text: string }
  | { kind: 'action'; pipe: Pipe }
  | { kind: 'if'; pipe: Pipe; then: Node[]; else: Node[] }
  | { kind: 'range'; pipe: Pipe; vars: string[]; body: Node[]; else: Node[] }
  | { kind: 'with'; pipe: Pipe; body: Node[]; else: Node[] };

export type Operand =
  | { kind: 'field'; root: string | null; path: string[] }
  | { kind: 'literal'; value: unknown }
  | { kind: 'func'; name: string }
  | { kind: 'pipe'; pipe: Pipe; path: string[] };

interface Cmd {
  readonly operands: Operand[];
}

export interface Pipe {
  readonly decl: string[];
  readonly cmds: Cmd[];
}

// ---- lexing actions -----------------------------------------------------------------------

function tokenize(action: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < action.length) {
    const c = action[i] ?? '';
    if (/\s/.test(c)) {
      i++;
    } else if (c === '"' || c === '`') {
      let j = i + 1;
      while (j < action.length && action[j] !== c) j += c === '"' && action[j] === '\\' ? 2 : 1;
      if (j >= action.length) throw new TemplateError('unterminated quoted string');
      tokens.push(action.slice(i, j + 1));
      i = j + 1;
    } else if (c === '(' || c === ')' || c === '|' || c === ',') {
      tokens.push(c);
      i++;
    } else if (action.startsWith(':=', i)) {
      tokens.push(':=');
      i += 2;
    } else {
      let j = i;
      while (
        j < action.length &&
        !/[\s()|,"`]/.test(action[j] ?? '') &&
        !action.startsWith(':=', j)
      )
        j++;
      tokens.push(action.slice(i, j));
      i = j;
    }
  }
  return tokens;
}

function parseOperand(tokens: string[], pos: { i: number }): Operand {
  const t = tokens[pos.i++] ?? '';
  if (t === '(') {
    const pipe = parsePipe(tokens, pos, ')');
    if (tokens[pos.i++] !== ')') throw new TemplateError('unclosed left paren');
    const next = tokens[pos.i];
    const path = next?.startsWith('.') ? (pos.i++, next.slice(1).split('.')) : [];
    return { kind: 'pipe', pipe, path };
  }
  if (t.startsWith('"')) return { kind: 'literal', value: JSON.parse(t) as string };
  if (t.startsWith('`')) return { kind: 'literal', value: t.slice(1, -1) };
  if (/^-?\d+(\.\d+)?$/.test(t)) return { kind: 'literal', value: Number(t) };
  if (t === 'true' || t === 'false') return { kind: 'literal', value: t === 'true' };
  if (t === 'nil') return { kind: 'literal', value: null };
  if (t === '.') return { kind: 'field', root: null, path: [] };
  if (t.startsWith('.')) return { kind: 'field', root: null, path: t.slice(1).split('.') };
  if (t.startsWith('$')) {
    const [root = '$', ...path] = t.split('.');
    return { kind: 'field', root, path };
  }
  if (/^[A-Za-z_]\w*$/.test(t)) {
    if (!FUNCS.has(t)) throw new TemplateError(`function "${t}" not defined`);
    return { kind: 'func', name: t };
  }
  throw new TemplateError(`unexpected "${t}" in command`);
}

function parsePipe(tokens: string[], pos: { i: number }, stop?: string): Pipe {
  const decl: string[] = [];
  // `$v := ...` and `$k, $v := ...` (range)
  const assign = tokens.indexOf(':=', pos.i);
  if (assign !== -1 && tokens.slice(pos.i, assign).every((t) => t.startsWith('$') || t === ',')) {
    for (const t of tokens.slice(pos.i, assign)) if (t !== ',') decl.push(t);
    pos.i = assign + 1;
  }
  const cmds: Cmd[] = [];
  let operands: Operand[] = [];
  while (pos.i < tokens.length && tokens[pos.i] !== stop) {
    if (tokens[pos.i] === '|') {
      if (operands.length === 0) throw new TemplateError('missing command');
      cmds.push({ operands });
      operands = [];
      pos.i++;
      continue;
    }
    operands.push(parseOperand(tokens, pos));
  }
  if (operands.length === 0) throw new TemplateError('missing value for command');
  cmds.push({ operands });
  return { decl, cmds };
}

// ---- parsing the template -----------------------------------------------------------------

export function split(template: string): ({ text: string } | { action: string })[] {
  const parts: ({ text: string } | { action: string })[] = [];
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{{', i);
    if (open === -1) {
      parts.push({ text: template.slice(i) });
      break;
    }
    let text = template.slice(i, open);
    const close = template.indexOf('}}', open + 2);
    if (close === -1) throw new TemplateError('unclosed action');
    let action = template.slice(open + 2, close);
    if (action.startsWith('- ')) {
      text = text.trimEnd();
      action = action.slice(1);
    }
    let next = close + 2;
    if (action.endsWith(' -')) {
      action = action.slice(0, -1);
      const rest = template.slice(next);
      next += rest.length - rest.trimStart().length;
    }
    if (text) parts.push({ text });
    parts.push({ action: action.trim() });
    i = next;
  }
  return parts;
}

export function parseNodes(
  parts: ReturnType<typeof split>,
  pos: { i: number },
  ends: readonly string[],
): { nodes: Node[]; end: string } {
  const nodes: Node[] = [];
  while (pos.i < parts.length) {
    const part = parts[pos.i++];
    if (!part) break;
    if ('text' in part) {
      nodes.push({ kind: 'text', text: part.text });
      continue;
    }
    const a = part.action;
    if (a.startsWith('/*')) continue;
    const word = a.split(/\s+/)[0] ?? '';
    if (ends.includes(word)) return { nodes, end: a };
    if (word === 'if' || word === 'range' || word === 'with') {
      nodes.push(parseBlock(parts, pos, word, a.slice(word.length)));
      continue;
    }
    if (word === 'end' || word === 'else') throw new TemplateError(`unexpected {{${word}}}`);
    nodes.push({ kind: 'action', pipe: parsePipe(tokenize(a), { i: 0 }) });
  }
  if (!ends.includes('__top__')) throw new TemplateError('unexpected EOF');
  return { nodes, end: '' };
}

/** A block after its opening action; `else if` nests an `if` that shares the closing `end`. */
function parseBlock(
  parts: ReturnType<typeof split>,
  pos: { i: number },
  word: 'if' | 'range' | 'with',
  rest: string,
): Node {
  const pipe = parsePipe(tokenize(rest), { i: 0 });
  const body = parseNodes(parts, pos, ['end', 'else']);
  let elseNodes: Node[] = [];
  if (body.end.startsWith('else')) {
    const tail = body.end.slice(4).trim();
    if (tail.startsWith('if ') && word === 'if')
      elseNodes = [parseBlock(parts, pos, 'if', tail.slice(2))];
    else if (tail !== '') throw new TemplateError(`unexpected "${tail}" in else`);
    else elseNodes = parseNodes(parts, pos, ['end']).nodes;
  }
  if (word === 'if') return { kind: 'if', pipe, then: body.nodes, else: elseNodes };
  if (word === 'with') return { kind: 'with', pipe, body: body.nodes, else: elseNodes };
  return { kind: 'range', pipe, vars: pipe.decl, body: body.nodes, else: elseNodes };
}
