/**
 * What Tab completion does alike in every shell of the app: find the word being typed (from
 * the last blank before the cursor) and the command it belongs to (the last command of a chain
 * or pipe, split on blanks), then keep the candidates that start with that word, once each and
 * sorted. Which candidates there are is each shell's own (complete.ts, and kubectlComplete.ts
 * for the laptop).
 */
import type { Completion } from './types';

/** Where Tab was pressed, as completion reads the line. */
export interface CompletionPoint {
  /** Where the word being completed starts. */
  readonly from: number;
  /** The word being completed, up to the cursor. */
  readonly word: string;
  /** The command the word belongs to; undefined while the word is the command itself. */
  readonly command: string | undefined;
  /** The words between the command and the word being completed. */
  readonly args: readonly string[];
}

export function completionPoint(line: string, cursor: number): CompletionPoint {
  const head = line.slice(0, cursor);
  const from = head.search(/\S*$/);
  const word = head.slice(from);
  // Completion follows the last command of a chain or pipe.
  const segment =
    head
      .slice(0, from)
      .split(/&&|\|\||;|\|/)
      .at(-1) ?? '';
  const before = segment.trim() === '' ? [] : segment.trim().split(/\s+/);
  const [command, ...args] = before;
  return { from, word, command, args };
}

/** The candidates that fit the word at `point`, once each and sorted. */
export function completion(point: CompletionPoint, candidates: readonly string[]): Completion {
  return {
    from: point.from,
    candidates: [...new Set(candidates.filter((c) => c.startsWith(point.word)))].sort(),
  };
}
