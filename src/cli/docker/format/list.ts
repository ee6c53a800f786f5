/**
 * `--format` for list commands, as docker's formatter does it: `table` (the default, with
 * headers, through tabwriter), `table TEMPLATE`, `json` (one JSON object per row), or a bare
 * Go template per row. `\t` and `\n` typed literally in the format become tabs and newlines.
 */
import { parseTemplate, TemplateError } from './goTemplate';
import { tabwrite } from '../../tabwriter';

/** docker's tables: `tabwriter.NewWriter(out, 10, 1, 3, ' ', 0)`. */
const TABLE = { minwidth: 10, padding: 3 } as const;

export interface ListFormat {
  /** The default table, e.g. `table {{.ID}}\t{{.Names}}`. */
  readonly table: string;
  /** Header text per field, e.g. `{ID: 'CONTAINER ID'}`. */
  readonly headers: Readonly<Record<string, string>>;
}

export type Rendered = { ok: true; text: string } | { ok: false; error: string };

export function renderList(
  rows: readonly Readonly<Record<string, unknown>>[],
  format: string | undefined,
  spec: ListFormat,
): Rendered {
  const chosen = format === undefined || format === '' || format === 'table' ? spec.table : format;
  const source = chosen.replace(/\\t/g, '\t').replace(/\\n/g, '\n');
  if (source === 'json')
    return { ok: true, text: rows.map((r) => `${JSON.stringify(r)}\n`).join('') };
  const table = source.startsWith('table');
  const body = table ? source.slice(5).trim() : source;
  try {
    const template = parseTemplate(body);
    const lines = rows.map((row) => template.execute(row));
    if (!table) return { ok: true, text: lines.map((l) => `${l}\n`).join('') };
    const header = template.execute(spec.headers);
    return { ok: true, text: tabwrite([header, ...lines], TABLE) };
  } catch (e) {
    if (e instanceof TemplateError)
      return { ok: false, error: `template parsing error: ${e.message}` };
    throw e;
  }
}

/** Renders and prints a list, or prints the template error; returns the exit status. */
export function printList(
  io: { out(text: string): void; err(text: string): void },
  rows: readonly Readonly<Record<string, unknown>>[],
  format: string | undefined,
  spec: ListFormat,
): number {
  const rendered = renderList(rows, format, spec);
  if (!rendered.ok) {
    io.err(`${rendered.error}\n`);
    return 1;
  }
  io.out(rendered.text);
  return 0;
}
