/**
 * Go's text/tabwriter, which `ctr` and `runc` print their tables with. Cells end at a tab; the
 * text after a line's last tab is not part of any column. A column is as wide as the widest
 * cell in its block of consecutive lines plus the padding, at least `minwidth`, so a header
 * cell that ends in a tab is padded (trailing spaces included) exactly as Go pads it.
 */

export interface TabwriterOptions {
  readonly minwidth: number;
  readonly padding: number;
}

interface Cell {
  readonly text: string;
}

/** Formats lines (each possibly containing tabs) into aligned text, each line ending in `\n`. */
export function tabwrite(lines: readonly string[], options: TabwriterOptions): string {
  const rows: Cell[][] = lines.map((line) => line.split('\t').map((text) => ({ text })));
  const widths: number[] = [];
  let out = '';

  const writeLines = (from: number, to: number): void => {
    for (let i = from; i < to; i++) {
      const row = rows[i] ?? [];
      let text = '';
      row.forEach((cell, j) => {
        const w = widths[j];
        if (j < row.length - 1 && w !== undefined) text += cell.text.padEnd(w, ' ');
        else text += cell.text;
      });
      out += `${text}\n`;
    }
  };

  // Go's format(): recursive over column blocks.
  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    let start = line0;
    for (let i = line0; i < line1; i++) {
      const row = rows[i] ?? [];
      if (column >= row.length - 1) continue;
      writeLines(start, i);
      start = i;
      let width = options.minwidth;
      let j = i;
      for (; j < line1; j++) {
        const r = rows[j] ?? [];
        if (column >= r.length - 1) break;
        const w = (r[column]?.text.length ?? 0) + options.padding;
        if (w > width) width = w;
      }
      widths.push(width);
      format(start, j);
      widths.pop();
      start = j;
      i = j - 1;
    }
    writeLines(start, line1);
  };

  format(0, rows.length);
  return out;
}
