/**
 * The part of Go's text/template that `--format` is used with in docker: fields
 * (`{{.Names}}`, `{{.State.Status}}`), variables, `range`, `if`/`else`, `with`, pipelines, and
 * docker's template functions (`json`, `upper`, `lower`, `title`, `join`, `split`, `index`,
 * `len`, `println`, `printf`, `truncate`, `pad`, plus `eq`, `ne`, `not`, `and`, `or`).
 * Errors read like Go's (`template: :1: function "foo" not defined`); a value that is not there
 * prints `<no value>`, as it does for the JSON maps behind `docker inspect`.
 */

import { callFunc, goString, lookup, NO_VALUE, TemplateError, truthy } from './goTemplateFuncs';
import { parseNodes, split, type Node, type Operand, type Pipe } from './goTemplateParse';

export { goJson, goString, TemplateError } from './goTemplateFuncs';

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
