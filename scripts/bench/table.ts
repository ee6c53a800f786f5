/**
 * The one benchmark table: a row per figure, with its budget (where the issue sets one), a
 * pass/fail mark, and how it was measured. Printed as Markdown (the README shows it as is) and
 * written as JSON with the machine it came from.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Machine } from './machine';

export interface Budget {
  /** As shown in the table, e.g. `≤ 200 KB`. */
  readonly text: string;
  readonly pass: boolean;
}

export interface Row {
  /** What is measured: First load, Lighthouse, Frames, Latency, Simulation, Memory, Bridge. */
  readonly part: string;
  readonly figure: string;
  /** The figure as a number in `unit`; null when the part could not be measured. */
  readonly value: number | null;
  readonly unit: string;
  /** The value as printed. */
  readonly shown: string;
  readonly budget?: Budget;
  readonly how: string;
}

export interface BenchResult {
  readonly date: string;
  readonly machine: Machine;
  /** The 1-minute load average as the run began and ended (the machine may be shared). */
  readonly loadAverage: { readonly before: number; readonly after: number };
  /** Wall time of the whole run, build included. */
  readonly seconds: number;
  readonly rows: readonly Row[];
  /** Per-part detail that does not fit a row (Lighthouse's failing audits, say). */
  readonly details: Readonly<Record<string, unknown>>;
}

export const PASS = '✓';
export const FAIL = '✗';

/** A budget that holds when `value <= limit`. */
export function atMost(value: number, limit: number, text: string): Budget {
  return { text: `≤ ${text}`, pass: value <= limit };
}

/** A budget that holds when `value >= limit`. */
export function atLeast(value: number, limit: number, text: string): Budget {
  return { text: `≥ ${text}`, pass: value >= limit };
}

/** A row for a part that failed: no value, the error in place of how it was measured. */
export function failedRow(part: string, error: unknown): Row {
  const message = error instanceof Error ? error.message : String(error);
  return {
    part,
    figure: 'could not be measured',
    value: null,
    unit: '',
    shown: 'error',
    how: message.split('\n')[0] ?? message,
  };
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function markdownTable(rows: readonly Row[]): string {
  const lines = [
    '| part | figure | value | budget | ok | how it was measured |',
    '| --- | --- | ---: | --- | :-: | --- |',
  ];
  for (const r of rows) {
    const mark = r.budget ? (r.budget.pass ? PASS : FAIL) : '';
    lines.push(
      `| ${[r.part, r.figure, r.shown, r.budget?.text ?? '', mark, r.how].map(cell).join(' | ')} |`,
    );
  }
  return lines.join('\n');
}

export function writeResult(path: string, result: BenchResult): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(result, null, 2)}\n`);
}

/** Formats a number with thousands separators and `digits` decimals. */
export function num(value: number, digits = 0): string {
  return value.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

/** Bytes as KB (1 KB = 1,000 bytes, as bundle budgets are usually written), one decimal. */
export function kb(bytes: number): string {
  return `${num(bytes / 1000, 1)} KB`;
}
