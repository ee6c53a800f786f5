/**
 * The part of Go's text/template that `--format` is used with in docker: fields
 * (`{{.Names}}`, `{{.State.Status}}`), variables, `range`, `if`/`else`, `with`, pipelines, and
 * docker's template functions (`json`, `upper`, `lower`, `title`, `join`, `split`, `index`,
 * `len`, `println`, `printf`, `truncate`, `pad`, plus `eq`, `ne`, `not`, `and`, `or`).
 * Errors read like Go's (`template: :1: function "foo" not defined`); a value that is not there
 * prints `<no value>`, as it does for the JSON maps behind `docker inspect`.
 */

export class TemplateError extends Error {}

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'action'; pipe: Pipe }
  | { kind: 'if'; pipe: Pipe; then: Node[]; else: Node[] }
  | { kind: 'range'; pipe: Pipe; vars: string[]; body: Node[]; else: Node[] }
  | { kind: 'with'; pipe: Pipe; body: Node[]; else: Node[] };

type Operand =
  | { kind: 'field'; root: string | null; path: string[] }
  | { kind: 'literal'; value: unknown }
  | { kind: 'func'; name: string }
  | { kind: 'pipe'; pipe: Pipe; path: string[] };

interface Cmd {
  readonly operands: Operand[];
}

interface Pipe {
  readonly decl: string[];
  readonly cmds: Cmd[];
}

const FUNCS = new Set([
  'json',
  'upper',
  'lower',
  'title',
  'join',
  'split',
  'index',
  'len',
  'println',
  'print',
  'printf',
  'truncate',
  'pad',
  'eq',
  'ne',
  'not',
  'and',
  'or',
  'lt',
  'le',
  'gt',
  'ge',
]);

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

function split(template: string): ({ text: string } | { action: string })[] {
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

function parseNodes(
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

// ---- evaluation ---------------------------------------------------------------------------

const NO_VALUE = Symbol('no value');

function lookup(value: unknown, path: readonly string[]): unknown {
  let v: unknown = value;
  for (const key of path) {
    if (key === '') continue;
    if (v === null || typeof v !== 'object' || !(key in v)) return NO_VALUE;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/** Go's %v formatting of decoded JSON values. */
export function goString(v: unknown): string {
  if (v === NO_VALUE) return '<no value>';
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(goString).join(' ')}]`;
  const entries = Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
  return `map[${entries.map(([k, x]) => `${k}:${goString(x)}`).join(' ')}]`;
}

/** Go's json.Marshal: compact, with <, > and & escaped. */
export function goJson(v: unknown): string {
  return (JSON.stringify(v === NO_VALUE ? null : v) ?? 'null')
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026');
}

function truthy(v: unknown): boolean {
  if (v === NO_VALUE || v === null || v === undefined || v === false || v === 0 || v === '')
    return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v as object).length > 0;
  return true;
}

function printf(format: string, args: unknown[]): string {
  let i = 0;
  return format.replace(
    /%([-+ #0]*\d*(?:\.\d+)?)?([svdqt%])/g,
    (_m, _flags: string | undefined, verb: string) => {
      if (verb === '%') return '%';
      const a = args[i++];
      if (verb === 'q') return JSON.stringify(goString(a));
      return goString(a);
    },
  );
}

function callFunc(name: string, args: unknown[]): unknown {
  const s = (i: number): string => goString(args[i]);
  switch (name) {
    case 'json':
      return goJson(args[0]);
    case 'upper':
      return s(0).toUpperCase();
    case 'lower':
      return s(0).toLowerCase();
    case 'title':
      return s(0).replace(/\b\w/g, (c) => c.toUpperCase());
    case 'join':
      return Array.isArray(args[0]) ? args[0].map(goString).join(s(1)) : s(0);
    case 'split':
      return s(0).split(s(1));
    case 'index': {
      let v = args[0];
      for (const key of args.slice(1)) v = lookup(v, [String(key)]);
      return v === NO_VALUE ? null : v;
    }
    case 'len':
      return Array.isArray(args[0])
        ? args[0].length
        : typeof args[0] === 'string'
          ? args[0].length
          : args[0] && typeof args[0] === 'object'
            ? Object.keys(args[0]).length
            : 0;
    case 'println':
      return `${args.map(goString).join(' ')}\n`;
    case 'print':
      return args.map(goString).join('');
    case 'printf':
      return printf(s(0), args.slice(1));
    case 'truncate':
      return [...s(0)].slice(0, Number(args[1])).join('');
    case 'pad':
      return `${' '.repeat(Number(args[1]))}${s(0)}${' '.repeat(Number(args[2]))}`;
    case 'eq':
      return args.slice(1).some((a) => a === args[0]);
    case 'ne':
      return args[0] !== args[1];
    case 'lt':
      return Number(args[0]) < Number(args[1]);
    case 'le':
      return Number(args[0]) <= Number(args[1]);
    case 'gt':
      return Number(args[0]) > Number(args[1]);
    case 'ge':
      return Number(args[0]) >= Number(args[1]);
    case 'not':
      return !truthy(args[0]);
    case 'and':
      return args.find((a) => !truthy(a)) ?? args.at(-1);
    case 'or':
      return args.find((a) => truthy(a)) ?? args.at(-1);
    default:
      throw new TemplateError(`function "${name}" not defined`);
  }
}

type Scope = Map<string, unknown>;

function evalOperand(op: Operand, dot: unknown, scope: Scope): unknown {
  switch (op.kind) {
    case 'literal':
      return op.value;
    case 'field': {
      const base = op.root === null ? dot : scope.has(op.root) ? scope.get(op.root) : undefined;
      if (op.root !== null && !scope.has(op.root))
        throw new TemplateError(`undefined variable "${op.root}"`);
      return lookup(base, op.path);
    }
    case 'pipe':
      return lookup(evalPipe(op.pipe, dot, scope), op.path);
    case 'func':
      return callFunc(op.name, []);
  }
}

function evalPipe(pipe: Pipe, dot: unknown, scope: Scope): unknown {
  let last: unknown = NO_VALUE;
  pipe.cmds.forEach((cmd, n) => {
    const [head, ...rest] = cmd.operands;
    if (!head) return;
    if (head.kind === 'func') {
      const args = rest.map((o) => evalOperand(o, dot, scope));
      if (n > 0) args.push(last);
      last = callFunc(head.name, args);
    } else {
      if (rest.length > 0) throw new TemplateError(`can't give argument to non-function`);
      last = evalOperand(head, dot, scope);
    }
  });
  const [name] = pipe.decl;
  if (name && pipe.decl.length === 1) scope.set(name, last);
  return last;
}

