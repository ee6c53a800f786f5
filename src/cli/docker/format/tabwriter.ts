/**
 * Go's text/tabwriter as docker's table output uses it (`NewWriter(out, 10, 1, 3, ' ', 0)`):
 * tab-terminated cells are padded to the column's widest cell plus 3 spaces, at least 10
 * wide; the last cell of a line is not padded. Widths count characters, as Go counts runes.
 */
const MIN_WIDTH = 10;
const PADDING = 3;

/** `minWidth` is 10 for docker's tables; `docker top` uses 20. */
export function tabwrite(lines: readonly string[], minWidth = MIN_WIDTH): string[] {
  const rows = lines.map((line) => line.split('\t'));
  const widths: number[] = [];
  for (const cells of rows) {
    cells.slice(0, -1).forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, minWidth, [...cell].length + PADDING);
    });
  }
  return rows.map((cells) =>
    cells
      .map((cell, i) =>
        i < cells.length - 1
          ? cell.padEnd((widths[i] ?? 0) - ([...cell].length - cell.length))
          : cell,
      )
      .join(''),
  );
}
