/**
 * Tab completion helpers, bash style: the longest common prefix of the candidates, and the
 * candidates laid out in columns that fit the screen. Contract: pure string work.
 */
import { textWidth } from './screenLayout';

export function longestCommonPrefix(words: readonly string[]): string {
  const [first, ...rest] = words;
  if (first === undefined) return '';
  let prefix = first;
  for (const word of rest) {
    let length = 0;
    while (length < prefix.length && prefix[length] === word[length]) length += 1;
    prefix = prefix.slice(0, length);
  }
  // Never end between the two halves of a surrogate pair.
  const last = prefix.charCodeAt(prefix.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? prefix.slice(0, -1) : prefix;
}

/**
 * A completed word is followed by a space so the next one can be typed at once; a directory,
 * an option waiting for its value or a `name:` prefix is not complete yet.
 */
export function isWholeWord(candidate: string): boolean {
  return !/[/=:]$/.test(candidate);
}

/**
 * The candidates in columns, top to bottom then left to right as `ls` and bash print them,
 * each line ending in CRLF. Columns are two cells wider than the widest candidate.
 */
export function formatColumns(candidates: readonly string[], columns: number): string {
  const widths = candidates.map(textWidth);
  const cell = Math.max(0, ...widths) + 2;
  const perRow = Math.max(1, Math.floor(columns / cell));
  const rows = Math.ceil(candidates.length / perRow);
  let out = '';
  for (let row = 0; row < rows; row += 1) {
    let line = '';
    for (let col = 0; col < perRow; col += 1) {
      const index = col * rows + row;
      const candidate = candidates[index];
      if (candidate === undefined) break;
      const isLast = index + rows >= candidates.length;
      line += isLast ? candidate : candidate + ' '.repeat(cell - (widths[index] ?? 0));
    }
    out += `${line}\r\n`;
  }
  return out;
}