function run(nodes: readonly Node[], dot: unknown, scope: Scope, out: string[]): void {
  for (const node of nodes) {
    switch (node.kind) {
      case 'text':
        out.push(node.text);
        break;
      case 'action': {
        const v = evalPipe(node.pipe, dot, scope);
        if (node.pipe.decl.length === 0) out.push(goString(v));
        break;
      }
      case 'if':
        run(truthy(evalPipe(node.pipe, dot, scope)) ? node.then : node.else, dot, scope, out);
        break;
      case 'with': {
        const v = evalPipe(node.pipe, dot, scope);
        if (truthy(v)) run(node.body, v, scope, out);
        else run(node.else, dot, scope, out);
        break;
      }
      case 'range': {
        const v = evalPipe({ decl: [], cmds: node.pipe.cmds }, dot, scope);
        const items: [unknown, unknown][] = Array.isArray(v)
          ? v.map((x, i) => [i, x])
          : v && typeof v === 'object'
            ? Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1))
            : [];
        if (items.length === 0) run(node.else, dot, scope, out);
        for (const [key, item] of items) {
          const inner = new Map(scope);
          if (node.vars.length === 1 && node.vars[0]) inner.set(node.vars[0], item);
          if (node.vars.length === 2 && node.vars[0] && node.vars[1]) {
            inner.set(node.vars[0], key);
            inner.set(node.vars[1], item);
          }
          run(node.body, item, inner, out);
        }
        break;
      }
    }
  }
}

export interface Template {
  execute(data: unknown): string;
}

/** Parses a template; throws TemplateError with Go's wording (prefix `template: :1: `). */
export function parseTemplate(source: string): Template {
  let nodes: Node[];
  try {
    nodes = parseNodes(split(source), { i: 0 }, ['__top__']).nodes;
  } catch (e) {
    if (e instanceof TemplateError) throw new TemplateError(`template: :1: ${e.message}`);
    throw e;
  }
  return {
    execute(data) {
      const out: string[] = [];
      try {
        run(nodes, data, new Map([['$', data]]), out);
      } catch (e) {
        if (e instanceof TemplateError) throw new TemplateError(`template: :1: ${e.message}`);
        throw e;
      }
      return out.join('');
    },
  };
}
